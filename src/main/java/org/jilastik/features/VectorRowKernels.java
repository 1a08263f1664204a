package org.jilastik.features;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API version of {@link RowKernels#scalarRow}: the same float32 operations per output, in the same order
 * (multiply then add, never fused), several outputs per instruction. Only loaded when the
 * {@code jdk.incubator.vector} module is present. Stateless and thread safe.
 */
final class VectorRowKernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private VectorRowKernels() {
    }

    static void row(float[] s, int[] off, float[] h, boolean antisymmetric, float[] d, int dOff, int len) {
        int vl = S.length();
        if (len < vl) {
            RowKernels.scalarRow(s, off, h, antisymmetric, d, dOff, len, 0);
            return;
        }
        int upper = S.loopBound(len);
        vectors(s, off, h, antisymmetric, d, dOff, 0, upper);
        if (upper < len) {
            // the tail as one more vector ending at len: it recomputes some outputs with the same operations,
            // giving the same values (d is never one of the source rows)
            vectors(s, off, h, antisymmetric, d, dOff, len - vl, len);
        }
    }

    private static void vectors(float[] s, int[] off, float[] h, boolean antisymmetric, float[] d, int dOff,
                                int from, int to) {
        int r = h.length - 1;
        int i = from;
        if (antisymmetric) {
            for (; i < to; i += S.length()) {
                FloatVector v = FloatVector.fromArray(S, s, off[r + 1] + i)
                        .sub(FloatVector.fromArray(S, s, off[r - 1] + i)).mul(h[1]);
                for (int t = 2; t <= r; t++) {
                    v = v.add(FloatVector.fromArray(S, s, off[r + t] + i)
                            .sub(FloatVector.fromArray(S, s, off[r - t] + i)).mul(h[t]));
                }
                v.intoArray(d, dOff + i);
            }
        } else {
            for (; i < to; i += S.length()) {
                FloatVector v = FloatVector.fromArray(S, s, off[r] + i).mul(h[0]);
                for (int t = 1; t <= r; t++) {
                    v = v.add(FloatVector.fromArray(S, s, off[r + t] + i)
                            .add(FloatVector.fromArray(S, s, off[r - t] + i)).mul(h[t]));
                }
                v.intoArray(d, dOff + i);
            }
        }
    }
}
