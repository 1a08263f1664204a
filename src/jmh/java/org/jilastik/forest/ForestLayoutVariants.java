package org.jilastik.forest;

import java.util.Arrays;

/**
 * Alternative traversal strategies over {@link ForestPredictor}'s flattened arrays, kept only to measure them
 * against the production kernel (ForestPredictionBenchmark). Each returns the same float32 probabilities
 * (class columns, K per pixel, no channel mapping) so the work compared is the same.
 */
final class ForestLayoutVariants {
    private ForestLayoutVariants() {
    }

    /** Pixel-outer, tree-inner; each tree walked with a loop that stops at the leaf (a branch per level). */
    static void pixelMajorLoop(ForestPredictor p, float[] x, int n, float[] out) {
        int k = p.classCount;
        int nf = p.featureCount;
        float[] votes = new float[k];
        for (int i = 0; i < n; i++) {
            int xi = i * nf;
            float[] combined = new float[k];
            for (int f = 0; f < p.divisor.length; f++) {
                Arrays.fill(votes, 0f);
                for (int t = p.forestStart[f]; t < p.forestStart[f + 1]; t++) {
                    int node = p.root[t];
                    while (p.child[2 * node] != node) {
                        node = p.child[2 * node + (x[xi + p.feature[node]] < p.threshold[node] ? 0 : 1)];
                    }
                    for (int l = 0; l < k; l++) {
                        votes[l] += p.leafValue[node * k + l];
                    }
                }
                for (int l = 0; l < k; l++) {
                    combined[l] += (votes[l] / p.divisor[f]) * p.forestTrees[f];
                }
            }
            for (int l = 0; l < k; l++) {
                out[i * k + l] = combined[l] / p.totalTrees;
            }
        }
    }

    /** Tree-outer over blocks of {@code block} pixels; each pixel walks with a stop-at-leaf loop (branchy). */
    static void blockLoop(ForestPredictor p, float[] x, int n, float[] out, int block) {
        blocked(p, x, n, out, block, (t, x0, b, node) -> {
            int nf = p.featureCount;
            for (int i = 0, xi = x0; i < b; i++, xi += nf) {
                int m = p.root[t];
                while (p.child[2 * m] != m) {
                    m = p.child[2 * m + (x[xi + p.feature[m]] < p.threshold[m] ? 0 : 1)];
                }
                node[i] = m;
            }
        });
    }

    /** Tree-outer over blocks; each pixel takes exactly depth[t] branch-free steps (pixel-outer, step-inner). */
    static void blockFixedDepthPixelOuter(ForestPredictor p, float[] x, int n, float[] out, int block) {
        blocked(p, x, n, out, block, (t, x0, b, node) -> {
            int nf = p.featureCount;
            int d = p.depth[t];
            for (int i = 0, xi = x0; i < b; i++, xi += nf) {
                int m = p.root[t];
                for (int s = 0; s < d; s++) {
                    m = p.child[2 * m + (x[xi + p.feature[m]] < p.threshold[m] ? 0 : 1)];
                }
                node[i] = m;
            }
        });
    }

    /** The production order (step-outer, pixel-inner, branch-free) with a chosen block size. */
    static void blockLevelSynchronous(ForestPredictor p, float[] x, int n, float[] out, int block) {
        blocked(p, x, n, out, block, (t, x0, b, node) -> {
            int nf = p.featureCount;
            Arrays.fill(node, 0, b, p.root[t]);
            for (int s = p.depth[t]; s > 0; s--) {
                for (int i = 0, xi = x0; i < b; i++, xi += nf) {
                    int m = node[i];
                    node[i] = p.child[2 * m + (x[xi + p.feature[m]] < p.threshold[m] ? 0 : 1)];
                }
            }
        });
    }

    /** Level-synchronous, but stops early once every pixel of the block sits on a leaf. */
    static void blockLevelSynchronousEarlyExit(ForestPredictor p, float[] x, int n, float[] out, int block) {
        blocked(p, x, n, out, block, (t, x0, b, node) -> {
            int nf = p.featureCount;
            Arrays.fill(node, 0, b, p.root[t]);
            for (int s = p.depth[t]; s > 0; s--) {
                boolean moved = false;
                for (int i = 0, xi = x0; i < b; i++, xi += nf) {
                    int m = node[i];
                    int next = p.child[2 * m + (x[xi + p.feature[m]] < p.threshold[m] ? 0 : 1)];
                    moved |= next != m;
                    node[i] = next;
                }
                if (!moved) {
                    break;
                }
            }
        });
    }

    interface TreeWalk {
        void walk(int tree, int x0, int b, int[] node);
    }

    private static void blocked(ForestPredictor p, float[] x, int n, float[] out, int block, TreeWalk walk) {
        int k = p.classCount;
        int[] node = new int[block];
        float[] votes = new float[block * k];
        float[] combined = new float[block * k];
        for (int start = 0; start < n; start += block) {
            int b = Math.min(block, n - start);
            int bk = b * k;
            Arrays.fill(combined, 0, bk, 0f);
            for (int f = 0; f < p.divisor.length; f++) {
                Arrays.fill(votes, 0, bk, 0f);
                for (int t = p.forestStart[f]; t < p.forestStart[f + 1]; t++) {
                    walk.walk(t, start * p.featureCount, b, node);
                    for (int i = 0; i < b; i++) {
                        int m = node[i] * k;
                        for (int l = 0; l < k; l++) {
                            votes[i * k + l] += p.leafValue[m + l];
                        }
                    }
                }
                for (int j = 0; j < bk; j++) {
                    combined[j] += (votes[j] / p.divisor[f]) * p.forestTrees[f];
                }
            }
            for (int j = 0; j < bk; j++) {
                out[start * k + j] = combined[j] / p.totalTrees;
            }
        }
    }
}
