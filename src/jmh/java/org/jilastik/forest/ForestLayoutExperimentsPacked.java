package org.jilastik.forest;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/** Scratch layout experiments (CPU-time harness, run with a main method from the project root): packed nodes, 8 lanes in registers. */
public class ForestLayoutExperimentsPacked {
    static ForestPredictor p;
    static int[] left; static long[] packed; static int[] feat; static float[] thr;

    public static void main(String[] a) throws Exception {
        ForestPredictionBenchmark b = new ForestPredictionBenchmark();
        b.block = 128; b.setUp();
        p = b.predictor;
        int nn = p.feature.length;
        left = new int[nn]; packed = new long[nn]; feat = p.feature; thr = p.threshold;
        for (int n = 0; n < nn; n++) {
            boolean leaf = p.child[2*n] == n;
            left[n] = leaf ? n - 1 : p.child[2*n];
            if (!leaf && p.child[2*n+1] != left[n] + 1) throw new AssertionError();
            packed[n] = ((long) Float.floatToRawIntBits(p.threshold[n]) << 32) | ((long) p.feature[n] << 20) | (left[n] & 0xFFFFFL);
        }
        // average path length
        long steps = 0; int N = 16384; int F = p.featureCount;
        for (int i = 0; i < N; i++) for (int t = 0; t < p.root.length; t++) { int m = p.root[t]; while (p.child[2*m] != m) { m = p.child[2*m + (b.features[i*F + p.feature[m]] < p.threshold[m] ? 0 : 1)]; steps++; } }
        System.out.printf("avg path %.2f, avg depth %.2f%n", steps / (double) N / p.root.length, Arrays.stream(p.depth).average().getAsDouble());
        float[] expected = b.productionOneThread().clone();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        int n = ForestPredictionBenchmark.PIXELS;
        for (int rep = 0; rep < 3; rep++) for (String name : a) {
            Arrays.fill(b.out, -1f);
            long c0 = mx.getCurrentThreadCpuTime(), w0 = System.nanoTime();
            switch (name) {
                case "prod" -> b.productionOneThread();
                case "g8" -> group8(b.features, n, b.out);
                case "g8p" -> group8packed(b.features, n, b.out);
                case "g4p" -> group4packed(b.features, n, b.out);
                case "g8pe" -> g8pe(b.features, n, b.out);
            }
            long c1 = mx.getCurrentThreadCpuTime(), w1 = System.nanoTime();
            System.out.printf("%-8s cpu %6.0f ms wall %6.0f ms same=%b%n", name, (c1-c0)/1e6, (w1-w0)/1e6, Arrays.equals(b.out, expected));
        }
        b.tearDown();
    }

    static void finish(float[] votes, float[] combined, int f, int bk) {
        for (int j = 0; j < bk; j++) combined[j] += (votes[j] / p.divisor[f]) * p.forestTrees[f];
    }

    static void group8(float[] x, int n, float[] out) {
        int k = p.classCount, F = p.featureCount; float[] leaf = p.leafValue;
        float[] votes = new float[8*k], comb = new float[8*k];
        for (int s0 = 0; s0 + 8 <= n; s0 += 8) {
            Arrays.fill(comb, 0f);
            int b0 = s0*F, b1=b0+F, b2=b1+F, b3=b2+F, b4=b3+F, b5=b4+F, b6=b5+F, b7=b6+F;
            for (int f = 0; f < p.divisor.length; f++) {
                Arrays.fill(votes, 0f);
                for (int t = p.forestStart[f]; t < p.forestStart[f+1]; t++) {
                    int r = p.root[t];
                    int n0=r,n1=r,n2=r,n3=r,n4=r,n5=r,n6=r,n7=r;
                    for (int d = p.depth[t]; d > 0; d--) {
                        n0 = left[n0] + (x[b0 + feat[n0]] < thr[n0] ? 0 : 1);
                        n1 = left[n1] + (x[b1 + feat[n1]] < thr[n1] ? 0 : 1);
                        n2 = left[n2] + (x[b2 + feat[n2]] < thr[n2] ? 0 : 1);
                        n3 = left[n3] + (x[b3 + feat[n3]] < thr[n3] ? 0 : 1);
                        n4 = left[n4] + (x[b4 + feat[n4]] < thr[n4] ? 0 : 1);
                        n5 = left[n5] + (x[b5 + feat[n5]] < thr[n5] ? 0 : 1);
                        n6 = left[n6] + (x[b6 + feat[n6]] < thr[n6] ? 0 : 1);
                        n7 = left[n7] + (x[b7 + feat[n7]] < thr[n7] ? 0 : 1);
                    }
                    acc(votes, 0, n0, k, leaf); acc(votes, 1, n1, k, leaf); acc(votes, 2, n2, k, leaf); acc(votes, 3, n3, k, leaf);
                    acc(votes, 4, n4, k, leaf); acc(votes, 5, n5, k, leaf); acc(votes, 6, n6, k, leaf); acc(votes, 7, n7, k, leaf);
                }
                finish(votes, comb, f, 8*k);
            }
            for (int j = 0; j < 8*k; j++) out[s0*k + j] = comb[j] / p.totalTrees;
        }
    }

    static void acc(float[] votes, int i, int node, int k, float[] leaf) {
        int o = i*k, m = node*k;
        for (int l = 0; l < k; l++) votes[o+l] += leaf[m+l];
    }

