package org.jilastik.features;

/**
 * Eigenvalues of symmetric 2×2 and 3×3 matrices, sorted descending (spec §2.5).
 *
 * <p>2×2: fastfilters' float32 formula. 3×3: ilastik's float32 solver is itself imprecise, so the spec prescribes
 * an accurate solver instead: the trigonometric closed form evaluated in double, cast to float32. Stateless and
 * thread safe.
 */
public final class Eigenvalues {
    private Eigenvalues() {
    }

    /**
     * Per pixel i < n, the eigenvalues of [[xx, xy], [xy, yy]] in float32:
     * {@code λ = (xx+yy)/2 ± sqrt(((xx-yy)/2)² + xy²)}, larger one to {@code l0[i]}, smaller to {@code l1[i]}.
     */
    public static void symmetric2(float[] xx, float[] xy, float[] yy, int n, float[] l0, float[] l1) {
        for (int i = 0; i < n; i++) {
            float a = xx[i];
            float b = yy[i];
            float c = xy[i];
            float m = (a + b) * 0.5f;
            float h = (a - b) * 0.5f;
            float d = (float) Math.sqrt(h * h + c * c);
            l0[i] = m + d;
            l1[i] = m - d;
        }
    }

    /**
     * Eigenvalues of the symmetric matrix [[a00,a01,a02],[a01,a11,a12],[a02,a12,a22]] in double precision,
     * written descending as float32 to {@code out[o], out[o+1], out[o+2]}. See
     * {@link #symmetric3(float[], float[], float[], float[], float[], float[], int, float[], float[], float[])}.
     */
    public static void symmetric3(double a00, double a01, double a02, double a11, double a12, double a22,
                                  float[] out, int o) {
        float[][] res = {new float[1], new float[1], new float[1]};
        symmetric3(new float[] {(float) a00}, new float[] {(float) a01}, new float[] {(float) a02},
                new float[] {(float) a11}, new float[] {(float) a12}, new float[] {(float) a22}, 1,
                res[0], res[1], res[2]);
        out[o] = res[0][0];
        out[o + 1] = res[1][0];
        out[o + 2] = res[2][0];
    }

