package org.jilastik.workflow.objects;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.jilastik.export.PyRepr;
import org.jilastik.project.ObjectSettings;

/**
 * The columns and rows of ilastik's object table (spec object-classification §8): {@code object_id},
 * {@code timestep}, {@code labelimage_oid}, {@code User Label}, {@code Predicted Class}, one
 * {@code Probability of <class>} per class, then the feature columns. ilastik orders feature columns by Python
 * set iteration (not stable between runs); jilastik writes the standard plugin's table features sorted by
 * display name, then the default features whose display name is not used yet, sorted by display name. A
 * feature with k > 1 values per object gets columns {@code <name>_0 .. <name>_<k-1>}. Standard features print
 * as float32, default features as float64 (their dtypes in ilastik). Immutable, thread safe.
 */
public final class ObjectTable {
    private record Column(String feature, String display, boolean standard) {
    }

    private final List<Column> features;
    private final List<String> classNames;
    private final boolean originalIds;

    /**
     * @param settings    the project's object settings (its table selection names the feature columns)
     * @param plan        the computed features
     * @param classNames  class names in probability order
     * @param originalIds whether to add ilastik's {@code original_oid} default feature (label-image variant)
     */
    public ObjectTable(ObjectSettings settings, ObjectFeaturePlan plan, List<String> classNames,
            boolean originalIds) {
        this.classNames = List.copyOf(classNames);
        this.originalIds = originalIds;
        Set<String> chosen = settings.table() == null ? Set.of() : Set.copyOf(settings.table().selectedFeatures());
        TreeMap<String, Column> standard = new TreeMap<>();
        for (ObjectSettings.ObjectFeatureSpec f : settings.extracted()) {
            if (ObjectFeaturePlan.isConvexHull(f.plugin())) {
                continue; // no values (see ObjectFeaturePlan.isConvexHull)
            }
            String display = plan.displayName(f.name());
            if (chosen.contains(f.name()) || chosen.contains(display)) {
                standard.putIfAbsent(display, new Column(f.name(), display, true));
            }
        }
        TreeMap<String, Column> defaults = new TreeMap<>();
        for (String f : ObjectFeaturePlan.DEFAULTS) {
            String display = plan.displayName(f);
            if (!standard.containsKey(display)) {
                defaults.put(display, new Column(f, display, false));
            }
        }
        if (originalIds) {
            defaults.put("original_oid", new Column("original_oid", "original_oid", false));
        }
        List<Column> cols = new ArrayList<>(standard.values());
        cols.addAll(defaults.values());
        this.features = List.copyOf(cols);
    }

    /** The header for frames whose features are {@code sample} (widths of multi-value features). */
    public List<String> header(ObjectFeatures sample) {
        List<String> out = new ArrayList<>(List.of("object_id", "timestep", "labelimage_oid", "User Label",
                "Predicted Class"));
        for (String c : classNames) {
            out.add("Probability of " + c);
        }
        for (Column c : features) {
            int k = width(sample, c);
            if (k == 1) {
                out.add(c.display);
            } else {
                for (int i = 0; i < k; i++) {
                    out.add(c.display + "_" + i);
                }
            }
        }
        return out;
    }

    private static int width(ObjectFeatures f, Column c) {
        return c.feature.equals("original_oid") ? 1 : f.width(c.feature);
    }

    /**
     * The rows of one frame.
     *
     * @param firstId      {@code object_id} of the frame's first object (running over frames)
     * @param originalOids original label per object (label-image variant), or null
     */
    public List<String[]> rows(int t, long firstId, ObjectFeatures f, float[] probabilities, int[] predicted,
            long[] originalOids) {
        int c = classNames.size();
        List<String[]> out = new ArrayList<>();
        int cells = header(f).size();
        for (int o = 1; o <= f.count(); o++) {
            String[] row = new String[cells];
            int i = 0;
            row[i++] = Long.toString(firstId + o - 1);
            row[i++] = Integer.toString(t);
            row[i++] = Integer.toString(o);
            row[i++] = "0";
            row[i++] = classNames.get(predicted[o] - 1);
            for (int k = 0; k < c; k++) {
                row[i++] = PyRepr.float32(probabilities[o * c + k]);
            }
            for (Column col : features) {
                if (col.feature.equals("original_oid")) {
                    row[i++] = PyRepr.float64(originalOids == null ? o : originalOids[o]);
                    continue;
                }
                double[] v = f.values().get(col.feature);
                int k = f.width(col.feature);
                for (int j = 0; j < k; j++) {
                    double x = v[o * k + j];
                    row[i++] = col.standard ? PyRepr.float32((float) x) : PyRepr.float64(x);
                }
            }
            out.add(row);
        }
        return out;
    }

    /** Names of the feature columns' features, in column order (for tests and docs). */
    public List<String> featureOrder() {
        Set<String> s = new LinkedHashSet<>();
        features.forEach(c -> s.add(c.feature));
        return List.copyOf(s);
    }
}
