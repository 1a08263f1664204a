package org.jilastik.forest;

import org.jilastik.project.ClassifierType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jilastik.error.JilastikException;

/**
 * Fast, exact prediction of class probabilities with a {@link VigraClassifier}: the same float32 numbers as
 * vigra + lazyflow (see {@link VigraReferencePredictor} for the arithmetic, spec pixel-classification §4.4).
 *
 * <p>Input: N pixels with F features each in one flat {@code float[]}, pixel-major (pixel i's features at
 * {@code [i·F, (i+1)·F)}). Output: pixel-major probabilities, C channels per pixel (C = the project's label count;
 * channel {@code v − 1} holds class label v; labels without a class column get 0).
 *
 * <p>Immutable; {@link #predict} may be called from many threads at once on disjoint output ranges (each call
 * allocates its own small scratch arrays). Callers own the arrays they pass.
 */
public final class ForestPredictor {
    /*
     * Flattened layout. All trees of all forests are renumbered into one node space; each tree's nodes are
     * contiguous and breadth-first from its root (so the top levels, visited by every pixel, share cache lines).
     *
     *   per node n (global index):
     *     feature[n]          int    feature column the split tests (0 for a leaf)
     *     threshold[n]        float  split threshold rounded UP to the next float (Math.nextUp of the float below
     *                                it when it is not exactly a float): for every float x, NaN and ±inf included,
     *                                (x < threshold[n]) equals vigra's (double) x < (double) threshold. NaN leaves.
     *     child[2n], child[2n+1]  int  next node when x < threshold (left) / otherwise (right). A leaf points to
     *                                itself twice, so walking a leaf is a no-op: pixels walked together need no
     *                                branch on "is this a leaf"; a walk is over when no pixel moves.
     *     leafValue[n*K + l]  float  float32(leaf probability of class column l) (0 for a split)
     *   per tree t:   root[t] (global node), depth[t] = steps from the root to the deepest leaf (used only by
     *                 the measured alternatives)
     *   per forest f: trees forestStart[f] .. forestStart[f+1]-1; divisor[f] = float32 of vigra's vote total
     *                 (the tree count, exactly, when every leaf sums to 1 — checked at compile time)
     *
     * Traversal is tree-outer, pixel-block-inner: for a block of BLOCK pixels, each tree walks all of them,
     * eight pixels at a time in registers until none of the eight moves (see walk), so the tree's nodes stay in
     * L1 and the block's features (BLOCK·F floats) in L1/L2, and the eight walks are independent instruction
     * chains. Votes go to a float32 accumulator per pixel and class in tree order, which keeps vigra's summation
     * order exactly. Walking fixed depth[t] steps (branch-free) was measured slower: real paths are much shorter
     * than the deepest leaf (2.3 vs 6.4 steps on new-2d-1ch-3class). Alternatives and numbers: ForestLayoutVariants
     * and ForestPredictionBenchmark in src/jmh.
     */
    static final int BLOCK = 128;

    final int featureCount;
    final int classCount;
    final int channelCount;
    final int[] feature;
    final float[] threshold;
    final int[] child;
    final float[] leafValue;
    final int[] root;
    final int[] depth;
    final int[] forestStart;
    final float[] divisor;
    final float[] forestTrees;
    final float totalTrees;
    final boolean parallel;
    final int[] channelOfClass;
    /** Non-null when the fast path cannot reproduce vigra exactly (weighted leaves, leaves not summing to 1). */
    private final VigraReferencePredictor fallback;

