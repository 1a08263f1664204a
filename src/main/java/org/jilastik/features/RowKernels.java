package org.jilastik.features;

/**
 * The innermost loop of every convolution pass: {@code len} outputs of one row from 2R+1 input rows.
 *
 * <p>Output i is {@code k0·s[off[R]+i] + Σ_{t=1..R} k[t]·(s[off[R+t]+i] + s[off[R-t]+i])} (symmetric kernels) or
 * {@code Σ_{t=1..R} k[t]·(s[off[R+t]+i] - s[off[R-t]+i])} (antisymmetric), evaluated in float32 in exactly that
 * order. Two implementations give bit-identical results: the Vector API one (used when the JVM runs with
 * {@code --add-modules jdk.incubator.vector}; C2 does not auto-vectorise this loop) and a scalar one.
 * Stateless and thread safe.
 */
final class RowKernels {
    /** Whether the Vector API implementation is in use. */
    static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !Boolean.getBoolean("jilastik.scalarKernels");

    private RowKernels() {
    }

    static void row(float[] s, int[] off, Kernel1D k, float[] d, int dOff, int len) {
        if (VECTOR) {
            VectorRowKernels.row(s, off, k.half(), k.antisymmetric(), d, dOff, len);
        } else {
            scalarRow(s, off, k.half(), k.antisymmetric(), d, dOff, len, 0);
        }
    }

    /** The scalar loop from output {@code from} on (the vector kernel uses it for its tail). */
    static void scalarRow(float[] s, int[] off, float[] h, boolean antisymmetric, float[] d, int dOff, int len,
                          int from) {
        int r = h.length - 1;
        if (antisymmetric) {
            for (int i = from; i < len; i++) {
                float v = h[1] * (s[off[r + 1] + i] - s[off[r - 1] + i]);
                for (int t = 2; t <= r; t++) {
                    v += h[t] * (s[off[r + t] + i] - s[off[r - t] + i]);
                }
                d[dOff + i] = v;
            }
        } else {
            for (int i = from; i < len; i++) {
                float v = h[0] * s[off[r] + i];
                for (int t = 1; t <= r; t++) {
                    v += h[t] * (s[off[r + t] + i] + s[off[r - t] + i]);
                }
                d[dOff + i] = v;
            }
        }
    }
}
