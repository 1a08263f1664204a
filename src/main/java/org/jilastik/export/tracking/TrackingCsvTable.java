package org.jilastik.export.tracking;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jilastik.export.CsvTableWriter;
import org.jilastik.workflow.objects.ObjectFeatures;
import org.jilastik.workflow.tracking.TrackingResult;

/**
 * ilastik's {@code CSV-Table} tracking export (spec tracking §3): {@code <name>.csv} with the header
 * {@code frame,labelimageId,trackId,lineageId,parentTrackId,mergerLabelId} and then one column per component of
 * every feature of every category ({@code <display name with _ for spaces>_<i>}); one row per node of the final
 * graph, sorted by frame, then labelimageId. Numbers go through a float64 table and are printed with {@code %d}
 * (the six id columns and columns whose name contains {@code Number_of}, {@code Center_of} or {@code Bounding_Box}:
 * truncated) or {@code %f}. Stateless, thread safe.
 */
public final class TrackingCsvTable {
    private TrackingCsvTable() {
    }

    /** The header, and for each feature column whether it is printed {@code %d}. */
    record Columns(List<String> header, List<Boolean> integer) {
    }

    static Columns columns(TrackedFeatures features) {
        List<String> header = new ArrayList<>(List.of("frame", "labelimageId", "trackId", "lineageId",
                "parentTrackId", "mergerLabelId"));
        List<Boolean> integer = new ArrayList<>(List.of(true, true, true, true, true, true));
        ObjectFeatures sample = features.frames().isEmpty() ? null : features.frames().getFirst();
        for (TrackedFeatures.Category c : features.categories()) {
            for (String f : c.features()) {
                if (sample == null || !sample.has(f)) {
                    continue;
                }
                String base = FeatureDisplayNames.of(c.name(), f).replace(' ', '_');
                for (int j = 0; j < sample.width(f); j++) {
                    String name = base + "_" + j;
                    header.add(name);
                    // ilastik also tests name == "Size_in_pixels", which a suffixed name never is
                    integer.add(name.contains("Number_of") || name.contains("Center_of")
                            || name.contains("Bounding_Box"));
                }
            }
        }
        return new Columns(List.copyOf(header), List.copyOf(integer));
    }

    /**
     * Writes {@code file} (the plugin's {@code .csv} suffix already added).
     *
     * @throws org.jilastik.error.JilastikException (processing) if the file cannot be written
     */
    public static Path write(Path file, TrackingResult result, TrackedFeatures features) {
        Columns cols = columns(features);
        List<TrackingResult.Node> nodes = new ArrayList<>(result.nodes());
        nodes.sort(Comparator.comparingInt(TrackingResult.Node::frame)
                .thenComparingInt(TrackingResult.Node::labelImageId));
        CsvTableWriter w = new CsvTableWriter(file, cols.header());
        try {
            for (TrackingResult.Node n : nodes) {
                w.row(row(n, features, cols));
            }
        } catch (RuntimeException e) {
            w.abort();
            throw e;
        }
        w.close();
        return file;
    }

    static String[] row(TrackingResult.Node n, TrackedFeatures features, Columns cols) {
        String[] row = new String[cols.header().size()];
        row[0] = Integer.toString(n.frame());
        row[1] = Integer.toString(n.labelImageId());
        row[2] = Integer.toString(n.trackId());
        row[3] = Integer.toString(n.lineageId());
        row[4] = Integer.toString(n.parentTrackId());
        row[5] = Integer.toString(n.mergerLabelId());
        int i = 6;
        ObjectFeatures f = features.frames().get(n.frame());
        ObjectFeatures sample = features.frames().getFirst();
        for (TrackedFeatures.Category c : features.categories()) {
            for (String name : c.features()) {
                if (!sample.has(name)) {
                    continue;
                }
                int k = sample.width(name);
                double[] v = f.has(name) ? f.values().get(name) : null;
                for (int j = 0; j < k; j++) {
                    double x;
                    if (v == null || n.labelImageId() > f.count()) {
                        x = name.contains("SquaredDistances") ? 9999 : 0; // ilastik's IndexError fallback
                    } else {
                        x = v[n.labelImageId() * k + j];
                        x = c.float32() ? (double) (float) x : x;
                    }
                    row[i] = cols.integer().get(i) ? PrintfFormat.d(x) : PrintfFormat.f(x);
                    i++;
                }
            }
        }
        return row;
    }
}
