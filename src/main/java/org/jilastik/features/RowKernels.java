package org.jilastik.features;

/**
 * The innermost loop of every convolution pass: outputs {@code from..to-1} of one row from 2R+1 input rows.
 *
 * <p>Output i starts as {@code acc = k0·s[off[R]+i]} (also for antisymmetric kernels, whose k0 is +0) and then adds,
 * for t = 1..R in that order, {@code k[t]·(s[off[R+t]+i] ± s[off[R-t]+i])} (+ for symmetric, − for antisymmetric
 * kernels), in float32. Two roundings per tap ({@code fused = false}: multiply, then add) or one
 * ({@code fused = true}: {@link Math#fma}, as fastfilters' AVX2/FMA code does with {@code _mm256_fmadd_ps}); which
 * one an output uses is the caller's choice (see {@link Convolution}). Two implementations give bit-identical
 * results: the Vector API one (used when the JVM runs with {@code --add-modules jdk.incubator.vector}; C2 does not
 * auto-vectorise this loop) and a scalar one. Stateless and thread safe.
 */
final class RowKernels {
    /** Whether the Vector API implementation is in use. */
    static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !Boolean.getBoolean("jilastik.scalarKernels");


    private RowKernels() {
    }

    static void row(float[] s, int[] off, Kernel1D k, float[] d, int dOff, int from, int to, boolean fused) {
        if (VECTOR) {
            VectorRowKernels.row(s, off, k.half(), k.antisymmetric(), d, dOff, from, to, fused);
        } else {
            scalarRow(s, off, k.half(), k.antisymmetric(), d, dOff, from, to, fused);
        }
    }

    /** The scalar loop over outputs {@code from..to-1} (the vector kernel uses it for short rows). */
    static void scalarRow(float[] s, int[] off, float[] h, boolean antisymmetric, float[] d, int dOff, int from,
                          int to, boolean fused) {
        int r = h.length - 1;
        int c = off[r];
        float k0 = h[0];
        if (fused) {
            if (antisymmetric) {
                for (int i = from; i < to; i++) {
                    float v = k0 * s[c + i];
                    for (int t = 1; t <= r; t++) {
                        v = Math.fma(s[off[r + t] + i] - s[off[r - t] + i], h[t], v);
                    }
                    d[dOff + i] = v;
                }
            } else {
                for (int i = from; i < to; i++) {
                    float v = k0 * s[c + i];
                    for (int t = 1; t <= r; t++) {
                        v = Math.fma(s[off[r + t] + i] + s[off[r - t] + i], h[t], v);
                    }
                    d[dOff + i] = v;
                }
            }
        } else {
            if (antisymmetric) {
                for (int i = from; i < to; i++) {
                    float v = k0 * s[c + i];
                    for (int t = 1; t <= r; t++) {
                        v += h[t] * (s[off[r + t] + i] - s[off[r - t] + i]);
                    }
                    d[dOff + i] = v;
                }
            } else {
                for (int i = from; i < to; i++) {
                    float v = k0 * s[c + i];
                    for (int t = 1; t <= r; t++) {
                        v += h[t] * (s[off[r + t] + i] + s[off[r - t] + i]);
                    }
                    d[dOff + i] = v;
                }
            }
        }
    }
}
