package org.jilastik.workflow.tracking;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jilastik.error.JilastikException;
import org.jilastik.project.ObjectSettings.ObjectFeatureSpec;
import org.jilastik.workflow.objects.ObjectFeatures;

/**
 * The feature matrix of a tracking classifier (object count or division): the selected features in ilastik's order
 * (plugins by sorted name, then features by sorted name, all components of each), float32, NaN and infinities
 * replaced by 0. A selected feature that was not computed contributes no column, as in ilastik (observed: a
 * selected plugin that computed nothing leaves the forest with fewer columns). Stateless, thread safe.
 */
public final class TrackingFeatureMatrix {
    private TrackingFeatureMatrix() {
    }

    /**
     * Builds the matrix of objects 1..count, row-major.
     *
     * @param selected  the classifier's {@code SelectedFeatures}
     * @param vigra     the plugin features of the frame (by feature name)
     * @param division  the division features of the frame (by name), or an empty map
     * @param expected  the forest's column count
     * @param what      the classifier's name for the error message
     * @throws JilastikException (processing) when the column count differs from the forest's
     */
    public static float[] of(List<ObjectFeatureSpec> selected, ObjectFeatures vigra, Map<String, double[]> division,
            int expected, String what) {
        TreeMap<String, TreeSet<String>> sorted = new TreeMap<>();
        for (ObjectFeatureSpec f : selected) {
            sorted.computeIfAbsent(f.plugin(), p -> new TreeSet<>()).add(f.name());
        }
        int count = vigra.count();
        int width = 0;
        for (Map.Entry<String, TreeSet<String>> p : sorted.entrySet()) {
            for (String name : p.getValue()) {
                double[] v = values(p.getKey(), name, vigra, division);
                width += v == null ? 0 : v.length / (count + 1);
            }
        }
        if (count > 0 && width != expected) {
            throw JilastikException.processing("the " + what + " classifier expects " + expected
                    + " feature columns but the project's selected features give " + width
                    + "; retrain it in ilastik and save the project");
        }
        float[] out = new float[count * width];
        int col = 0;
        for (Map.Entry<String, TreeSet<String>> p : sorted.entrySet()) {
            for (String name : p.getValue()) {
                double[] v = values(p.getKey(), name, vigra, division);
                if (v == null) {
                    continue;
                }
                int k = v.length / (count + 1);
                for (int o = 1; o <= count; o++) {
                    for (int j = 0; j < k; j++) {
                        float x = (float) v[o * k + j];
                        out[(o - 1) * width + col + j] = Float.isFinite(x) ? x : 0f;
                    }
                }
                col += k;
            }
        }
        return out;
    }

    private static double[] values(String plugin, String name, ObjectFeatures vigra, Map<String, double[]> division) {
        if (plugin.equals(CellDivisionFeatures.PLUGIN)) {
            return division.get(name);
        }
        return vigra.values().get(name);
    }
}
