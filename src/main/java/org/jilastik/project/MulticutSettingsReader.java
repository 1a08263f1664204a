package org.jilastik.project;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jilastik.error.JilastikException;

/**
 * Reads {@link MulticutSettings} from the groups {@code DT Watershed} and {@code Training and Multicut} of a
 * multicut project (spec multicut §3), with ilastik's defaults for absent datasets. The cached superpixels, RAG and
 * feature table of the training lane are not read (batch runs recompute them). Stateless, thread safe.
 */
public final class MulticutSettingsReader {
    private MulticutSettingsReader() {
    }

    /**
     * Reads the settings of {@code ilp}.
     *
     * @throws JilastikException (processing) if a group is missing or the file cannot be read
     */
    public static MulticutSettings read(Path ilp) {
        try (HdfFile hdf = new HdfFile(ilp)) {
            Group ws = Hdf5Values.group(hdf, "DT Watershed");
            Group mc = Hdf5Values.group(hdf, "Training and Multicut");
            if (ws == null || mc == null) {
                throw JilastikException.processing(ilp + " lacks the group \"" + (ws == null ? "DT Watershed"
                        : "Training and Multicut") + "\"; open it in ilastik, run the watershed and multicut "
                        + "applets once and save the project");
            }
            double[] sel = Hdf5Values.doubles(ws, "ChannelSelections");
            int[] channels = sel == null ? new int[] {0} : new int[sel.length];
            for (int i = 0; sel != null && i < sel.length; i++) {
                channels[i] = (int) sel[i];
            }
            double[] pitch = Hdf5Values.doubles(ws, "PixelPitch");
            Boolean blockwise = Hdf5Values.bool(ws, "BlockwiseWatershed");
            Boolean train = Hdf5Values.bool(mc, "TrainRandomForest");
            String solver = Hdf5Values.string(mc, "SolverName");
            return new MulticutSettings(channels, num(ws, "Threshold", 0.5), (int) num(ws, "MinSize", 100),
                    num(ws, "Sigma", 3.0), num(ws, "Alpha", 0.9), pitch == null ? new double[0] : pitch,
                    blockwise != null && blockwise, featureNames(Hdf5Values.group(mc, "FeatureNames")),
                    train == null || train, num(mc, "Beta", 0.5), num(mc, "ProbabilityThreshold", 0.5),
                    solver == null ? "kernighan-lin" : solver);
        } catch (JilastikException e) {
            throw e;
        } catch (RuntimeException e) {
            throw JilastikException.processing(ilp + " is damaged and its multicut settings cannot be read ("
                    + e.getMessage() + "); save the project again in ilastik", e);
        }
    }

    private static double num(Group g, String name, double fallback) {
        Double v = Hdf5Values.number(g, name);
        return v == null ? fallback : v;
    }

    private static Map<String, List<String>> featureNames(Group g) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (g != null) {
            for (Map.Entry<String, Node> e : Hdf5Children.of(g).entrySet()) {
                if (e.getValue() instanceof Dataset d) {
                    out.put(e.getKey(), List.copyOf(Hdf5Values.strings(d)));
                }
            }
        }
        return Collections.unmodifiableMap(out);
    }
}
