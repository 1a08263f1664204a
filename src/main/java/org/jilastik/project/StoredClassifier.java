package org.jilastik.project;

import java.util.List;

/**
 * A trained classifier stored in a project (spec pixel-classification §4.2): the vigra forests as in-memory
 * copies of their HDF5 groups (decoded by the forest package), plus the metadata beside them.
 *
 * @param groupPath    HDF5 path of the classifier group, e.g. {@code /PixelClassification/ClassifierForests}
 * @param type         the class named by {@code pickled_type} ({@link ClassifierType#PARALLEL_VIGRA_RF} when absent)
 * @param pickledType  {@code module.Class} parsed from {@code pickled_type}, or null when absent
 * @param forests      the forest groups ({@code Forest*} in sorted name order, or the single {@code forest}); empty
 *                     for an unusable type
 * @param knownLabels  {@code known_labels} (label value per probability column), or null in old files
 * @param featureNames {@code feature_names} (UTF-8 channel names), or null in old files
 */
public record StoredClassifier(String groupPath, ClassifierType type, String pickledType, List<StoredGroup> forests,
                               long[] knownLabels, List<String> featureNames) {

    /** Whether jilastik can predict with this classifier (a vigra forest with at least one forest stored). */
    public boolean usable() {
        return type.usable() && !forests.isEmpty();
    }

    /** {@code _options/tree_count_} of forest {@code i}, or -1 if not stored. */
    public int treeCount(int i) {
        return (int) optionOf(forests.get(i), "_options", "tree_count_");
    }

    /** Sum of the tree counts of all forests (-1 if one is unknown). */
    public int totalTreeCount() {
        int total = 0;
        for (int i = 0; i < forests.size(); i++) {
            int t = treeCount(i);
            if (t < 0) {
                return -1;
            }
            total += t;
        }
        return total;
    }

    /** {@code _ext_param/column_count_} (feature count) of the first forest, or -1. */
    public int featureCount() {
        return forests.isEmpty() ? -1 : (int) optionOf(forests.getFirst(), "_ext_param", "column_count_");
    }

    private static double optionOf(StoredGroup forest, String group, String name) {
        StoredGroup g = forest.groups().get(group);
        Object v = g == null ? null : g.datasets().get(name);
        double[] d = v == null ? new double[0] : Hdf5Values.doubles(v);
        return d.length == 0 ? -1 : d[0];
    }
}
