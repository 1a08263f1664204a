package org.jilastik.forest;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/** Scratch layout experiments (CPU-time harness, main method, run from the project root): splits-first 8-lane walk (g8e), active-list compaction. */
public class ForestLayoutExperimentsLanes {
    static ForestPredictor p;
    // splits-first renumbering: child pairs; leaf marker = negative (~leafIndex) in cchild
    static int[] sfFeat, sfChild, sfLeafStart, sfRoot; static float[] sfThr, sfLeaf;
    static int[] cFeat, cChild, cRoot; static float[] cThr, cLeaf; // compact: split nodes only, child<0 = ~leaf

    public static void main(String[] a) throws Exception {
        ForestPredictionBenchmark b = new ForestPredictionBenchmark();
        b.block = 128; b.setUp();
        p = b.predictor;
        build();
        float[] expected = b.productionOneThread().clone();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        int n = ForestPredictionBenchmark.PIXELS;
        for (int rep = 0; rep < 3; rep++) for (String name : a) {
            Arrays.fill(b.out, -1f);
            long c0 = mx.getCurrentThreadCpuTime(), w0 = System.nanoTime();
            switch (name) {
                case "prod" -> b.productionOneThread();
                case "g8e" -> g8early(b.features, n, b.out);
                case "cmp" -> compact(b.features, n, b.out, 128);
                case "cmp64" -> compact(b.features, n, b.out, 64);
                case "cmp256" -> compact(b.features, n, b.out, 256);
                case "cmp512" -> compact(b.features, n, b.out, 512);
            }
            long c1 = mx.getCurrentThreadCpuTime(), w1 = System.nanoTime();
            System.out.printf("%-8s cpu %6.0f ms wall %6.0f ms same=%b%n", name, (c1-c0)/1e6, (w1-w0)/1e6, Arrays.equals(b.out, expected));
        }
        b.tearDown();
    }

    static void build() {
        int T = p.root.length, k = p.classCount, nn = p.feature.length;
        sfFeat = new int[nn]; sfThr = new float[nn]; sfChild = new int[2*nn]; sfLeaf = new float[nn*k]; sfLeafStart = new int[T]; sfRoot = new int[T];
        int splits = 0; for (int m = 0; m < nn; m++) if (p.child[2*m] != m) splits++;
        int leaves = nn - splits;
        cFeat = new int[splits]; cThr = new float[splits]; cChild = new int[2*splits]; cLeaf = new float[leaves*k]; cRoot = new int[T];
        int cs = 0, cl = 0;
        for (int t = 0; t < T; t++) {
            int from = p.root[t], to = t + 1 < T ? p.root[t+1] : nn;
            int[] newIdx = new int[to - from]; int ns = 0;
            for (int m = from; m < to; m++) if (p.child[2*m] != m) newIdx[m-from] = from + ns++;
            int nl = 0;
            for (int m = from; m < to; m++) if (p.child[2*m] == m) newIdx[m-from] = from + ns + nl++;
            sfLeafStart[t] = from + ns; sfRoot[t] = newIdx[p.root[t]-from];
            int[] cIdx = new int[to - from]; int cs0 = cs;
            for (int m = from; m < to; m++) if (p.child[2*m] != m) cIdx[m-from] = cs++; else { cIdx[m-from] = ~cl; System.arraycopy(p.leafValue, m*k, cLeaf, cl*k, k); cl++; }
            cRoot[t] = cIdx[p.root[t]-from];
            for (int m = from; m < to; m++) {
                int q = newIdx[m-from];
                sfFeat[q] = p.feature[m]; sfThr[q] = p.threshold[m];
                sfChild[2*q] = newIdx[p.child[2*m]-from]; sfChild[2*q+1] = newIdx[p.child[2*m+1]-from];
                System.arraycopy(p.leafValue, m*k, sfLeaf, q*k, k);
                if (p.child[2*m] != m) { int c = cIdx[m-from]; cFeat[c] = p.feature[m]; cThr[c] = p.threshold[m]; cChild[2*c] = cIdx[p.child[2*m]-from]; cChild[2*c+1] = cIdx[p.child[2*m+1]-from]; }
            }
        }
    }