    /**
     * Per pixel i < n, the eigenvalues of the symmetric matrix
     * [[a00,a01,a02],[a01,a11,a12],[a02,a12,a22]] (float32 entries) in double precision, written descending as
     * float32 to {@code l0[i] ≥ l1[i] ≥ l2[i]}.
     *
     * <p>Trigonometric closed form: with {@code q = trace/3}, {@code p = sqrt(tr((A-qI)²)/6)} and
     * {@code r = det((A-qI)/p)/2 = cos 3φ}, the eigenvalues are {@code q + 2p·cos(φ + 2πk/3)}. Instead of
     * {@code acos} and {@code cos}, {@code cos φ} is taken from a Chebyshev series in {@code s = sqrt((1+r)/2)}, in
     * which it is analytic on [0, 1] (error below 1e-12), and the other two roots follow from
     * {@code cos(φ ± 2π/3) = -cos φ/2 ± (√3/2)·sin φ}. A multiple of the identity (p = 0) gives q three times.
     * Pixels are processed in batches, loop by loop, so that the JIT vectorises every step.
     */
    public static void symmetric3(float[] a00, float[] a01, float[] a02, float[] a11, float[] a12, float[] a22,
                                  int n, float[] l0, float[] l1, float[] l2) {
        int batch = Math.min(n, 256);
        double[] q = new double[batch];
        double[] p = new double[batch];
        double[] t = new double[batch];
        double[] b1 = new double[batch];
        double[] b2 = new double[batch];
        for (int base = 0; base < n; base += batch) {
            int m = Math.min(batch, n - base);
            for (int i = 0; i < m; i++) {
                double x00 = a00[base + i];
                double x01 = a01[base + i];
                double x02 = a02[base + i];
                double x11 = a11[base + i];
                double x12 = a12[base + i];
                double x22 = a22[base + i];
                double qq = (x00 + x11 + x22) * (1.0 / 3.0);
                double d00 = x00 - qq;
                double d11 = x11 - qq;
                double d22 = x22 - qq;
                double p2 = d00 * d00 + d11 * d11 + d22 * d22 + 2.0 * (x01 * x01 + x02 * x02 + x12 * x12);
                double pp = Math.sqrt(p2 * (1.0 / 6.0));
                double det = d00 * (d11 * d22 - x12 * x12) - x01 * (x01 * d22 - x12 * x02)
                        + x02 * (x01 * x12 - d11 * x02);
                // p = 0 (multiple of the identity): det = 0 too and r = 0; any r works there since the
                // result is q + 0·(...). The tiny addend (not a branch) keeps the loop vectorisable.
                double r = det / (2.0 * pp * pp * pp + Double.MIN_NORMAL);
                double ss = Math.sqrt(Math.max(0.0, Math.min(1.0, 0.5 * (1.0 + r))));
                q[i] = qq;
                p[i] = pp;
                t[i] = 2.0 * ss - 1.0;
                b1[i] = 0;
                b2[i] = 0;
            }
            // Clenshaw recurrence for cos φ = Σ c_k T_k(t), vectorised over the batch
            for (int k = CHEB_DEGREE; k >= 1; k--) {
                double ck = CHEB[k];
                for (int i = 0; i < m; i++) {
                    double b0 = ck + 2.0 * t[i] * b1[i] - b2[i];
                    b2[i] = b1[i];
                    b1[i] = b0;
                }
            }
            for (int i = 0; i < m; i++) {
                double c = CHEB[0] + t[i] * b1[i] - b2[i];
                double sin = Math.sqrt(Math.max(0.0, 1.0 - c * c));
                double e0 = q[i] + 2.0 * p[i] * c;
                double e1 = q[i] + p[i] * (-c + SQRT3 * sin);
                double e2 = q[i] + p[i] * (-c - SQRT3 * sin);
                // e0 ≥ e1 ≥ e2 mathematically; only rounding can swap e0 and e1 when they are nearly equal
                l0[base + i] = (float) Math.max(e0, e1);
                l1[base + i] = (float) Math.min(e0, e1);
                l2[base + i] = (float) e2;
            }
        }
    }

    private static final double SQRT3 = Math.sqrt(3.0);
    private static final int CHEB_DEGREE = 18;
    private static final double[] CHEB = chebyshevCoefficients();

    /** {@code cos(2·acos(s)/3)} for s in [0, 1], from its Chebyshev series (Clenshaw recurrence). */
    static double cosThird(double s) {
        double t = 2.0 * s - 1.0;
        double t2 = 2.0 * t;
        double b1 = 0;
        double b2 = 0;
        for (int k = CHEB_DEGREE; k >= 1; k--) {
            double b0 = CHEB[k] + t2 * b1 - b2;
            b2 = b1;
            b1 = b0;
        }
        return CHEB[0] + t * b1 - b2;
    }

    /** Chebyshev coefficients of {@code cos(2·acos(s)/3)} on s in [0, 1], from 64 Chebyshev nodes. */
    private static double[] chebyshevCoefficients() {
        int n = 64;
        double[] f = new double[n];
        for (int j = 0; j < n; j++) {
            double t = Math.cos(Math.PI * (j + 0.5) / n);
            double s = 0.5 * (t + 1.0);
            f[j] = Math.cos(2.0 * Math.acos(s) / 3.0);
        }
        double[] c = new double[CHEB_DEGREE + 1];
        for (int k = 0; k <= CHEB_DEGREE; k++) {
            double sum = 0;
            for (int j = 0; j < n; j++) {
                sum += f[j] * Math.cos(Math.PI * k * (j + 0.5) / n);
            }
            c[k] = (k == 0 ? 1.0 : 2.0) * sum / n;
        }
        return c;
    }
}
