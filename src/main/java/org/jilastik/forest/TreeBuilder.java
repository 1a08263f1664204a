package org.jilastik.forest;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Grows one vigra-compatible decision tree (vigra's default {@code RandomForest} with {@code ThresholdSplit},
 * Gini criterion and {@code EarlyStoppStd}; spec pixel-classification §4.5) on a {@link TrainingSet}.
 *
 * <p>The recipe, step by step:
 * <ol>
 * <li>bootstrap: draw {@code n} sample indices uniformly with replacement (duplicates count as samples);</li>
 * <li>a node whose samples are all of one class, or which holds ≤ {@code minSplitNodeSize} (1) samples, becomes a
 *     leaf: weight = sample count, probabilities = class histogram / count;</li>
 * <li>otherwise features are tried in a random order (lazy Fisher–Yates over all columns): for each, the node's
 *     samples are sorted by that feature and every boundary between distinct consecutive values is scored with
 *     vigra's Gini sum over both children ({@code c0·c1/n} per child for two classes, {@code Σ c_l (1 − c_l/n)}
 *     otherwise); a feature's best boundary replaces the node's best only when strictly lower (beyond a relative
 *     tolerance of 2 ε, vigra's {@code closeAtTolerance}). After {@code mtry} features the search stops if a split
 *     was found; otherwise it goes on through the remaining features until one gives a split; no split → leaf;</li>
 * <li>threshold = {@code ((double) v_m + (double) v_{m+1}) / 2.0}: vigra widens both float32 values before adding
 *     (every threshold of ilastik's stored forests of {@code axes-order} and {@code new-3d-allfeatures} is exactly
 *     this midpoint of two of the training features, while a float32 sum explains only about 40 % of them); samples
 *     are divided by their sorted position, left = the lower values.</li>
 * </ol>
 *
 * <p>Data layout: node sample sets are ranges {@code [lo, hi)} of one int array of sample indices that is permuted
 * in place as nodes split; sorting packs a sortable float key and the index into one {@code long}. The tree is
 * emitted into growable int/double arrays in vigra's encoding ({@link VigraTree}). Not thread safe: one builder per
 * thread; {@link #build} may be called repeatedly.
 */
final class TreeBuilder {
    private final TrainingSet data;
    private final int mtry;
    private final int minSplitNodeSize;
    private final int classes;
    private final int columns;
    private final float[] x;
    private final int[] y;
    private final int[] perm;
    private final int[] leftCounts;
    private final int[] rightCounts;
    private final int[] nodeCounts;
    private long[] keys = new long[0];
    private long[] bestKeys = new long[0];
    private int[] topology;
    private int topSize;
    private double[] parameters;
    private int parSize;
    private double[] giniDecrease;

    TreeBuilder(TrainingSet data, int mtry, int minSplitNodeSize) {
        this.data = data;
        this.mtry = mtry;
        this.minSplitNodeSize = minSplitNodeSize;
        this.classes = data.classCount();
        this.columns = data.featureCount();
        this.x = data.features();
        this.y = data.classes();
        this.perm = new int[columns];
        this.leftCounts = new int[classes];
        this.rightCounts = new int[classes];
        this.nodeCounts = new int[classes];
    }

    /** Result of growing one tree: the tree, the bootstrap membership and the Gini decrease per feature. */
    record Grown(VigraTree tree, boolean[] inBag, double[] giniDecrease) {
    }

    /** Grows one tree with randomness from {@code random}. */
    Grown build(SplittableRandom random) {
        int n = data.sampleCount();
        int[] samples = new int[n];
        boolean[] inBag = new boolean[n];
        for (int i = 0; i < n; i++) {
            samples[i] = random.nextInt(n);
            inBag[samples[i]] = true;
        }
        if (keys.length < n) {
            keys = new long[n];
            bestKeys = new long[n];
        }
        topology = new int[64];
        parameters = new double[64];
        topology[0] = columns;
        topology[1] = classes;
        topSize = 2;
        parSize = 0;
        giniDecrease = new double[columns];
        // Explicit stack of pending nodes: lo, hi, and the topology slot that must receive the node's address
        // (-1 for the root).
        int[] stack = new int[3 * 64];
        int sp = 0;
        stack[sp++] = 0;
        stack[sp++] = n;
        stack[sp++] = -1;
        while (sp > 0) {
            int slot = stack[--sp];
            int hi = stack[--sp];
            int lo = stack[--sp];
            int address = topSize;
            if (slot >= 0) {
                topology[slot] = address;
            }
            int mid = split(samples, lo, hi, random);
            if (mid < 0) {
                continue;
            }
            if (sp + 6 > stack.length) {
                stack = Arrays.copyOf(stack, stack.length * 2);
            }
            // right pushed first so that the left child is emitted first
            stack[sp++] = mid;
            stack[sp++] = hi;
            stack[sp++] = address + 3;
            stack[sp++] = lo;
            stack[sp++] = mid;
            stack[sp++] = address + 2;
        }
        VigraTree tree = new VigraTree(Arrays.copyOf(topology, topSize), Arrays.copyOf(parameters, parSize));
        return new Grown(tree, inBag, giniDecrease);
    }

    /**
     * Emits the node for {@code samples[lo, hi)}: a split (returns the first index of the right child, the samples
     * reordered so that the left child is {@code [lo, mid)}) or a leaf (returns −1).
     */
    private int split(int[] samples, int lo, int hi, SplittableRandom random) {
        int size = hi - lo;
        Arrays.fill(nodeCounts, 0);
        for (int i = lo; i < hi; i++) {
            nodeCounts[y[samples[i]]]++;
        }
        if (size <= minSplitNodeSize || isPure(size)) {
            emitLeaf(size);
            return -1;
        }
        for (int k = 0; k < columns; k++) {
            perm[k] = k;
        }
        double nodeGini = gini(nodeCounts, size);
        double best = Double.MAX_VALUE;
        int bestColumn = -1;
        int bestPos = -1;
        int tried = Math.min(mtry, columns);
        for (int k = 0; k < columns && (k < tried || bestColumn < 0); k++) {
            int j = k + random.nextInt(columns - k);
            int column = perm[j];
            perm[j] = perm[k];
            perm[k] = column;
            for (int i = lo; i < hi; i++) {
                int s = samples[i];
                keys[i - lo] = ((long) sortable(x[s * columns + column]) << 32) | (s & 0xFFFF_FFFFL);
            }
            Arrays.sort(keys, 0, size);
            Arrays.fill(leftCounts, 0);
            System.arraycopy(nodeCounts, 0, rightCounts, 0, classes);
            double columnBest = Double.MAX_VALUE;
            int columnPos = -1;
            for (int m = 0; m < size - 1; m++) {
                int c = y[(int) keys[m]];
                leftCounts[c]++;
                rightCounts[c]--;
                if ((int) (keys[m] >>> 32) == (int) (keys[m + 1] >>> 32)) {
                    continue;
                }
                double g = gini(leftCounts, m + 1) + gini(rightCounts, size - m - 1);
                if (g < columnBest && !close(g, columnBest)) {
                    columnBest = g;
                    columnPos = m;
                }
            }
            if (columnPos >= 0 && columnBest < best && !close(columnBest, best)) {
                best = columnBest;
                bestColumn = column;
                bestPos = columnPos;
                System.arraycopy(keys, 0, bestKeys, 0, size);
            }
        }
        if (bestColumn < 0) {
            emitLeaf(size);
            return -1;
        }
        giniDecrease[bestColumn] += nodeGini - best;
        for (int i = 0; i < size; i++) {
            samples[lo + i] = (int) bestKeys[i];
        }
        float a = x[samples[lo + bestPos] * columns + bestColumn];
        float b = x[samples[lo + bestPos + 1] * columns + bestColumn];
        emitSplit(bestColumn, ((double) a + (double) b) / 2.0);
        return lo + bestPos + 1;
    }

    private boolean isPure(int size) {
        for (int c : nodeCounts) {
            if (c == size) {
                return true;
            }
        }
        return false;
    }

    // vigra's Gini sum of one child (BestGiniFunctor): two classes c0·c1/n, else Σ c_l (1 − c_l/n); weights 1.
    private double gini(int[] counts, int n) {
        if (classes == 2) {
            return (double) counts[0] * counts[1] / n;
        }
        double g = 0;
        for (int c : counts) {
            g += c * (1.0 - (double) c / n);
        }
        return g;
    }

    // vigra closeAtTolerance with its default 2·DBL_EPSILON (relative to both values).
    private static boolean close(double a, double b) {
        if (b == Double.MAX_VALUE) {
            return false;
        }
        double d = Math.abs(a - b);
        double eps = 2 * Math.ulp(1.0);
        return d <= eps * Math.abs(a) && d <= eps * Math.abs(b) || d == 0;
    }

    // float → int whose signed order is the float order (negative floats have their magnitude bits flipped).
    private static int sortable(float v) {
        int bits = Float.floatToRawIntBits(v + 0.0f);
        return bits ^ ((bits >> 31) & 0x7FFF_FFFF);
    }

    private void emitLeaf(int size) {
        int n = topSize;
        ensure(2, 1 + classes);
        topology[n] = VigraTree.CONSTANT_LEAF;
        topology[n + 1] = parSize;
        topSize += 2;
        parameters[parSize] = size;
        for (int c = 0; c < classes; c++) {
            parameters[parSize + 1 + c] = (double) nodeCounts[c] / size;
        }
        parSize += 1 + classes;
    }

    private void emitSplit(int column, double threshold) {
        int n = topSize;
        ensure(5, 2);
        topology[n] = VigraTree.THRESHOLD_SPLIT;
        topology[n + 1] = parSize;
        topology[n + 4] = column;
        topSize += 5;
        parameters[parSize] = 1.0;
        parameters[parSize + 1] = threshold;
        parSize += 2;
    }

    private void ensure(int top, int par) {
        if (topSize + top > topology.length) {
            topology = Arrays.copyOf(topology, Math.max(topology.length * 2, topSize + top));
        }
        if (parSize + par > parameters.length) {
            parameters = Arrays.copyOf(parameters, Math.max(parameters.length * 2, parSize + par));
        }
    }
}
