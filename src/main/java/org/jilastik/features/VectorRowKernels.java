package org.jilastik.features;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API version of {@link RowKernels#scalarRow}: the same float32 operations per output, in the same order
 * (multiply then add, or one fused multiply-add per tap), several outputs per instruction. Only loaded when the
 * {@code jdk.incubator.vector} module is present. Stateless and thread safe.
 */
final class VectorRowKernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private VectorRowKernels() {
    }

    static void row(float[] s, int[] off, float[] h, boolean antisymmetric, float[] d, int dOff, int from, int to,
                    boolean fused) {
        int vl = S.length();
        int len = to - from;
        if (len < vl) {
            RowKernels.scalarRow(s, off, h, antisymmetric, d, dOff, from, to, fused);
            return;
        }
        int upper = from + S.loopBound(len);
        vectors(s, off, h, antisymmetric, d, dOff, from, upper, fused);
        if (upper < to) {
            // the tail as one more vector ending at `to`: it recomputes some outputs with the same operations,
            // giving the same values (d is never one of the source rows)
            vectors(s, off, h, antisymmetric, d, dOff, to - vl, to, fused);
        }
    }

    private static void vectors(float[] s, int[] off, float[] h, boolean antisymmetric, float[] d, int dOff,
                                int from, int to, boolean fused) {
        int r = h.length - 1;
        int c = off[r];
        for (int i = from; i < to; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, s, c + i).mul(h[0]);
            for (int t = 1; t <= r; t++) {
                FloatVector a = FloatVector.fromArray(S, s, off[r + t] + i);
                FloatVector b = FloatVector.fromArray(S, s, off[r - t] + i);
                FloatVector p = antisymmetric ? a.sub(b) : a.add(b);
                v = fused ? p.fma(FloatVector.broadcast(S, h[t]), v) : v.add(p.mul(h[t]));
            }
            v.intoArray(d, dOff + i);
        }
    }
}
