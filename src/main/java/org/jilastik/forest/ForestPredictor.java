package org.jilastik.forest;

import org.jilastik.project.ClassifierType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
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
 * allocates its own small scratch arrays). Callers own the arrays they pass. Calls of fewer than
 * {@value #SMALL_CALL} pixels run the reference walk (see there); pass bigger ranges where speed matters.
 */
public final class ForestPredictor {
    /*
     * Flattened layout. All trees of all forests are renumbered into one node space; each tree's nodes are
     * contiguous and breadth-first from its root, so siblings are adjacent (right child = left child + 1) and the
     * top levels, visited by every pixel, share cache lines.
     *
     *   per node n (global index):
     *     feature[n]          int    feature column the split tests (0 for a leaf)
     *     threshold[n]        float  split threshold rounded UP to the next float (Math.nextUp of the float below
     *                                it when it is not exactly a float): for every float x, NaN and ±inf included,
     *                                (x < threshold[n]) equals vigra's (double) x < (double) threshold. NaN leaves.
     *     child[2n], child[2n+1]  int  next node when x < threshold (left) / otherwise (right = left + 1). A leaf
     *                                points to itself twice.
     *     leafValue[n*K + l]  float  float32(leaf probability of class column l) (0 for a split)
     *     record[4n .. 4n+3]  int    what the kernel reads, one 16-byte record per node: feature[n]·LANES (the
     *                                row of that feature in the lane-transposed group, see below), child[2n],
     *                                raw bits of threshold[n], and for a leaf its row in leafRow (leaf index·K)
     *     leafRow[j*K + l]    float  the leaves' values only, in node order (splits left out: denser in cache)
     *   per tree t:   root[t] (global node), depth[t] = steps from the root to the deepest leaf
     *   per forest f: trees forestStart[f] .. forestStart[f+1]-1; divisor[f] = float32 of vigra's vote total
     *                 (the tree count, exactly, when every leaf sums to 1 — checked at compile time)
     *
     * Traversal: coherent groups. LANES consecutive pixels (two SIMD vectors: 32 with AVX-512, 16 with AVX2) are
     * transposed feature-major into a small scratch (feature c of lane j at c·LANES + j) and walk every tree
     * together. A group carries a lane mask (a long, bit j = lane j); at a split, vector compares of the feature
     * row against the threshold split the mask into the lanes going left and right; the walk follows a
     * non-empty side and pushes the other on a small stack when both are non-empty (branch-free: both cases
     * store, only the stack pointer increment differs). At a leaf the leaf's K values are added to the group's
     * float32 vote vectors under the mask, then the walk pops the next (node, mask) or finishes the tree. Each
     * lane reaches exactly one leaf per tree and trees run in order, so every pixel's float32 sum is vigra's,
     * in vigra's order (the lanes of a vector add are independent IEEE float adds; no FMA, no reassociation).
     * Neighbouring pixels of real images mostly take the same path (new-2d-1ch-3class on big2d: all 16 / 32
     * lanes end in the same leaf in 72 / 60 % of group-trees), so a group costs little more than one scalar walk
     * of about 2.15 splits per tree. Measured on 4 M big2d pixels (2-core AMD EPYC Zen 4, AVX-512): 0.88 s on one
     * thread, 0.45 s on two, against 5.8 s for the vigra-order walk and 5.0 s for the previous kernel (8 scalar
     * pixels in registers). Other alternatives (trees chained leaf-to-root, tree-outer pixel blocks, one vector
     * per group) and their numbers: ForestKernelLab and ForestPredictionBenchmark in src/jmh.
     */
    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    /**
     * Calls with fewer pixels use the reference walk (same numbers). Until C2 has compiled the group kernel, its
     * vector operations run boxed in the interpreter: measured, a fresh JVM's first 4096-pixel call took 300–385 ms
     * in the kernel against 57 ms in the reference walk, which matters for tiny images; warm, the reference walk
     * needs about 1.4 µs per pixel (about 11 ms for this many pixels), and big calls warm the kernel up within a
     * fraction of their first call.
     */
    static final int SMALL_CALL = 8192;
    /** Floats per vector. */
    static final int VL = SPECIES.length();
    /** Vectors per group: two (measured about 12 % faster than one on AVX-512), one for vectors above 32 floats. */
    static final int VECTORS = VL <= 32 ? 2 : 1;
    /** Pixels walked together (at most 64, so that a long holds a lane mask). */
    static final int LANES = VL * VECTORS;

    final int featureCount;
    final int classCount;
    final int channelCount;
    final int[] feature;
    final float[] threshold;
    final int[] child;
    final float[] leafValue;
    final int[] record;
    final float[] leafRow;
    final int[] root;
    final int[] depth;
    final int maxDepth;
    final int[] forestStart;
    final float[] divisor;
    final float[] forestTrees;
    final float totalTrees;
    final boolean parallel;
    final int[] channelOfClass;
    /** Non-null when the fast path cannot reproduce vigra exactly (weighted leaves, leaves not summing to 1). */
    private final VigraReferencePredictor fallback;
    /** The same numbers for small calls (see {@link #SMALL_CALL}). */
    private final VigraReferencePredictor reference;

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
        maxDepth = Arrays.stream(depth).max().orElse(0);
        record = new int[Math.multiplyExact(4, nodeTotal)];
        int leaves = 0;
        for (int n = 0; n < nodeTotal; n++) {
            leaves += child[2 * n] == n ? 1 : 0;
        }
        leafRow = new float[leaves * classCount];
        int leaf = 0;
        for (int n = 0; n < nodeTotal; n++) {
            record[4 * n] = Math.multiplyExact(feature[n], LANES);
            record[4 * n + 1] = child[2 * n];
            record[4 * n + 2] = Float.floatToRawIntBits(threshold[n]);
            if (child[2 * n] == n) {
                record[4 * n + 3] = leaf * classCount;
                System.arraycopy(leafValue, n * classCount, leafRow, leaf * classCount, classCount);
                leaf++;
            }
        }
        reference = new VigraReferencePredictor(c, channelCount);
        fallback = exact ? null : reference;
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
        } else if (pixelCount < SMALL_CALL) {
            reference.predict(features, featureOffset, pixelCount, out, outOffset);
        } else {
            predictGroups(features, featureOffset, pixelCount, out, outOffset);
        }
    }

    /**
     * Predicts {@code pixelCount} pixels whose features are given as one plane per feature (feature c of pixel i
     * at {@code planes[c][pixelOffset + i]}), the layout {@code FeatureComputer.computePlanes} produces: the group
     * kernel then copies each feature's run of pixels instead of transposing pixel-major rows. Same numbers as
     * {@link #predict(float[], int, int, float[], int)} on the same features.
     *
     * @param planes      F arrays, one per feature column
     * @param pixelOffset index of pixel 0 within every plane
     * @param out         pixel-major output, pixel i's C channels at {@code outOffset + i·C}
     */
    public void predictPlanes(float[][] planes, int pixelOffset, int pixelCount, float[] out, int outOffset) {
        if (planes.length != featureCount || outOffset < 0
                || (long) outOffset + (long) pixelCount * channelCount > out.length) {
            throw new IndexOutOfBoundsException("need " + featureCount + " feature planes and room for " + pixelCount
                    + " pixels");
        }
        for (float[] p : planes) {
            if (pixelOffset < 0 || (long) pixelOffset + pixelCount > p.length) {
                throw new IndexOutOfBoundsException("feature plane too short for " + pixelCount + " pixels");
            }
        }
        if (fallback != null || pixelCount < SMALL_CALL) {
            // the reference walk reads pixel-major rows: build them for this (small or non-exact) call
            float[] rows = new float[Math.multiplyExact(pixelCount, featureCount)];
            for (int c = 0; c < featureCount; c++) {
                float[] p = planes[c];
                for (int i = 0; i < pixelCount; i++) {
                    rows[i * featureCount + c] = p[pixelOffset + i];
                }
            }
            reference.predict(rows, 0, pixelCount, out, outOffset);
            return;
        }
        groupLoop(pixelCount, out, outOffset, (start, lanes, group) -> {
            for (int c = 0; c < featureCount; c++) {
                System.arraycopy(planes[c], pixelOffset + start, group, c * LANES, lanes);
            }
        });
    }

    /** Whether {@link #predictGroups} reproduces vigra for this classifier (else every call uses the reference). */
    boolean groupKernelExact() {
        return fallback == null;
    }

    /** The group kernel on any pixel count (bounds checked by the caller; only when {@link #groupKernelExact}). */
    void predictGroups(float[] features, int featureOffset, int pixelCount, float[] out, int outOffset) {
        groupLoop(pixelCount, out, outOffset,
                (start, lanes, group) -> transpose(features, featureOffset + start * featureCount, lanes, group));
    }

    /** Fills {@code group} (feature c of lane j at c·LANES + j) with the pixels {@code start .. start+lanes-1}. */
    private interface GroupFiller {
        void fill(int start, int lanes, float[] group);
    }

    // The group kernel over pixels 0..pixelCount-1, whatever layout the features come in.
    private void groupLoop(int pixelCount, float[] out, int outOffset, GroupFiller filler) {
        Scratch s = new Scratch(featureCount, classCount, maxDepth);
        for (int start = 0; start < pixelCount; start += LANES) {
            int lanes = Math.min(LANES, pixelCount - start);
            filler.fill(start, lanes, s.group);
            long valid = lanes == LANES ? -1L >>> (64 - LANES) : (1L << lanes) - 1;
            predictGroup(valid, s);
            writeChannels(nanLanes(s.group) & valid, lanes, s.combined, out, outOffset + start * channelCount);
        }
    }

    /** Per-call scratch: one group's transposed features, votes, combined probabilities and walk stack. */
    private static final class Scratch {
        final float[] group;
        final float[] votes;
        final float[] combined;
        final int[] stackNode;
        final long[] stackMask;

        Scratch(int featureCount, int classCount, int maxDepth) {
            group = new float[featureCount * LANES];
            votes = new float[classCount * LANES];
            combined = new float[classCount * LANES];
            stackNode = new int[maxDepth + 1];
            stackMask = new long[maxDepth + 1];
        }
    }

    /** Copies {@code lanes} pixels' features into {@code group}, feature-major (feature c of lane j at c·LANES+j). */
    private void transpose(float[] x, int x0, int lanes, float[] group) {
        int nf = featureCount;
        for (int j = 0; j < lanes; j++) {
            for (int c = 0, xi = x0 + j * nf; c < nf; c++, xi++) {
                group[c * LANES + j] = x[xi];
            }
        }
    }

    /** Mask of the lanes with a NaN feature (vigra predicts zeros for them). */
    private long nanLanes(float[] group) {
        long nan = 0;
        for (int c = 0; c < featureCount; c++) {
            for (int q = 0; q < VECTORS; q++) {
                FloatVector v = FloatVector.fromArray(SPECIES, group, c * LANES + q * VL);
                nan |= v.compare(VectorOperators.NE, v).toLong() << (q * VL);
            }
        }
        return nan;
    }

    /** Probabilities of one group (lanes in {@code valid}) into {@code s.combined}: class-major, vigra's order. */
    private void predictGroup(long valid, Scratch s) {
        int k = classCount;
        float[] votes = s.votes;
        float[] combined = s.combined;
        for (int f = 0; f < divisor.length; f++) {
            Arrays.fill(votes, 0f);
            for (int t = forestStart[f]; t < forestStart[f + 1]; t++) {
                walk(root[t], valid, s);
            }
            float div = divisor[f];
            float weight = forestTrees[f];
            for (int i = 0; i < k * LANES; i += VL) {
                FloatVector p = FloatVector.fromArray(SPECIES, votes, i).div(div);
                if (parallel) {
                    p = p.mul(weight);
                    if (f > 0) {
                        p = FloatVector.fromArray(SPECIES, combined, i).add(p);
                    }
                }
                p.intoArray(combined, i);
            }
        }
        if (parallel) {
            for (int i = 0; i < k * LANES; i += VL) {
                FloatVector.fromArray(SPECIES, combined, i).div(totalTrees).intoArray(combined, i);
            }
        }
    }

    /**
     * Walks one tree with the group's lanes in {@code valid} and adds each lane's leaf values to its votes (see
     * the layout comment). The data-dependent choices are selects, not branches, except "is this a leaf".
     */
    private void walk(int node, long valid, Scratch s) {
        int[] rec = record;
        float[] group = s.group;
        int[] stackNode = s.stackNode;
        long[] stackMask = s.stackMask;
        long mask = valid;
        int sp = 0;
        while (true) {
            int r = 4 * node;
            int left = rec[r + 1];
            if (left == node) {
                addLeaf(rec[r + 3], mask, s.votes);
                if (sp == 0) {
                    return;
                }
                sp--;
                node = stackNode[sp];
                mask = stackMask[sp];
                continue;
            }
            int row = rec[r];
            float th = Float.intBitsToFloat(rec[r + 2]);
            long lt = 0;
            for (int q = 0; q < VECTORS; q++) {
                lt |= FloatVector.fromArray(SPECIES, group, row + q * VL).lt(th).toLong() << (q * VL);
            }
            long goLeft = mask & lt;
            long goRight = mask & ~lt;
            stackNode[sp] = left + 1;
            stackMask[sp] = goRight;
            sp += (goLeft != 0 & goRight != 0) ? 1 : 0;
            node = goLeft != 0 ? left : left + 1;
            mask = goLeft != 0 ? goLeft : goRight;
        }
    }

    /**
     * votes[l·LANES + j] += leafRow[row + l] for the lanes j in {@code mask} (float32, one add per lane). Two to
     * four classes are unrolled (measured: the loop costs about a fifth of the whole prediction).
     */
    private void addLeaf(int row, long mask, float[] votes) {
        float[] v = leafRow;
        for (int q = 0; q < VECTORS; q++) {
            VectorMask<Float> m = VectorMask.fromLong(SPECIES, mask >>> (q * VL));
            int at = q * VL;
            switch (classCount) {
                case 2 -> {
                    add(votes, at, v[row], m);
                    add(votes, at + LANES, v[row + 1], m);
                }
                case 3 -> {
                    add(votes, at, v[row], m);
                    add(votes, at + LANES, v[row + 1], m);
                    add(votes, at + 2 * LANES, v[row + 2], m);
                }
                case 4 -> {
                    add(votes, at, v[row], m);
                    add(votes, at + LANES, v[row + 1], m);
                    add(votes, at + 2 * LANES, v[row + 2], m);
                    add(votes, at + 3 * LANES, v[row + 3], m);
                }
                default -> {
                    for (int l = 0; l < classCount; l++) {
                        add(votes, at + l * LANES, v[row + l], m);
                    }
                }
            }
        }
    }

    private static void add(float[] votes, int at, float value, VectorMask<Float> m) {
        FloatVector.fromArray(SPECIES, votes, at).add(value, m).intoArray(votes, at);
    }

    /** Pixel-major channels from class-major {@code combined}; lanes in {@code nan} get zeros (vigra). */
    private void writeChannels(long nan, int lanes, float[] combined, float[] out, int o0) {
        int k = classCount;
        int c = channelCount;
        for (int j = 0; j < lanes; j++) {
            int o = o0 + j * c;
            boolean isNaN = (nan >>> j & 1) != 0;
            if (c != k || isNaN) {
                Arrays.fill(out, o, o + c, 0f);
            }
            if (!isNaN) {
                for (int l = 0; l < k; l++) {
                    out[o + channelOfClass[l]] = combined[l * LANES + j];
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