    static int step(long[] pk, float[] x, int base, int n) {
        long e = pk[n];
        return ((int) e & 0xFFFFF) + (x[base + (((int) e) >>> 20)] < Float.intBitsToFloat((int) (e >>> 32)) ? 0 : 1);
    }

    static void group8packed(float[] x, int n, float[] out) {
        int k = p.classCount, F = p.featureCount; float[] leaf = p.leafValue; long[] pk = packed;
        float[] votes = new float[8*k], comb = new float[8*k];
        for (int s0 = 0; s0 + 8 <= n; s0 += 8) {
            Arrays.fill(comb, 0f);
            int b0 = s0*F, b1=b0+F, b2=b1+F, b3=b2+F, b4=b3+F, b5=b4+F, b6=b5+F, b7=b6+F;
            for (int f = 0; f < p.divisor.length; f++) {
                Arrays.fill(votes, 0f);
                for (int t = p.forestStart[f]; t < p.forestStart[f+1]; t++) {
                    int r = p.root[t];
                    int n0=r,n1=r,n2=r,n3=r,n4=r,n5=r,n6=r,n7=r;
                    for (int d = p.depth[t]; d > 0; d--) {
                        n0 = step(pk, x, b0, n0); n1 = step(pk, x, b1, n1); n2 = step(pk, x, b2, n2); n3 = step(pk, x, b3, n3);
                        n4 = step(pk, x, b4, n4); n5 = step(pk, x, b5, n5); n6 = step(pk, x, b6, n6); n7 = step(pk, x, b7, n7);
                    }
                    acc(votes, 0, n0, k, leaf); acc(votes, 1, n1, k, leaf); acc(votes, 2, n2, k, leaf); acc(votes, 3, n3, k, leaf);
                    acc(votes, 4, n4, k, leaf); acc(votes, 5, n5, k, leaf); acc(votes, 6, n6, k, leaf); acc(votes, 7, n7, k, leaf);
                }
                finish(votes, comb, f, 8*k);
            }
            for (int j = 0; j < 8*k; j++) out[s0*k + j] = comb[j] / p.totalTrees;
        }
    }

    static void group4packed(float[] x, int n, float[] out) {
        int k = p.classCount, F = p.featureCount; float[] leaf = p.leafValue; long[] pk = packed;
        float[] votes = new float[4*k], comb = new float[4*k];
        for (int s0 = 0; s0 + 4 <= n; s0 += 4) {
            Arrays.fill(comb, 0f);
            int b0 = s0*F, b1=b0+F, b2=b1+F, b3=b2+F;
            for (int f = 0; f < p.divisor.length; f++) {
                Arrays.fill(votes, 0f);
                for (int t = p.forestStart[f]; t < p.forestStart[f+1]; t++) {
                    int r = p.root[t];
                    int n0=r,n1=r,n2=r,n3=r;
                    for (int d = p.depth[t]; d > 0; d--) {
                        n0 = step(pk, x, b0, n0); n1 = step(pk, x, b1, n1); n2 = step(pk, x, b2, n2); n3 = step(pk, x, b3, n3);
                    }
                    acc(votes, 0, n0, k, leaf); acc(votes, 1, n1, k, leaf); acc(votes, 2, n2, k, leaf); acc(votes, 3, n3, k, leaf);
                }
                finish(votes, comb, f, 4*k);
            }
            for (int j = 0; j < 4*k; j++) out[s0*k + j] = comb[j] / p.totalTrees;
        }
    }

    static void g8pe(float[] x, int n, float[] out) {
        int k = p.classCount, F = p.featureCount; float[] leaf = p.leafValue; long[] pk = packed;
        float[] votes = new float[8*k], comb = new float[8*k];
        for (int s0 = 0; s0 + 8 <= n; s0 += 8) {
            Arrays.fill(comb, 0f);
            int b0 = s0*F, b1=b0+F, b2=b1+F, b3=b2+F, b4=b3+F, b5=b4+F, b6=b5+F, b7=b6+F;
            for (int f = 0; f < p.divisor.length; f++) {
                Arrays.fill(votes, 0f);
                for (int t = p.forestStart[f]; t < p.forestStart[f+1]; t++) {
                    int r = p.root[t];
                    int n0=r,n1=r,n2=r,n3=r,n4=r,n5=r,n6=r,n7=r;
                    while (true) {
                        int m0 = step(pk, x, b0, n0), m1 = step(pk, x, b1, n1), m2 = step(pk, x, b2, n2), m3 = step(pk, x, b3, n3);
                        int m4 = step(pk, x, b4, n4), m5 = step(pk, x, b5, n5), m6 = step(pk, x, b6, n6), m7 = step(pk, x, b7, n7);
                        int moved = (m0^n0)|(m1^n1)|(m2^n2)|(m3^n3)|(m4^n4)|(m5^n5)|(m6^n6)|(m7^n7);
                        n0=m0;n1=m1;n2=m2;n3=m3;n4=m4;n5=m5;n6=m6;n7=m7;
                        if (moved == 0) break;
                    }
                    acc(votes, 0, n0, k, leaf); acc(votes, 1, n1, k, leaf); acc(votes, 2, n2, k, leaf); acc(votes, 3, n3, k, leaf);
                    acc(votes, 4, n4, k, leaf); acc(votes, 5, n5, k, leaf); acc(votes, 6, n6, k, leaf); acc(votes, 7, n7, k, leaf);
                }
                finish(votes, comb, f, 8*k);
            }
            for (int j = 0; j < 8*k; j++) out[s0*k + j] = comb[j] / p.totalTrees;
        }
    }
}