    private ForestPredictor(VigraClassifier c, int channelCount) {
        this.featureCount = c.featureCount();
        this.classCount = c.classCount();
        this.channelCount = channelCount;
        this.parallel = c.type() == ClassifierType.PARALLEL_VIGRA_RF;
        this.channelOfClass = new int[classCount];
        for (int l = 0; l < classCount; l++) {
            channelOfClass[l] = (int) c.knownLabels()[l] - 1;
        }
        int treeTotal = c.treeCount();
        int nodeTotal = 0;
        for (VigraForest f : c.forests()) {
            for (VigraTree t : f.trees()) {
                nodeTotal += nodeCount(t);
            }
        }
        feature = new int[nodeTotal];
        threshold = new float[nodeTotal];
        child = new int[2 * nodeTotal];
        leafValue = new float[nodeTotal * classCount];
        root = new int[treeTotal];
        depth = new int[treeTotal];
        forestStart = new int[c.forests().size() + 1];
        divisor = new float[c.forests().size()];
        forestTrees = new float[c.forests().size()];
        boolean exact = true;
        int next = 0;
        int t = 0;
        for (int f = 0; f < c.forests().size(); f++) {
            VigraForest forest = c.forests().get(f);
            forestStart[f] = t;
            forestTrees[f] = forest.treeCount();
            divisor[f] = forest.treeCount();
            exact &= !forest.predictWeighted();
            for (VigraTree tree : forest.trees()) {
                root[t] = next;
                int[] result = flatten(tree, next);
                next = result[0];
                depth[t] = result[1];
                exact &= result[2] == 1;
                t++;
            }
        }
        forestStart[c.forests().size()] = t;
        totalTrees = treeTotal;
        fallback = exact ? null : new VigraReferencePredictor(c, channelCount);
    }

    /**
     * Compiles a classifier for a project with {@code channelCount} label names.
     *
     * @throws JilastikException (processing) when the classifier predicts a label beyond {@code channelCount}
     *                           (ilastik discards such a classifier, spec §7 gotcha 13)
     */
    public static ForestPredictor compile(VigraClassifier classifier, int channelCount) {
        int channels = Math.max(1, channelCount);
        if (!classifier.fitsLabelCount(channels)) {
            throw JilastikException.processing("the project's classifier predicts label " + classifier.maxLabel()
                    + " but the project defines only " + channelCount + " labels; retrain it in ilastik or with "
                    + "`jilastik --retrain`");
        }
        return new ForestPredictor(classifier, channels);
    }

    /** Features per pixel the classifier expects (F = {@code column_count_}). */
    public int featureCount() {
        return featureCount;
    }

    /** Output channels per pixel (C). */
    public int channelCount() {
        return channelCount;
    }

    /** Predicts {@code pixelCount} pixels into a new array of {@code pixelCount·C} probabilities. */
    public float[] predict(float[] features, int pixelCount) {
        float[] out = new float[Math.multiplyExact(pixelCount, channelCount)];
        predict(features, 0, pixelCount, out, 0);
        return out;
    }

    /**
     * Predicts {@code pixelCount} pixels.
     *
     * @param features      pixel-major features, pixel i's F values at {@code featureOffset + i·F}
     * @param featureOffset index of pixel 0's first feature
     * @param pixelCount    number of pixels
     * @param out           pixel-major output, pixel i's C channels at {@code outOffset + i·C}
     * @param outOffset     index of pixel 0's first channel
     */
    public void predict(float[] features, int featureOffset, int pixelCount, float[] out, int outOffset) {
        if (featureOffset < 0 || (long) featureOffset + (long) pixelCount * featureCount > features.length
                || outOffset < 0 || (long) outOffset + (long) pixelCount * channelCount > out.length) {
            throw new IndexOutOfBoundsException("features or output too short for " + pixelCount + " pixels");
        }
        if (fallback != null) {
            fallback.predict(features, featureOffset, pixelCount, out, outOffset);
            return;
        }
        int k = classCount;
        int[] node = new int[BLOCK];
        float[] votes = new float[BLOCK * k];
        float[] combined = new float[BLOCK * k];
        boolean[] hasNaN = new boolean[BLOCK];
        for (int start = 0; start < pixelCount; start += BLOCK) {
            int b = Math.min(BLOCK, pixelCount - start);
            int x0 = featureOffset + start * featureCount;
            predictBlock(features, x0, b, node, votes, combined);
            markNaN(features, x0, b, hasNaN);
            writeChannels(combined, b, hasNaN, out, outOffset + start * channelCount);
        }
    }

