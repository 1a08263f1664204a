package org.jilastik.forest;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * One vigra random forest (one {@code ForestNNNN} group of a project, spec pixel-classification §4.3), kept
 * complete so that it can be written back unchanged.
 *
 * <p>{@code options} holds every {@code _options/*} entry and {@code extParams} every {@code _ext_param/*} entry
 * except {@code labels}, each as the float64 values vigra stores (normally one value; {@code class_weights_} has
 * one per class). Plain data: the maps are unmodifiable, the arrays must not be modified. Thread safe.
 *
 * @param version   the group attribute {@code vigra_random_forest_version} (normally {@code [0.1]}), or
 *                  {@code null} when absent
 * @param options   {@code _options} entries by name
 * @param extParams {@code _ext_param} entries by name, without {@code labels}
 * @param labels    {@code _ext_param/labels}: the class label value of each class column (uint32)
 * @param trees     the trees in vigra's order (group name order)
 */
public record VigraForest(double[] version, SortedMap<String, double[]> options, SortedMap<String, double[]> extParams,
                          long[] labels, List<VigraTree> trees) {

    /** Number of trees that prediction uses ({@code tree_count_}; equal to {@code trees().size()}). */
    public int treeCount() {
        return trees.size();
    }

    /** Number of feature columns the forest was trained on ({@code _ext_param/column_count_}). */
    public int columnCount() {
        return (int) extParams.get("column_count_")[0];
    }

    /** Number of classes ({@code _ext_param/class_count_}), the length of each leaf's probability vector. */
    public int classCount() {
        return (int) extParams.get("class_count_")[0];
    }

    /** Whether leaf probabilities are multiplied by the leaf weight at prediction ({@code predict_weighted_}). */
    public boolean predictWeighted() {
        double[] v = options.get("predict_weighted_");
        return v != null && v.length > 0 && v[0] != 0;
    }

    /** Whether {@code other} is the same forest: every option, parameter, label and tree array equal. */
    public boolean sameAs(VigraForest other) {
        if (!Arrays.equals(version, other.version) || !Arrays.equals(labels, other.labels)
                || !sameEntries(options, other.options) || !sameEntries(extParams, other.extParams)
                || trees.size() != other.trees.size()) {
            return false;
        }
        for (int t = 0; t < trees.size(); t++) {
            if (!trees.get(t).sameAs(other.trees.get(t))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameEntries(Map<String, double[]> a, Map<String, double[]> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (Map.Entry<String, double[]> e : a.entrySet()) {
            if (!Arrays.equals(e.getValue(), b.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
