package org.jilastik.forest;

import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

/** Hand-built and random vigra forests for unit tests. */
final class TinyForests {
    static final int LEAF = VigraTree.CONSTANT_LEAF;

    private TinyForests() {
    }

    static VigraForest forest(int features, long[] labels, boolean weighted, VigraTree... trees) {
        SortedMap<String, double[]> options = new TreeMap<>();
        options.put("tree_count_", new double[] {trees.length});
        options.put("predict_weighted_", new double[] {weighted ? 1 : 0});
        options.put("mtry_switch_", new double[] {6});
        SortedMap<String, double[]> ext = new TreeMap<>();
        ext.put("column_count_", new double[] {features});
        ext.put("class_count_", new double[] {labels.length});
        double[] weights = new double[labels.length];
        java.util.Arrays.fill(weights, 1.0);
        ext.put("class_weights_", weights);
        return new VigraForest(new double[] {0.1}, options, ext, labels.clone(), List.of(trees));
    }

    /** One split on {@code feature} at {@code threshold}: left leaf probabilities {@code left}, right {@code right}. */
    static VigraTree stump(int features, int feature, double threshold, double[] left, double[] right) {
        int k = left.length;
        int[] topology = {features, k, 0, 0, 7, 9, feature, LEAF, 2, LEAF, 3 + k};
        double[] parameters = new double[2 + 2 * (1 + k)];
        parameters[0] = 1;
        parameters[1] = threshold;
        parameters[2] = 10; // left leaf weight
        System.arraycopy(left, 0, parameters, 3, k);
        parameters[3 + k] = 5; // right leaf weight
        System.arraycopy(right, 0, parameters, 4 + k, k);
        return new VigraTree(topology, parameters);
    }

    /** A single leaf tree. */
    static VigraTree leaf(int features, double weight, double... probabilities) {
        int[] topology = {features, probabilities.length, LEAF, 0};
        double[] parameters = new double[1 + probabilities.length];
        parameters[0] = weight;
        System.arraycopy(probabilities, 0, parameters, 1, probabilities.length);
        return new VigraTree(topology, parameters);
    }

    /**
     * A random tree with vigra's node order (depth-first, children after the split node), thresholds drawn from
     * {@code thresholds} so that features equal to a threshold occur, normalised leaf histograms.
     */
    static VigraTree random(Random rnd, int features, int classes, int maxDepth, float[] thresholds) {
        List<Integer> top = new java.util.ArrayList<>(List.of(features, classes));
        List<Double> par = new java.util.ArrayList<>();
        build(rnd, features, classes, maxDepth, thresholds, top, par);
        return new VigraTree(top.stream().mapToInt(Integer::intValue).toArray(),
                par.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static int build(Random rnd, int features, int classes, int depthLeft, float[] thresholds,
                             List<Integer> top, List<Double> par) {
        int at = top.size();
        if (depthLeft == 0 || rnd.nextInt(4) == 0) {
            top.add(LEAF);
            top.add(par.size());
            par.add((double) (1 + rnd.nextInt(50)));
            int[] counts = new int[classes];
            int total = 0;
            while (total == 0) {
                for (int l = 0; l < classes; l++) {
                    counts[l] = rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(20);
                    total += counts[l];
                }
            }
            for (int l = 0; l < classes; l++) {
                par.add((double) counts[l] / total);
            }
            return at;
        }
        top.add(0);
        top.add(par.size());
        top.add(-1);
        top.add(-1);
        top.add(rnd.nextInt(features));
        par.add(1.0);
        // Midpoints of two floats, as vigra's trainer makes them: mostly not a float themselves.
        float a = thresholds[rnd.nextInt(thresholds.length)];
        par.add(rnd.nextBoolean() ? (double) a : ((double) a + Math.nextUp(a)) / 2);
        int left = build(rnd, features, classes, depthLeft - 1, thresholds, top, par);
        int right = build(rnd, features, classes, depthLeft - 1, thresholds, top, par);
        top.set(at + 2, left);
        top.set(at + 3, right);
        return at;
    }
}