    private void predictBlock(float[] x, int x0, int b, int[] node, float[] votes, float[] combined) {
        int k = classCount;
        int bk = b * k;
        for (int f = 0; f < divisor.length; f++) {
            Arrays.fill(votes, 0, bk, 0f);
            for (int t = forestStart[f]; t < forestStart[f + 1]; t++) {
                walk(t, x, x0, b, node);
                vote(node, b, votes);
            }
            float div = divisor[f];
            if (parallel) {
                float weight = forestTrees[f];
                if (f == 0) {
                    Arrays.fill(combined, 0, bk, 0f);
                }
                for (int j = 0; j < bk; j++) {
                    combined[j] += (votes[j] / div) * weight;
                }
            } else {
                for (int j = 0; j < bk; j++) {
                    combined[j] = votes[j] / div;
                }
            }
        }
        if (parallel) {
            for (int j = 0; j < bk; j++) {
                combined[j] /= totalTrees;
            }
        }
    }

    /**
     * Walks tree t for b pixels; node[i] ends at pixel i's leaf. Eight pixels at a time go down together in
     * registers (eight independent load-compare chains the CPU overlaps) until none of them moves any more —
     * leaves point to themselves, so a lane that arrived early idles harmlessly. Neighbouring pixels tend to take
     * similar paths, so the eight usually finish within a step or two of each other. The last b % 8 pixels walk
     * alone.
     */
    private void walk(int t, float[] x, int x0, int b, int[] node) {
        int[] feat = feature;
        float[] thr = threshold;
        int[] ch = child;
        int nf = featureCount;
        int r = root[t];
        int i = 0;
        for (; i + 8 <= b; i += 8) {
            int p0 = x0 + i * nf;
            int p1 = p0 + nf;
            int p2 = p1 + nf;
            int p3 = p2 + nf;
            int p4 = p3 + nf;
            int p5 = p4 + nf;
            int p6 = p5 + nf;
            int p7 = p6 + nf;
            int n0 = r;
            int n1 = r;
            int n2 = r;
            int n3 = r;
            int n4 = r;
            int n5 = r;
            int n6 = r;
            int n7 = r;
            int moved;
            do {
                int m0 = ch[2 * n0 + (x[p0 + feat[n0]] < thr[n0] ? 0 : 1)];
                int m1 = ch[2 * n1 + (x[p1 + feat[n1]] < thr[n1] ? 0 : 1)];
                int m2 = ch[2 * n2 + (x[p2 + feat[n2]] < thr[n2] ? 0 : 1)];
                int m3 = ch[2 * n3 + (x[p3 + feat[n3]] < thr[n3] ? 0 : 1)];
                int m4 = ch[2 * n4 + (x[p4 + feat[n4]] < thr[n4] ? 0 : 1)];
                int m5 = ch[2 * n5 + (x[p5 + feat[n5]] < thr[n5] ? 0 : 1)];
                int m6 = ch[2 * n6 + (x[p6 + feat[n6]] < thr[n6] ? 0 : 1)];
                int m7 = ch[2 * n7 + (x[p7 + feat[n7]] < thr[n7] ? 0 : 1)];
                moved = (m0 ^ n0) | (m1 ^ n1) | (m2 ^ n2) | (m3 ^ n3) | (m4 ^ n4) | (m5 ^ n5) | (m6 ^ n6) | (m7 ^ n7);
                n0 = m0;
                n1 = m1;
                n2 = m2;
                n3 = m3;
                n4 = m4;
                n5 = m5;
                n6 = m6;
                n7 = m7;
            } while (moved != 0);
            node[i] = n0;
            node[i + 1] = n1;
            node[i + 2] = n2;
            node[i + 3] = n3;
            node[i + 4] = n4;
            node[i + 5] = n5;
            node[i + 6] = n6;
            node[i + 7] = n7;
        }
        for (; i < b; i++) {
            int p = x0 + i * nf;
            int n = r;
            while (ch[2 * n] != n) {
                n = ch[2 * n + (x[p + feat[n]] < thr[n] ? 0 : 1)];
            }
            node[i] = n;
        }
    }

