package org.jilastik.forest;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Scratch CPU-time harness for traversal layouts (run: java -cp target/benchmarks.jar
 * org.jilastik.forest.ForestKernelLab SOURCE VARIANT...). Every variant must reproduce the production output
 * bit for bit ("same=true"); the production output itself is checked against VigraReferencePredictor on the
 * first 200 000 pixels.
 */
public class ForestKernelLab {
    static ForestPredictor p;
    static VigraReferencePredictor reference;

    public static void main(String[] a) throws Exception {
        String source = a[0];
        VigraClassifier c = BenchFeatures.classifier();
        p = ForestPredictor.compile(c, 3);
        reference = new VigraReferencePredictor(c, 3);
        int nf = p.featureCount;
        long t0 = System.nanoTime();
        float[] x = BenchFeatures.load(source, nf);
        System.out.printf("features %s loaded in %.1f s%n", source, (System.nanoTime() - t0) / 1e9);
        int n = BenchFeatures.PIXELS;
        if (a.length > 1 && a[1].equals("cold")) {
            // First calls in a fresh JVM (interpreter / C1 before C2): 4096-pixel blocks as a tiny image would give.
            float[] o = new float[4096 * 3];
            if (a.length > 2 && a[2].equals("touch")) {
                long w0 = System.nanoTime();
                float[] q = new float[64];
                jdk.incubator.vector.VectorSpecies<Float> sp = FloatVector.SPECIES_PREFERRED;
                FloatVector v = FloatVector.fromArray(sp, q, 0);
                long bits = v.lt(1f).toLong() | v.compare(jdk.incubator.vector.VectorOperators.NE, v).toLong();
                v.add(1f, VectorMask.fromLong(sp, bits)).intoArray(q, 0);
                System.out.printf("vector API touched in %.1f ms%n", (System.nanoTime() - w0) / 1e6);
            }
            for (int call = 0; call < 5; call++) {
                long w0 = System.nanoTime();
                if (a.length > 2 && a[2].equals("ref")) {
                    reference.predict(x, call * 4096 * nf, 4096, o, 0);
                } else {
                    p.predict(x, call * 4096 * nf, 4096, o, 0);
                }
                System.out.printf("cold call %d: %.1f ms%n", call, (System.nanoTime() - w0) / 1e6);
            }
            return;
        }
        float[] expected = p.predict(x, n);
        float[] ref = new float[200_000 * 3];
        new VigraReferencePredictor(c, 3).predict(x, 0, 200_000, ref, 0);
        System.out.println("production = reference on 200k: " + Arrays.equals(ref, Arrays.copyOf(expected, ref.length)));
        if (System.getProperty("stats") != null) {
            stats(x, n);
        }
        if (a.length == 1) {
            return;
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        float[] out = new float[n * 3];
        for (int rep = 0; rep < Integer.getInteger("reps", 4); rep++) {
            for (int v = 1; v < a.length; v++) {
                String name = a[v];
                Arrays.fill(out, -1f);
                com.sun.management.ThreadMXBean smx = (com.sun.management.ThreadMXBean) mx;
                long al0 = smx.getCurrentThreadAllocatedBytes();
                long pc0 = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime();
                long c0 = mx.getCurrentThreadCpuTime();
                long w0 = System.nanoTime();
                run(name, x, n, out);
                long c1 = mx.getCurrentThreadCpuTime();
                long al1 = smx.getCurrentThreadAllocatedBytes();
                long pc1 = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime();
                long w1 = System.nanoTime();
                System.out.printf("%-10s cpu %6.0f ms process cpu %6.0f ms wall %6.0f ms alloc %6.0f MB same=%b%n", name,
                        (c1 - c0) / 1e6, (pc1 - pc0) / 1e6, (w1 - w0) / 1e6, (al1 - al0) / 1e6, Arrays.equals(out, expected));
            }
        }
    }

    static void run(String name, float[] x, int n, float[] out) {
        switch (name) {
            case "prod" -> p.predict(x, 0, n, out, 0);
            case "prod2" -> {
                try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
                    List<java.util.concurrent.Future<?>> jobs = new ArrayList<>();
                    int nf = p.featureCount;
                    for (int start = 0; start < n; start += 65_536) {
                        int from = start;
                        int count = Math.min(65_536, n - start);
                        jobs.add(pool.submit(() -> p.predict(x, from * nf, count, out, from * 3)));
                    }
                    for (var j : jobs) {
                        j.get();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            case "ref" -> reference.predict(x, 0, n, out, 0);
            case "refwalk" -> ForestLayoutVariants.pixelMajorLoop(p, x, n, out);
            case "c8sA" -> Chain.of(p, 8, false).predict8(x, n, out);
            case "c8sB" -> Chain.of(p, 8, true).predict8(x, n, out);
            case "c8pB" -> Chain.of(p, 8, true).predict8packed(x, n, out);
            case "c4pB" -> Chain.of(p, 4, true).predict4packed(x, n, out);
            case "m16" -> Masked.predict16(x, n, out);
            case "m16g" -> Masked.predict16generic(x, n, out);
            case "m16b" -> Masked.predict16bits(x, n, out);
            case "m16c" -> Masked.predict16k3bits(x, n, out);
            case "tr" -> Masked.transposeOnly(x, n, out);
            case "r16" -> Masked.predict16rec(x, n, out, 1);
            case "r16x4" -> Masked.predict16rec(x, n, out, 4);
            case "r16x16" -> Masked.predict16rec(x, n, out, 16);
            case "r32" -> Masked.predict32(x, n, out);
            case "m8" -> Masked.predict8(x, n, out);
            default -> throw new IllegalArgumentException(name);
        }
    }

    /** Average path length, average of the longest path among 8 consecutive pixels, node counts. */
    static void stats(float[] x, int n) {
        int nf = p.featureCount;
        int trees = p.root.length;
        long steps = 0;
        long max8 = 0;
        long[] hist = new long[16];
        int sample = 200_000;
        for (int i0 = 0; i0 < sample; i0 += 8) {
            for (int t = 0; t < trees; t++) {
                int mx = 0;
                for (int i = i0; i < i0 + 8; i++) {
                    int m = p.root[t];
                    int s = 0;
                    while (p.child[2 * m] != m) {
                        m = p.child[2 * m + (x[i * nf + p.feature[m]] < p.threshold[m] ? 0 : 1)];
                        s++;
                    }
                    steps += s;
                    hist[Math.min(s, 15)]++;
                    mx = Math.max(mx, s);
                }
                max8 += mx;
            }
        }
        int splits = 0;
        for (int m = 0; m < p.feature.length; m++) {
            splits += p.child[2 * m] != m ? 1 : 0;
        }
        System.out.printf("nodes %d splits %d, avg path %.3f, avg max-of-8 path %.3f, avg depth %.2f%n",
                p.feature.length, splits, steps / (double) sample / trees, max8 / (double) (sample / 8) / trees,
                Arrays.stream(p.depth).average().orElseThrow());
        System.out.println("path length histogram (per pixel-tree): " + Arrays.toString(hist));
        for (int g : new int[] {4, 8, 16, 32}) {
            long same = 0;
            long groups = 0;
            long uniformSteps = 0;
            long allSteps = 0;
            for (int i0 = 0; i0 < sample; i0 += g) {
                for (int t = 0; t < trees; t++) {
                    int[] m = new int[g];
                    Arrays.fill(m, p.root[t]);
                    boolean uniform = true;
                    while (true) {
                        boolean moved = false;
                        for (int i = 0; i < g; i++) {
                            int q = m[i];
                            int r = p.child[2 * q + (x[(i0 + i) * nf + p.feature[q]] < p.threshold[q] ? 0 : 1)];
                            moved |= r != q;
                            m[i] = r;
                        }
                        if (!moved) {
                            break;
                        }
                        allSteps++;
                        if (uniform) {
                            uniformSteps++;
                        }
                        for (int i = 1; i < g; i++) {
                            uniform &= m[i] == m[0];
                        }
                    }
                    groups++;
                    same += uniform ? 1 : 0;
                }
            }
            System.out.printf("group %d: all pixels same leaf in %.3f of group-trees; steps while still uniform %.3f"
                    + " of %.3f steps per group-tree%n", g, same / (double) groups, uniformSteps / (double) groups,
                    allSteps / (double) groups);
        }
    }

    /**
     * Chained layout: a leaf's two "children" are the next tree's root (the last tree's leaves go to a
     * per-forest sentinel that loops on itself), so one pixel walks a whole forest as one branch-free chain,
     * adding every visited node's leaf values (zero for splits; +0 leaves a nonnegative float sum unchanged).
     * Siblings are adjacent: next = left[n] + (x < thr ? 0 : 1). Features of the lanes' pixels are transposed
     * into a small lane-minor scratch, so the feature index stored in the node is pre-multiplied by the lanes.
     */
    static final class Chain {
        final int lanes;
        final int[] left;
        final int[] feat;
        final float[] thr;
        final float[] leaf; // k per node
        final long[] packed; // thr bits << 32 | left << fbits | feat*lanes
        final int fbits;
        final int[] forestRoot;
        final int[] sentinel;
        final int k;

        private Chain(int lanes, int nodes, int k, int forests, int fbits) {
            this.lanes = lanes;
            this.k = k;
            this.fbits = fbits;
            left = new int[nodes];
            feat = new int[nodes];
            thr = new float[nodes];
            leaf = new float[nodes * k];
            packed = new long[nodes];
            forestRoot = new int[forests];
            sentinel = new int[forests];
        }

        /** @param levelMajor order sibling units by (level, tree) across all trees, else tree by tree */
        static Chain of(ForestPredictor p, int lanes, boolean levelMajor) {
            int trees = p.root.length;
            int forests = p.divisor.length;
            // units: {tree, level, firstOldNode, size}
            List<int[]> units = new ArrayList<>();
            for (int t = 0; t < trees; t++) {
                units.add(new int[] {t, 0, p.root[t], 1});
                List<int[]> q = new ArrayList<>();
                q.add(new int[] {p.root[t], 0});
                for (int i = 0; i < q.size(); i++) {
                    int m = q.get(i)[0];
                    int lev = q.get(i)[1];
                    if (p.child[2 * m] != m) {
                        int l = p.child[2 * m];
                        if (p.child[2 * m + 1] != l + 1) {
                            throw new AssertionError("siblings not adjacent");
                        }
                        units.add(new int[] {t, lev + 1, l, 2});
                        q.add(new int[] {l, lev + 1});
                        q.add(new int[] {l + 1, lev + 1});
                    }
                }
            }
            if (levelMajor) {
                units.sort(Comparator.comparingInt((int[] u) -> u[1])); // stable: tree order within a level
            }
            int nodes = p.feature.length + forests;
            int fbits = 32 - Integer.numberOfLeadingZeros(p.featureCount * lanes);
            Chain c = new Chain(lanes, nodes, p.classCount, forests, fbits);
            int[] newOf = new int[p.feature.length];
            int next = 0;
            for (int[] u : units) {
                for (int j = 0; j < u[3]; j++) {
                    newOf[u[2] + j] = next++;
                }
            }
            for (int f = 0; f < forests; f++) {
                c.sentinel[f] = next++;
                c.forestRoot[f] = newOf[p.root[p.forestStart[f]]];
            }
            int[] treeOf = new int[p.feature.length];
            for (int[] u : units) {
                for (int j = 0; j < u[3]; j++) {
                    treeOf[u[2] + j] = u[0];
                }
            }
            for (int m = 0; m < p.feature.length; m++) {
                int q = newOf[m];
                int t = treeOf[m];
                if (p.child[2 * m] != m) {
                    c.left[q] = newOf[p.child[2 * m]];
                    c.feat[q] = p.feature[m] * lanes;
                    c.thr[q] = p.threshold[m];
                } else {
                    int f = forestOf(p, t);
                    int nextRoot = t + 1 < p.forestStart[f + 1] ? newOf[p.root[t + 1]] : c.sentinel[f];
                    c.left[q] = nextRoot - 1;
                    c.feat[q] = 0;
                    c.thr[q] = Float.NaN;
                    System.arraycopy(p.leafValue, m * c.k, c.leaf, q * c.k, c.k);
                }
            }
            for (int f = 0; f < forests; f++) {
                int s = c.sentinel[f];
                c.left[s] = s - 1;
                c.thr[s] = Float.NaN;
            }
            for (int q = 0; q < nodes; q++) {
                c.packed[q] = ((long) Float.floatToRawIntBits(c.thr[q]) << 32)
                        | (((long) c.left[q] << fbits | c.feat[q]) & 0xFFFFFFFFL);
                if ((long) c.left[q] << fbits >= 1L << 32) {
                    throw new AssertionError("packing overflow");
                }
            }
            return c;
        }

        static int forestOf(ForestPredictor p, int t) {
            int f = 0;
            while (p.forestStart[f + 1] <= t) {
                f++;
            }
            return f;
        }

        /** Lane-minor copy of `lanes` pixels starting at pixel i0 (missing pixels: zeros). */
        void transpose(float[] x, int i0, int n, int nf, float[] xs) {
            int have = Math.min(lanes, n - i0);
            if (have < lanes) {
                Arrays.fill(xs, 0f);
            }
            for (int j = 0; j < have; j++) {
                int b = (i0 + j) * nf;
                for (int f = 0; f < nf; f++) {
                    xs[f * lanes + j] = x[b + f];
                }
            }
        }

        private int st(float[] xs, int n, int lane) {
            return left[n] + (xs[feat[n] + lane] < thr[n] ? 0 : 1);
        }

        void predict8(float[] x, int n, float[] out) {
            int nf = p.featureCount;
            float[] xs = new float[nf * 8];
            float[] comb = new float[8 * 3];
            float[] lf = leaf;
            for (int i0 = 0; i0 < n; i0 += 8) {
                transpose(x, i0, n, nf, xs);
                Arrays.fill(comb, 0f);
                for (int f = 0; f < forestRoot.length; f++) {
                    int s = sentinel[f];
                    int r = forestRoot[f];
                    int n0 = r, n1 = r, n2 = r, n3 = r, n4 = r, n5 = r, n6 = r, n7 = r;
                    float a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0;
                    float b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0, b7 = 0;
                    float c0 = 0, c1 = 0, c2 = 0, c3 = 0, c4 = 0, c5 = 0, c6 = 0, c7 = 0;
                    while (((n0 ^ s) | (n1 ^ s) | (n2 ^ s) | (n3 ^ s) | (n4 ^ s) | (n5 ^ s) | (n6 ^ s) | (n7 ^ s)) != 0) {
                        a0 += lf[3 * n0]; b0 += lf[3 * n0 + 1]; c0 += lf[3 * n0 + 2];
                        a1 += lf[3 * n1]; b1 += lf[3 * n1 + 1]; c1 += lf[3 * n1 + 2];
                        a2 += lf[3 * n2]; b2 += lf[3 * n2 + 1]; c2 += lf[3 * n2 + 2];
                        a3 += lf[3 * n3]; b3 += lf[3 * n3 + 1]; c3 += lf[3 * n3 + 2];
                        a4 += lf[3 * n4]; b4 += lf[3 * n4 + 1]; c4 += lf[3 * n4 + 2];
                        a5 += lf[3 * n5]; b5 += lf[3 * n5 + 1]; c5 += lf[3 * n5 + 2];
                        a6 += lf[3 * n6]; b6 += lf[3 * n6 + 1]; c6 += lf[3 * n6 + 2];
                        a7 += lf[3 * n7]; b7 += lf[3 * n7 + 1]; c7 += lf[3 * n7 + 2];
                        n0 = st(xs, n0, 0); n1 = st(xs, n1, 1); n2 = st(xs, n2, 2); n3 = st(xs, n3, 3);
                        n4 = st(xs, n4, 4); n5 = st(xs, n5, 5); n6 = st(xs, n6, 6); n7 = st(xs, n7, 7);
                    }
                    float[] v = {a0, b0, c0, a1, b1, c1, a2, b2, c2, a3, b3, c3, a4, b4, c4, a5, b5, c5, a6, b6, c6,
                        a7, b7, c7};
                    combine(v, comb, f);
                }
                emit(comb, i0, n, out);
            }
        }

        private int sp(long[] pk, float[] xs, int n, int lane, int fb, int fm) {
            long w = pk[n];
            int word = (int) w;
            return (word >>> fb) + (xs[(word & fm) + lane] < Float.intBitsToFloat((int) (w >>> 32)) ? 0 : 1);
        }

        void predict8packed(float[] x, int n, float[] out) {
            int nf = p.featureCount;
            float[] xs = new float[nf * 8];
            float[] comb = new float[8 * 3];
            float[] lf = leaf;
            long[] pk = packed;
            int fb = fbits;
            int fm = (1 << fbits) - 1;
            for (int i0 = 0; i0 < n; i0 += 8) {
                transpose(x, i0, n, nf, xs);
                Arrays.fill(comb, 0f);
                for (int f = 0; f < forestRoot.length; f++) {
                    int s = sentinel[f];
                    int r = forestRoot[f];
                    int n0 = r, n1 = r, n2 = r, n3 = r, n4 = r, n5 = r, n6 = r, n7 = r;
                    float a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0;
                    float b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0, b7 = 0;
                    float c0 = 0, c1 = 0, c2 = 0, c3 = 0, c4 = 0, c5 = 0, c6 = 0, c7 = 0;
                    while (((n0 ^ s) | (n1 ^ s) | (n2 ^ s) | (n3 ^ s) | (n4 ^ s) | (n5 ^ s) | (n6 ^ s) | (n7 ^ s)) != 0) {
                        a0 += lf[3 * n0]; b0 += lf[3 * n0 + 1]; c0 += lf[3 * n0 + 2];
                        a1 += lf[3 * n1]; b1 += lf[3 * n1 + 1]; c1 += lf[3 * n1 + 2];
                        a2 += lf[3 * n2]; b2 += lf[3 * n2 + 1]; c2 += lf[3 * n2 + 2];
                        a3 += lf[3 * n3]; b3 += lf[3 * n3 + 1]; c3 += lf[3 * n3 + 2];
                        a4 += lf[3 * n4]; b4 += lf[3 * n4 + 1]; c4 += lf[3 * n4 + 2];
                        a5 += lf[3 * n5]; b5 += lf[3 * n5 + 1]; c5 += lf[3 * n5 + 2];
                        a6 += lf[3 * n6]; b6 += lf[3 * n6 + 1]; c6 += lf[3 * n6 + 2];
                        a7 += lf[3 * n7]; b7 += lf[3 * n7 + 1]; c7 += lf[3 * n7 + 2];
                        n0 = sp(pk, xs, n0, 0, fb, fm); n1 = sp(pk, xs, n1, 1, fb, fm);
                        n2 = sp(pk, xs, n2, 2, fb, fm); n3 = sp(pk, xs, n3, 3, fb, fm);
                        n4 = sp(pk, xs, n4, 4, fb, fm); n5 = sp(pk, xs, n5, 5, fb, fm);
                        n6 = sp(pk, xs, n6, 6, fb, fm); n7 = sp(pk, xs, n7, 7, fb, fm);
                    }
                    float[] v = {a0, b0, c0, a1, b1, c1, a2, b2, c2, a3, b3, c3, a4, b4, c4, a5, b5, c5, a6, b6, c6,
                        a7, b7, c7};
                    combine(v, comb, f);
                }
                emit(comb, i0, n, out);
            }
        }

        void predict4packed(float[] x, int n, float[] out) {
            int nf = p.featureCount;
            float[] xs = new float[nf * 4];
            float[] comb = new float[4 * 3];
            float[] lf = leaf;
            long[] pk = packed;
            int fb = fbits;
            int fm = (1 << fbits) - 1;
            for (int i0 = 0; i0 < n; i0 += 4) {
                transpose(x, i0, n, nf, xs);
                Arrays.fill(comb, 0f);
                for (int f = 0; f < forestRoot.length; f++) {
                    int s = sentinel[f];
                    int r = forestRoot[f];
                    int n0 = r, n1 = r, n2 = r, n3 = r;
                    float a0 = 0, a1 = 0, a2 = 0, a3 = 0;
                    float b0 = 0, b1 = 0, b2 = 0, b3 = 0;
                    float c0 = 0, c1 = 0, c2 = 0, c3 = 0;
                    while (((n0 ^ s) | (n1 ^ s) | (n2 ^ s) | (n3 ^ s)) != 0) {
                        a0 += lf[3 * n0]; b0 += lf[3 * n0 + 1]; c0 += lf[3 * n0 + 2];
                        a1 += lf[3 * n1]; b1 += lf[3 * n1 + 1]; c1 += lf[3 * n1 + 2];
                        a2 += lf[3 * n2]; b2 += lf[3 * n2 + 1]; c2 += lf[3 * n2 + 2];
                        a3 += lf[3 * n3]; b3 += lf[3 * n3 + 1]; c3 += lf[3 * n3 + 2];
                        n0 = sp(pk, xs, n0, 0, fb, fm); n1 = sp(pk, xs, n1, 1, fb, fm);
                        n2 = sp(pk, xs, n2, 2, fb, fm); n3 = sp(pk, xs, n3, 3, fb, fm);
                    }
                    float[] v = {a0, b0, c0, a1, b1, c1, a2, b2, c2, a3, b3, c3};
                    combine(v, comb, f);
                }
                emit(comb, i0, n, out);
            }
        }

        private static void combine(float[] v, float[] comb, int f) {
            float div = p.divisor[f];
            float w = p.forestTrees[f];
            for (int j = 0; j < v.length; j++) {
                comb[j] += (v[j] / div) * w;
            }
        }

        private void emit(float[] comb, int i0, int n, float[] out) {
            int have = Math.min(comb.length / 3, n - i0);
            for (int j = 0; j < have * 3; j++) {
                out[i0 * 3 + j] = comb[j] / p.totalTrees;
            }
        }
    }

    /**
     * Masked coherent walk: a group of G pixels (lanes of one vector, features transposed feature-major) walks each
     * tree together; at a split the lanes still on that node compare against its threshold in one vector compare,
     * and the group follows each non-empty side (the right side is pushed on a small stack). Each lane reaches
     * exactly one leaf per tree, whose values are added with a lane mask, so every pixel's sum keeps tree order.
     */
    static final class Masked {
        static final VectorSpecies<Float> S16 = FloatVector.SPECIES_512;
        static final VectorSpecies<Float> S8 = FloatVector.SPECIES_256;

        static void transpose(float[] x, int i0, int have, int nf, float[] xs, int g) {
            for (int j = 0; j < have; j++) {
                int b = (i0 + j) * nf;
                for (int f = 0; f < nf; f++) {
                    xs[f * g + j] = x[b + f];
                }
            }
        }

        static void predict16(float[] x, int n, float[] out) {
            int nf = p.featureCount;
            int[] feat = p.feature;
            float[] thr = p.threshold;
            int[] child = p.child;
            float[] leaf = p.leafValue;
            float[] xs = new float[nf * 16];
            int depth = Arrays.stream(p.depth).max().orElseThrow() + 1;
            int[] stackNode = new int[depth];
            long[] stackMask = new long[depth];
            float[] comb = new float[16 * 3];
            for (int i0 = 0; i0 < n; i0 += 16) {
                int have = Math.min(16, n - i0);
                transpose(x, i0, have, nf, xs, 16);
                long valid = have == 16 ? 0xFFFFL : (1L << have) - 1;
                FloatVector c0 = FloatVector.zero(S16);
                FloatVector c1 = c0;
                FloatVector c2 = c0;
                for (int f = 0; f < p.divisor.length; f++) {
                    FloatVector a0 = FloatVector.zero(S16);
                    FloatVector a1 = a0;
                    FloatVector a2 = a0;
                    for (int t = p.forestStart[f]; t < p.forestStart[f + 1]; t++) {
                        int node = p.root[t];
                        VectorMask<Float> m = VectorMask.fromLong(S16, valid);
                        int sp = 0;
                        while (true) {
                            int l = child[2 * node];
                            if (l == node) {
                                int q = node * 3;
                                a0 = a0.add(leaf[q], m);
                                a1 = a1.add(leaf[q + 1], m);
                                a2 = a2.add(leaf[q + 2], m);
                                if (sp == 0) {
                                    break;
                                }
                                sp--;
                                node = stackNode[sp];
                                m = VectorMask.fromLong(S16, stackMask[sp]);
                                continue;
                            }
                            VectorMask<Float> lt = FloatVector.fromArray(S16, xs, feat[node] * 16).lt(thr[node]);
                            VectorMask<Float> goL = m.and(lt);
                            VectorMask<Float> goR = m.andNot(lt);
                            if (goL.anyTrue()) {
                                if (goR.anyTrue()) {
                                    stackNode[sp] = child[2 * node + 1];
                                    stackMask[sp] = goR.toLong();
                                    sp++;
                                }
                                node = l;
                                m = goL;
                            } else {
                                node = child[2 * node + 1];
                            }
                        }
                    }
                    float div = p.divisor[f];
                    float w = p.forestTrees[f];
                    c0 = c0.add(a0.div(div).mul(w));
                    c1 = c1.add(a1.div(div).mul(w));
                    c2 = c2.add(a2.div(div).mul(w));
                }
                c0.div(p.totalTrees).intoArray(comb, 0);
                c1.div(p.totalTrees).intoArray(comb, 16);
                c2.div(p.totalTrees).intoArray(comb, 32);
                for (int j = 0; j < have; j++) {
                    int o = (i0 + j) * 3;
                    out[o] = comb[j];
                    out[o + 1] = comb[16 + j];
                    out[o + 2] = comb[32 + j];
                }
            }
        }

        static void predict16generic(float[] x, int n, float[] out) {
            int nf = p.featureCount;
            int k = p.classCount;
            int[] feat = p.feature;
            float[] thr = p.threshold;
            int[] child = p.child;
            float[] leaf = p.leafValue;
            float[] xs = new float[nf * 16];
            int depth = Arrays.stream(p.depth).max().orElseThrow() + 1;
            int[] stackNode = new int[depth];
            long[] stackMask = new long[depth];
            float[] votes = new float[16 * k];
            float[] comb = new float[16 * k];
            for (int i0 = 0; i0 < n; i0 += 16) {
                int have = Math.min(16, n - i0);
                transpose(x, i0, have, nf, xs, 16);
                long valid = have == 16 ? 0xFFFFL : (1L << have) - 1;
                Arrays.fill(comb, 0f);
                for (int f = 0; f < p.divisor.length; f++) {
                    Arrays.fill(votes, 0f);
                    for (int t = p.forestStart[f]; t < p.forestStart[f + 1]; t++) {
                        int node = p.root[t];
                        VectorMask<Float> m = VectorMask.fromLong(S16, valid);
                        int sp = 0;
                        while (true) {
                            int l = child[2 * node];
                            if (l == node) {
                                int q = node * k;
                                for (int c = 0; c < k; c++) {
                                    FloatVector.fromArray(S16, votes, c * 16).add(leaf[q + c], m).intoArray(votes, c * 16);
                                }
                                if (sp == 0) {
                                    break;
                                }
                                sp--;
                                node = stackNode[sp];
                                m = VectorMask.fromLong(S16, stackMask[sp]);
                                continue;
                            }
                            VectorMask<Float> lt = FloatVector.fromArray(S16, xs, feat[node] * 16).lt(thr[node]);
                            VectorMask<Float> goL = m.and(lt);
                            VectorMask<Float> goR = m.andNot(lt);
                            if (goL.anyTrue()) {
                                if (goR.anyTrue()) {
                                    stackNode[sp] = child[2 * node + 1];
                                    stackMask[sp] = goR.toLong();
                                    sp++;
                                }
                                node = l;
                                m = goL;
                            } else {
                                node = child[2 * node + 1];
                            }
                        }
                    }
                    float div = p.divisor[f];
                    float w = p.forestTrees[f];
                    for (int c = 0; c < k; c++) {
                        FloatVector.fromArray(S16, comb, c * 16).add(FloatVector.fromArray(S16, votes, c * 16).div(div).mul(w))
                                .intoArray(comb, c * 16);
                    }
                }
                for (int j = 0; j < have; j++) {
                    int o = (i0 + j) * k;
                    for (int c = 0; c < k; c++) {
                        out[o + c] = comb[c * 16 + j] / p.totalTrees;
                    }
                }
            }
        }

        static void predict8(float[] x, int n, float[] out) {
            int nf = p.featureCount;
            int[] feat = p.feature;
            float[] thr = p.threshold;
            int[] child = p.child;
            float[] leaf = p.leafValue;
            float[] xs = new float[nf * 8];
            int depth = Arrays.stream(p.depth).max().orElseThrow() + 1;
            int[] stackNode = new int[depth];
            long[] stackMask = new long[depth];
            float[] comb = new float[8 * 3];
            for (int i0 = 0; i0 < n; i0 += 8) {
                int have = Math.min(8, n - i0);
                transpose(x, i0, have, nf, xs, 8);
                long valid = have == 8 ? 0xFFL : (1L << have) - 1;
                FloatVector c0 = FloatVector.zero(S8);
                FloatVector c1 = c0;
                FloatVector c2 = c0;
                for (int f = 0; f < p.divisor.length; f++) {
                    FloatVector a0 = FloatVector.zero(S8);
                    FloatVector a1 = a0;
                    FloatVector a2 = a0;
                    for (int t = p.forestStart[f]; t < p.forestStart[f + 1]; t++) {
                        int node = p.root[t];
                        VectorMask<Float> m = VectorMask.fromLong(S8, valid);
                        int sp = 0;
                        while (true) {
                            int l = child[2 * node];
                            if (l == node) {
                                int q = node * 3;
                                a0 = a0.add(leaf[q], m);
                                a1 = a1.add(leaf[q + 1], m);
                                a2 = a2.add(leaf[q + 2], m);
                                if (sp == 0) {
                                    break;
                                }
                                sp--;
                                node = stackNode[sp];
                                m = VectorMask.fromLong(S8, stackMask[sp]);
                                continue;
                            }
                            VectorMask<Float> lt = FloatVector.fromArray(S8, xs, feat[node] * 8).lt(thr[node]);
                            VectorMask<Float> goL = m.and(lt);
                            VectorMask<Float> goR = m.andNot(lt);
                            if (goL.anyTrue()) {
                                if (goR.anyTrue()) {
                                    stackNode[sp] = child[2 * node + 1];
                                    stackMask[sp] = goR.toLong();
                                    sp++;
                                }
                                node = l;
                                m = goL;
                            } else {
                                node = child[2 * node + 1];
                            }
                        }
                    }
                    float div = p.divisor[f];
                    float w = p.forestTrees[f];
                    c0 = c0.add(a0.div(div).mul(w));
                    c1 = c1.add(a1.div(div).mul(w));
                    c2 = c2.add(a2.div(div).mul(w));
                }
                c0.div(p.totalTrees).intoArray(comb, 0);
                c1.div(p.totalTrees).intoArray(comb, 8);
                c2.div(p.totalTrees).intoArray(comb, 16);
                for (int j = 0; j < have; j++) {
                    int o = (i0 + j) * 3;
                    out[o] = comb[j];
                    out[o + 1] = comb[8 + j];
                    out[o + 2] = comb[16 + j];
                }
            }
        }

        static void predict16bits(float[] x, int n, float[] out) {
            int nf = p.featureCount;
            int k = p.classCount;
            int[] feat = p.feature;
            float[] thr = p.threshold;
            int[] child = p.child;
            float[] leaf = p.leafValue;
            float[] xs = new float[nf * 16];
            int depth = Arrays.stream(p.depth).max().orElseThrow() + 1;
            int[] stackNode = new int[depth];
            long[] stackMask = new long[depth];
            float[] votes = new float[16 * k];
            float[] comb = new float[16 * k];
            for (int i0 = 0; i0 < n; i0 += 16) {
                int have = Math.min(16, n - i0);
                transpose(x, i0, have, nf, xs, 16);
                long valid = have == 16 ? 0xFFFFL : (1L << have) - 1;
                Arrays.fill(comb, 0f);
                for (int f = 0; f < p.divisor.length; f++) {
                    Arrays.fill(votes, 0f);
                    for (int t = p.forestStart[f]; t < p.forestStart[f + 1]; t++) {
                        int node = p.root[t];
                        long m = valid;
                        int sp = 0;
                        while (true) {
                            int l = child[2 * node];
                            if (l == node) {
                                int q = node * k;
                                VectorMask<Float> vm = VectorMask.fromLong(S16, m);
                                for (int c = 0; c < k; c++) {
                                    FloatVector.fromArray(S16, votes, c * 16).add(leaf[q + c], vm).intoArray(votes, c * 16);
                                }
                                if (sp == 0) {
                                    break;
                                }
                                sp--;
                                node = stackNode[sp];
                                m = stackMask[sp];
                                continue;
                            }
                            long lt = FloatVector.fromArray(S16, xs, feat[node] * 16).lt(thr[node]).toLong();
                            long goL = m & lt;
                            long goR = m & ~lt;
                            if (goL != 0) {
                                if (goR != 0) {
                                    stackNode[sp] = child[2 * node + 1];
                                    stackMask[sp] = goR;
                                    sp++;
                                }
                                node = l;
                                m = goL;
                            } else {
                                node = child[2 * node + 1];
                            }
                        }
                    }
                    float div = p.divisor[f];
                    float w = p.forestTrees[f];
                    for (int c = 0; c < k; c++) {
                        FloatVector.fromArray(S16, comb, c * 16).add(FloatVector.fromArray(S16, votes, c * 16).div(div).mul(w))
                                .intoArray(comb, c * 16);
                    }
                }
                for (int j = 0; j < have; j++) {
                    int o = (i0 + j) * k;
                    for (int c = 0; c < k; c++) {
                        out[o + c] = comb[c * 16 + j] / p.totalTrees;
                    }
                }
            }
        }

        /** Like predict16bits, split-free: a branch-free state machine over (node, mask, stack). */
        static void predict16k3bits(float[] x, int n, float[] out) {
            int nf = p.featureCount;
            int[] feat = p.feature;
            float[] thr = p.threshold;
            int[] child = p.child;
            float[] leaf = p.leafValue;
            float[] xs = new float[nf * 16];
            int depth = Arrays.stream(p.depth).max().orElseThrow() + 1;
            int[] stackNode = new int[depth];
            long[] stackMask = new long[depth];
            float[] votes = new float[16 * 3];
            float[] comb = new float[16 * 3];
            for (int i0 = 0; i0 < n; i0 += 16) {
                int have = Math.min(16, n - i0);
                transpose(x, i0, have, nf, xs, 16);
                long valid = have == 16 ? 0xFFFFL : (1L << have) - 1;
                Arrays.fill(comb, 0f);
                for (int f = 0; f < p.divisor.length; f++) {
                    Arrays.fill(votes, 0f);
                    for (int t = p.forestStart[f]; t < p.forestStart[f + 1]; t++) {
                        int node = p.root[t];
                        long m = valid;
                        int sp = 0;
                        while (true) {
                            int l = child[2 * node];
                            if (l == node) {
                                int q = node * 3;
                                VectorMask<Float> vm = VectorMask.fromLong(S16, m);
                                FloatVector.fromArray(S16, votes, 0).add(leaf[q], vm).intoArray(votes, 0);
                                FloatVector.fromArray(S16, votes, 16).add(leaf[q + 1], vm).intoArray(votes, 16);
                                FloatVector.fromArray(S16, votes, 32).add(leaf[q + 2], vm).intoArray(votes, 32);
                                if (sp == 0) {
                                    break;
                                }
                                sp--;
                                node = stackNode[sp];
                                m = stackMask[sp];
                                continue;
                            }
                            long lt = FloatVector.fromArray(S16, xs, feat[node] * 16).lt(thr[node]).toLong();
                            long goL = m & lt;
                            long goR = m & ~lt;
                            // branch-free: push the right side (kept only when both sides are non-empty)
                            stackNode[sp] = l + 1;
                            stackMask[sp] = goR;
                            sp += (goL != 0 & goR != 0) ? 1 : 0;
                            node = goL != 0 ? l : l + 1;
                            m = goL != 0 ? goL : goR;
                        }
                    }
                    float div = p.divisor[f];
                    float w = p.forestTrees[f];
                    for (int c = 0; c < 3; c++) {
                        FloatVector.fromArray(S16, comb, c * 16).add(FloatVector.fromArray(S16, votes, c * 16).div(div).mul(w))
                                .intoArray(comb, c * 16);
                    }
                }
                for (int j = 0; j < have; j++) {
                    int o = (i0 + j) * 3;
                    out[o] = comb[j] / p.totalTrees;
                    out[o + 1] = comb[16 + j] / p.totalTrees;
                    out[o + 2] = comb[32 + j] / p.totalTrees;
                }
            }
        }

        static void transposeOnly(float[] x, int n, float[] out) {
            int nf = p.featureCount;
            float[] xs = new float[nf * 16];
            float s = 0;
            for (int i0 = 0; i0 < n; i0 += 16) {
                int have = Math.min(16, n - i0);
                transpose(x, i0, have, nf, xs, 16);
                s += xs[i0 % xs.length];
            }
            out[0] = s;
        }

        /** Node records, 4 ints each: feature·16, left child (right = left + 1; a leaf: itself), threshold bits, leaf row. */
        static int[] records(int lanes) {
            int nn = p.feature.length;
            int[] rec = new int[4 * nn];
            int leaves = 0;
            for (int m = 0; m < nn; m++) {
                rec[4 * m] = p.feature[m] * lanes;
                rec[4 * m + 1] = p.child[2 * m];
                rec[4 * m + 2] = Float.floatToRawIntBits(p.threshold[m]);
                if (p.child[2 * m] == m) {
                    rec[4 * m + 3] = leaves * p.classCount;
                    leaves++;
                }
            }
            return rec;
        }

        static float[] leafRows() {
            int nn = p.feature.length;
            int k = p.classCount;
            float[] rows = new float[nn * k];
            int leaves = 0;
            for (int m = 0; m < nn; m++) {
                if (p.child[2 * m] == m) {
                    System.arraycopy(p.leafValue, m * k, rows, leaves * k, k);
                    leaves++;
                }
            }
            return Arrays.copyOf(rows, leaves * k);
        }

        static void predict16rec(float[] x, int n, float[] out, int groupsPerBlock) {
            int nf = p.featureCount;
            int k = p.classCount;
            int[] rec = records(16);
            float[] leaf = leafRows();
            int G = groupsPerBlock;
            float[] xs = new float[nf * 16 * G];
            int depth = Arrays.stream(p.depth).max().orElseThrow() + 1;
            int[] stackNode = new int[depth];
            long[] stackMask = new long[depth];
            float[] votes = new float[16 * k * G];
            float[] comb = new float[16 * k * G];
            long[] valid = new long[G];
            int bs = 16 * G;
            for (int b0 = 0; b0 < n; b0 += bs) {
                for (int g = 0; g < G; g++) {
                    int i0 = b0 + 16 * g;
                    int have = Math.max(0, Math.min(16, n - i0));
                    transpose(x, i0, have, nf, xs, 16, g * nf * 16);
                    valid[g] = have == 16 ? 0xFFFFL : (1L << have) - 1;
                }
                Arrays.fill(comb, 0f);
                for (int f = 0; f < p.divisor.length; f++) {
                    Arrays.fill(votes, 0f);
                    for (int t = p.forestStart[f]; t < p.forestStart[f + 1]; t++) {
                        for (int g = 0; g < G; g++) {
                            int xo = g * nf * 16;
                            int vo = g * 16 * k;
                            int node = p.root[t];
                            long m = valid[g];
                            int sp = 0;
                            while (true) {
                                int r = 4 * node;
                                int l = rec[r + 1];
                                if (l == node) {
                                    int q = rec[r + 3];
                                    VectorMask<Float> vm = VectorMask.fromLong(S16, m);
                                    for (int c = 0; c < k; c++) {
                                        FloatVector.fromArray(S16, votes, vo + c * 16).add(leaf[q + c], vm)
                                                .intoArray(votes, vo + c * 16);
                                    }
                                    if (sp == 0) {
                                        break;
                                    }
                                    sp--;
                                    node = stackNode[sp];
                                    m = stackMask[sp];
                                    continue;
                                }
                                long lt = FloatVector.fromArray(S16, xs, xo + rec[r])
                                        .lt(Float.intBitsToFloat(rec[r + 2])).toLong();
                                long goL = m & lt;
                                long goR = m & ~lt;
                                stackNode[sp] = l + 1;
                                stackMask[sp] = goR;
                                sp += (goL != 0 & goR != 0) ? 1 : 0;
                                node = goL != 0 ? l : l + 1;
                                m = goL != 0 ? goL : goR;
                            }
                        }
                    }
                    float div = p.divisor[f];
                    float w = p.forestTrees[f];
                    for (int c = 0; c < k * G; c++) {
                        FloatVector.fromArray(S16, comb, c * 16).add(FloatVector.fromArray(S16, votes, c * 16).div(div).mul(w))
                                .intoArray(comb, c * 16);
                    }
                }
                for (int g = 0; g < G; g++) {
                    int i0 = b0 + 16 * g;
                    int have = Math.max(0, Math.min(16, n - i0));
                    for (int j = 0; j < have; j++) {
                        int o = (i0 + j) * k;
                        for (int c = 0; c < k; c++) {
                            out[o + c] = comb[(g * k + c) * 16 + j] / p.totalTrees;
                        }
                    }
                }
            }
        }

        static void transpose(float[] x, int i0, int have, int nf, float[] xs, int g, int xo) {
            for (int j = 0; j < have; j++) {
                int b = (i0 + j) * nf;
                for (int f = 0; f < nf; f++) {
                    xs[xo + f * g + j] = x[b + f];
                }
            }
        }

        /** 32 lanes: two 512-bit vectors per feature row, 32-bit masks. */
        static void predict32(float[] x, int n, float[] out) {
            int nf = p.featureCount;
            int k = p.classCount;
            int[] rec = records(32);
            float[] leaf = leafRows();
            float[] xs = new float[nf * 32];
            int depth = Arrays.stream(p.depth).max().orElseThrow() + 1;
            int[] stackNode = new int[depth];
            long[] stackMask = new long[depth];
            float[] votes = new float[32 * k];
            float[] comb = new float[32 * k];
            for (int i0 = 0; i0 < n; i0 += 32) {
                int have = Math.min(32, n - i0);
                transpose(x, i0, have, nf, xs, 32, 0);
                long valid = have == 32 ? 0xFFFFFFFFL : (1L << have) - 1;
                Arrays.fill(comb, 0f);
                for (int f = 0; f < p.divisor.length; f++) {
                    Arrays.fill(votes, 0f);
                    for (int t = p.forestStart[f]; t < p.forestStart[f + 1]; t++) {
                        int node = p.root[t];
                        long m = valid;
                        int sp = 0;
                        while (true) {
                            int r = 4 * node;
                            int l = rec[r + 1];
                            if (l == node) {
                                int q = rec[r + 3];
                                VectorMask<Float> lo = VectorMask.fromLong(S16, m);
                                VectorMask<Float> hi = VectorMask.fromLong(S16, m >>> 16);
                                for (int c = 0; c < k; c++) {
                                    float v = leaf[q + c];
                                    FloatVector.fromArray(S16, votes, c * 32).add(v, lo).intoArray(votes, c * 32);
                                    FloatVector.fromArray(S16, votes, c * 32 + 16).add(v, hi).intoArray(votes, c * 32 + 16);
                                }
                                if (sp == 0) {
                                    break;
                                }
                                sp--;
                                node = stackNode[sp];
                                m = stackMask[sp];
                                continue;
                            }
                            float th = Float.intBitsToFloat(rec[r + 2]);
                            int row = rec[r];
                            long lt = FloatVector.fromArray(S16, xs, row).lt(th).toLong()
                                    | FloatVector.fromArray(S16, xs, row + 16).lt(th).toLong() << 16;
                            long goL = m & lt;
                            long goR = m & ~lt;
                            stackNode[sp] = l + 1;
                            stackMask[sp] = goR;
                            sp += (goL != 0 & goR != 0) ? 1 : 0;
                            node = goL != 0 ? l : l + 1;
                            m = goL != 0 ? goL : goR;
                        }
                    }
                    float div = p.divisor[f];
                    float w = p.forestTrees[f];
                    for (int c = 0; c < 2 * k; c++) {
                        FloatVector.fromArray(S16, comb, c * 16).add(FloatVector.fromArray(S16, votes, c * 16).div(div).mul(w))
                                .intoArray(comb, c * 16);
                    }
                }
                for (int j = 0; j < have; j++) {
                    int o = (i0 + j) * k;
                    for (int c = 0; c < k; c++) {
                        out[o + c] = comb[c * 32 + j] / p.totalTrees;
                    }
                }
            }
        }
    }
}
