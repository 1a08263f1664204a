package org.jilastik.export.tracking;

import java.nio.file.Path;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.jilastik.error.JilastikException;
import org.jilastik.workflow.tracking.ConservationTracker;
import org.jilastik.workflow.tracking.TrackingResult;
import org.jilastik.workflow.tracking.export.EventSequenceWriter;
import org.jilastik.workflow.tracking.export.HytraJsonWriter;

/**
 * Runs one tracking export plugin on a {@link TrackingResult} (spec tracking §3): the dispatch point from
 * {@code --export_plugin} to the writers. Plugins jilastik cannot write end in one sentence saying why. Stateless.
 */
public final class TrackingPluginExporter {
    private TrackingPluginExporter() {
    }

    /**
     * What the plugins may need besides the result.
     *
     * @param features    the per-frame features of the merger-relabelled objects, computed on first use
     * @param rawChannels channels of the raw data (Contours-With-Head needs at least 3)
     * @param bdvXml      {@code --big_data_viewer_xml_file}, or null
     * @param raw         frame t → raw intensities of a 2-D frame, flat {@code [y][x][c]} (Contours-With-Head)
     * @param tracked     the detailed tracking (final graph with its energies and uuids) for the JSON and
     *                    Fiji-MaMuT plugins, else null
     */
    public record Context(Supplier<TrackedFeatures> features, int rawChannels, String bdvXml,
            IntFunction<float[]> raw, ConservationTracker.Tracked tracked) {
    }

    /**
     * Refuses, before any computation, a plugin that cannot be written for data with {@code rawChannels}.
     *
     * @throws JilastikException (processing, exit code 1) naming the plugin and the reason
     */
    public static void check(TrackingPlugin plugin, int rawChannels) {
        switch (plugin) {
            case CONTOURS_WITH_HEAD -> {
                if (rawChannels < 3) {
                    throw JilastikException.processing("--export_plugin=Contours-With-Head reads a head probability "
                            + "from channel 2 of the raw data, which has only " + rawChannels + " channel(s); give "
                            + "raw data with at least 3 channels or choose --export_plugin=Contours");
                }
            }
            default -> {
            }
        }
    }

    /**
     * Writes the plugin's files.
     *
     * @param base the expanded output path ({@code {result_type}} = plugin name), without the plugin's suffix
     * @return the written files (the directory for directory plugins)
     */
    public static List<Path> export(TrackingPlugin plugin, Path base, TrackingResult result, Context context) {
        check(plugin, context.rawChannels());
        return switch (plugin) {
            case CSV_TABLE -> List.of(TrackingCsvTable.write(suffixed(base, ".csv"), result,
                    context.features().get()));
            case CELL_TRACKING_CHALLENGE -> List.of(CellTrackingChallengeExport.write(base, result));
            case CONTOURS -> List.of(ContoursExport.write(suffixed(base, ".outline"), result));
            case MULTI_WORM_TRACKER -> MultiWormTrackerExport.write(base, result, context.features().get()
                    .frames());
            case CONTOURS_WITH_HEAD -> List.of(ContoursWithHeadExport.write(suffixed(base, ".contours"), result,
                    context.raw(), context.rawChannels()));
            case JSON -> {
                if (context.tracked() == null) {
                    throw new IllegalStateException("the JSON plugin needs the detailed tracking result");
                }
                Path graph = suffixed(base, "_graph.json");
                Path res = suffixed(base, "_result.json");
                HytraJsonWriter.write(context.tracked(), graph, res);
                yield List.of(graph, res);
            }
            case H5_EVENT_SEQUENCE -> {
                EventSequenceWriter.write(result, base);
                yield List.of(base);
            }
            case FIJI_MAMUT -> {
                if (context.tracked() == null) {
                    throw new IllegalStateException("the Fiji-MaMuT plugin needs the detailed tracking result");
                }
                yield List.of(MamutXmlExport.write(suffixed(base, "_mamut.xml"), MamutGraph.of(context.tracked()),
                        context.features().get(), context.bdvXml()));
            }
        };
    }

    private static Path suffixed(Path base, String suffix) {
        return base.resolveSibling(base.getFileName() + suffix);
    }
}