    private void vote(int[] node, int b, float[] votes) {
        int k = classCount;
        float[] leaf = leafValue;
        if (k == 2) {
            for (int i = 0; i < b; i++) {
                int n = node[i] * 2;
                votes[2 * i] += leaf[n];
                votes[2 * i + 1] += leaf[n + 1];
            }
        } else if (k == 3) {
            for (int i = 0; i < b; i++) {
                int n = node[i] * 3;
                votes[3 * i] += leaf[n];
                votes[3 * i + 1] += leaf[n + 1];
                votes[3 * i + 2] += leaf[n + 2];
            }
        } else {
            for (int i = 0; i < b; i++) {
                int n = node[i] * k;
                for (int l = 0; l < k; l++) {
                    votes[i * k + l] += leaf[n + l];
                }
            }
        }
    }

    private void markNaN(float[] x, int x0, int b, boolean[] hasNaN) {
        for (int i = 0, xi = x0; i < b; i++, xi += featureCount) {
            boolean nan = false;
            for (int c = 0; c < featureCount; c++) {
                nan |= x[xi + c] != x[xi + c];
            }
            hasNaN[i] = nan;
        }
    }

    private void writeChannels(float[] combined, int b, boolean[] hasNaN, float[] out, int o0) {
        int k = classCount;
        int c = channelCount;
        for (int i = 0; i < b; i++) {
            int o = o0 + i * c;
            if (c != k || hasNaN[i]) {
                Arrays.fill(out, o, o + c, 0f);
            }
            if (!hasNaN[i]) {
                for (int l = 0; l < k; l++) {
                    out[o + channelOfClass[l]] = combined[i * k + l];
                }
            }
        }
    }

    private static int nodeCount(VigraTree tree) {
        int count = 0;
        ArrayDeque<Integer> stack = new ArrayDeque<>(List.of(VigraTree.ROOT));
        while (!stack.isEmpty()) {
            int n = stack.pop();
            count++;
            if (tree.topology()[n] == VigraTree.THRESHOLD_SPLIT) {
                stack.push(tree.topology()[n + 2]);
                stack.push(tree.topology()[n + 3]);
            }
        }
        return count;
    }

    /**
     * Renumbers one tree breadth-first into the flat arrays starting at global node {@code first}. Returns
     * {next free node, depth, 1 if every leaf's probabilities sum to 1 within 1e-9 else 0}.
     */
    private int[] flatten(VigraTree tree, int first) {
        int[] top = tree.topology();
        double[] par = tree.parameters();
        int k = classCount;
        List<Integer> order = new ArrayList<>();
        List<Integer> level = new ArrayList<>();
        order.add(VigraTree.ROOT);
        level.add(0);
        int maxDepth = 0;
        boolean unitLeaves = true;
        for (int q = 0; q < order.size(); q++) {
            int n = order.get(q);
            int global = first + q;
            int p = top[n + 1];
            maxDepth = Math.max(maxDepth, level.get(q));
            if (top[n] == VigraTree.THRESHOLD_SPLIT) {
                feature[global] = top[n + 4];
                threshold[global] = thresholdAsFloat(par[p + 1]);
                child[2 * global] = first + order.size();
                order.add(top[n + 2]);
                level.add(level.get(q) + 1);
                child[2 * global + 1] = first + order.size();
                order.add(top[n + 3]);
                level.add(level.get(q) + 1);
            } else {
                threshold[global] = Float.NaN;
                child[2 * global] = global;
                child[2 * global + 1] = global;
                double sum = 0;
                for (int l = 0; l < k; l++) {
                    leafValue[global * k + l] = (float) par[p + 1 + l];
                    sum += par[p + 1 + l];
                }
                unitLeaves &= Math.abs(sum - 1.0) <= 1e-9;
            }
        }
        return new int[] {first + order.size(), maxDepth, unitLeaves ? 1 : 0};
    }

    /**
     * The float t' with {@code x < t'} ⇔ {@code (double) x < t} for every float x: t itself when it is a float,
     * else the next float above it (x < t ⇔ x ≤ the float below t ⇔ x < the float above t).
     */
    static float thresholdAsFloat(double t) {
        float f = (float) t;
        if (Double.isNaN(t) || (double) f == t) {
            return f;
        }
        return (double) f < t ? Math.nextUp(f) : f;
    }
}