    static void finish(float[] votes, float[] combined, int f, int bk) {
        for (int j = 0; j < bk; j++) combined[j] += (votes[j] / p.divisor[f]) * p.forestTrees[f];
    }
    static void acc(float[] votes, int i, int node, int k, float[] leaf) {
        int o = i*k, m = node*k;
        for (int l = 0; l < k; l++) votes[o+l] += leaf[m+l];
    }
    static int st(float[] x, int base, int n) {
        return sfChild[2*n + (x[base + sfFeat[n]] < sfThr[n] ? 0 : 1)];
    }

    static void g8early(float[] x, int n, float[] out) {
        int k = p.classCount, F = p.featureCount; float[] leaf = sfLeaf;
        float[] votes = new float[8*k], comb = new float[8*k];
        for (int s0 = 0; s0 + 8 <= n; s0 += 8) {
            Arrays.fill(comb, 0f);
            int b0 = s0*F, b1=b0+F, b2=b1+F, b3=b2+F, b4=b3+F, b5=b4+F, b6=b5+F, b7=b6+F;
            for (int f = 0; f < p.divisor.length; f++) {
                Arrays.fill(votes, 0f);
                for (int t = p.forestStart[f]; t < p.forestStart[f+1]; t++) {
                    int r = sfRoot[t], ls = sfLeafStart[t];
                    int n0=r,n1=r,n2=r,n3=r,n4=r,n5=r,n6=r,n7=r;
                    while (((n0-ls)|(n1-ls)|(n2-ls)|(n3-ls)|(n4-ls)|(n5-ls)|(n6-ls)|(n7-ls)) < 0) {
                        n0 = st(x, b0, n0); n1 = st(x, b1, n1); n2 = st(x, b2, n2); n3 = st(x, b3, n3);
                        n4 = st(x, b4, n4); n5 = st(x, b5, n5); n6 = st(x, b6, n6); n7 = st(x, b7, n7);
                    }
                    acc(votes, 0, n0, k, leaf); acc(votes, 1, n1, k, leaf); acc(votes, 2, n2, k, leaf); acc(votes, 3, n3, k, leaf);
                    acc(votes, 4, n4, k, leaf); acc(votes, 5, n5, k, leaf); acc(votes, 6, n6, k, leaf); acc(votes, 7, n7, k, leaf);
                }
                finish(votes, comb, f, 8*k);
            }
            for (int j = 0; j < 8*k; j++) out[s0*k + j] = comb[j] / p.totalTrees;
        }
    }

    static void compact(float[] x, int n, float[] out, int B) {
        int k = p.classCount, F = p.featureCount;
        int[] node = new int[B], act = new int[B], base = new int[B];
        float[] votes = new float[B*k], comb = new float[B*k];
        for (int s0 = 0; s0 < n; s0 += B) {
            int b = Math.min(B, n - s0);
            for (int i = 0; i < b; i++) base[i] = (s0 + i) * F;
            Arrays.fill(comb, 0f);
            for (int f = 0; f < p.divisor.length; f++) {
                Arrays.fill(votes, 0f);
                for (int t = p.forestStart[f]; t < p.forestStart[f+1]; t++) {
                    int r = cRoot[t];
                    int cnt;
                    if (r < 0) { Arrays.fill(node, 0, b, r); cnt = 0; }
                    else {
                        cnt = 0;
                        for (int i = 0; i < b; i++) {
                            int m = cChild[2*r + (x[base[i] + cFeat[r]] < cThr[r] ? 0 : 1)];
                            node[i] = m; act[cnt] = i; cnt += (m >>> 31) ^ 1;
                        }
                    }
                    while (cnt > 0) {
                        int nc = 0;
                        for (int j = 0; j < cnt; j++) {
                            int i = act[j]; int m = node[i];
                            m = cChild[2*m + (x[base[i] + cFeat[m]] < cThr[m] ? 0 : 1)];
                            node[i] = m; act[nc] = i; nc += (m >>> 31) ^ 1;
                        }
                        cnt = nc;
                    }
                    if (k == 3) {
                        for (int i = 0; i < b; i++) { int m = ~node[i] * 3; votes[3*i] += cLeaf[m]; votes[3*i+1] += cLeaf[m+1]; votes[3*i+2] += cLeaf[m+2]; }
                    } else for (int i = 0; i < b; i++) acc(votes, i, ~node[i], k, cLeaf);
                }
                finish(votes, comb, f, b*k);
            }
            for (int j = 0; j < b*k; j++) out[s0*k + j] = comb[j] / p.totalTrees;
        }
    }
}
