package org.jilastik.features;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API version of {@link Eigenvalues#scalarSymmetric3}: the same double operations per pixel in the same
 * order (operands of commutative operations may be swapped, which changes no IEEE result), several pixels per
 * instruction, so results are bit-identical. Only loaded when the {@code jdk.incubator.vector} module is present.
 * Stateless and thread safe.
 */
final class VectorEigenvalues {
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;

    private VectorEigenvalues() {
    }

    /** Computes pixels {@code 0..k-1} for the largest whole number k of vectors ≤ n and returns k. */
    static int symmetric3(float[] a00, float[] a01, float[] a02, float[] a11, float[] a12, float[] a22, int n,
                          float[] l0, float[] l1, float[] l2) {
        int upper = D.loopBound(n);
        // Widening and narrowing run as plain loops (the JIT vectorises them); the vector part works on double[]
        // only, which keeps every Vector API call intrinsified.
        int batch = Math.min(upper, 512);
        double[][] x = new double[6][batch];
        double[][] e = new double[3][batch];
        float[][] in = {a00, a01, a02, a11, a12, a22};
        float[][] out = {l0, l1, l2};
        for (int base = 0; base < upper; base += batch) {
            int m = Math.min(batch, upper - base);
            for (int k = 0; k < 6; k++) {
                float[] src = in[k];
                double[] dst = x[k];
                for (int i = 0; i < m; i++) {
                    dst[i] = src[base + i];
                }
            }
            solve(x, e, m);
            for (int k = 0; k < 3; k++) {
                float[] dst = out[k];
                double[] src = e[k];
                for (int i = 0; i < m; i++) {
                    dst[base + i] = (float) src[i];
                }
            }
        }
        return upper;
    }

    /** Two loops instead of one keep each method small enough for C2 to inline every Vector API call. */
    private static void solve(double[][] x, double[][] e, int m) {
        prepare(x, m);
        finish(x, e, m);
    }

    /** Overwrites x[0..3] with q, p, t = 2s - 1 and sin θ per pixel. */
    private static void prepare(double[][] x, int m) {
        for (int i = 0; i < m; i += D.length()) {
            DoubleVector x00 = DoubleVector.fromArray(D, x[0], i);
            DoubleVector x01 = DoubleVector.fromArray(D, x[1], i);
            DoubleVector x02 = DoubleVector.fromArray(D, x[2], i);
            DoubleVector x11 = DoubleVector.fromArray(D, x[3], i);
            DoubleVector x12 = DoubleVector.fromArray(D, x[4], i);
            DoubleVector x22 = DoubleVector.fromArray(D, x[5], i);
            DoubleVector q = x00.add(x11).add(x22).mul(1.0 / 3.0);
            DoubleVector d00 = x00.sub(q);
            DoubleVector d11 = x11.sub(q);
            DoubleVector d22 = x22.sub(q);
            DoubleVector off = x01.mul(x01).add(x02.mul(x02)).add(x12.mul(x12));
            DoubleVector p2 = d00.mul(d00).add(d11.mul(d11)).add(d22.mul(d22)).add(off.mul(2.0));
            DoubleVector p = p2.mul(1.0 / 6.0).sqrt();
            DoubleVector det = d00.mul(d11.mul(d22).sub(x12.mul(x12)))
                    .sub(x01.mul(x01.mul(d22).sub(x12.mul(x02))))
                    .add(x02.mul(x01.mul(x12).sub(d11.mul(x02))));
            DoubleVector r = det.div(p.mul(2.0).mul(p).mul(p).add(Double.MIN_NORMAL));
            DoubleVector s = r.add(1.0).mul(0.5).min(1.0).max(0.0).sqrt();
            DoubleVector sinTheta = r.neg().add(1.0).mul(0.5).min(1.0).max(0.0).sqrt();
            q.intoArray(x[0], i);
            p.intoArray(x[1], i);
            s.mul(2.0).sub(1.0).intoArray(x[2], i);
            sinTheta.intoArray(x[3], i);
        }
    }

    /** From q, p, t, sin θ in x[0..3]: the eigenvalues, descending, into e[0..2]. */
    private static void finish(double[][] x, double[][] e, int m) {
        double[] a = Eigenvalues.A;
        double[] b = Eigenvalues.B;
        for (int i = 0; i < m; i += D.length()) {
            DoubleVector q = DoubleVector.fromArray(D, x[0], i);
            DoubleVector p = DoubleVector.fromArray(D, x[1], i);
            DoubleVector t = DoubleVector.fromArray(D, x[2], i);
            DoubleVector sinTheta = DoubleVector.fromArray(D, x[3], i);
            DoubleVector t2 = t.mul(t);
            DoubleVector t4 = t2.mul(t2);
            DoubleVector t8 = t4.mul(t4);
            // Estrin's scheme, as Eigenvalues.estrin, for cos φ (a) and sin φ / sin θ (b)
            DoubleVector ca = t.mul(a[1]).add(a[0]).add(t.mul(a[3]).add(a[2]).mul(t2));
            DoubleVector cb = t.mul(a[5]).add(a[4]).add(t.mul(a[7]).add(a[6]).mul(t2));
            DoubleVector cc = t.mul(a[9]).add(a[8]).add(t.mul(a[11]).add(a[10]).mul(t2));
            DoubleVector c = t4.mul(a[12]).add(cc).mul(t8).add(cb.mul(t4).add(ca));
            DoubleVector sa = t.mul(b[1]).add(b[0]).add(t.mul(b[3]).add(b[2]).mul(t2));
            DoubleVector sb = t.mul(b[5]).add(b[4]).add(t.mul(b[7]).add(b[6]).mul(t2));
            DoubleVector sc = t.mul(b[9]).add(b[8]).add(t.mul(b[11]).add(b[10]).mul(t2));
            DoubleVector g = t4.mul(b[12]).add(sc).mul(t8).add(sb.mul(t4).add(sa));
            DoubleVector sin3 = g.mul(sinTheta).mul(Eigenvalues.SQRT3);
            DoubleVector negC = c.neg();
            DoubleVector e0 = p.mul(2.0).mul(c).add(q);
            DoubleVector e1 = p.mul(negC.add(sin3)).add(q);
            DoubleVector e2 = p.mul(negC.sub(sin3)).add(q);
            e0.max(e1).intoArray(e[0], i);
            e0.min(e1).intoArray(e[1], i);
            e2.intoArray(e[2], i);
        }
    }
}
