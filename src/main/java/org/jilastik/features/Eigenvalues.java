package org.jilastik.features;

/**
 * Eigenvalues of symmetric 2×2 and 3×3 matrices, sorted descending (spec §2.5).
 *
 * <p>2×2: fastfilters' float32 formula (bit-identical to ilastik). 3×3 here: an accurate solver (trigonometric
 * closed form in double, cast to float32); the features no longer use it but reproduce ilastik's own imprecise
 * float32 solver bit for bit with {@link FastfiltersEigen3}. Stateless and thread safe.
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
     * {@code acos} and {@code cos}, {@code cos φ} and {@code sin φ / sqrt(1 - s²)} are taken from polynomials in
     * {@code s = sqrt((1+r)/2)}, in which both are analytic on [0, 1] (error below 2e-12), and the other two roots
     * follow from {@code cos(φ ± 2π/3) = -cos φ/2 ± (√3/2)·sin φ}. A multiple of the identity (p = 0) gives q three times.
     * Pixels are processed in batches, loop by loop, so that the JIT vectorises every step.
     */
    public static void symmetric3(float[] a00, float[] a01, float[] a02, float[] a11, float[] a12, float[] a22,
                                  int n, float[] l0, float[] l1, float[] l2) {
        int from = EigenvalueLanes.vector() ? VectorEigenvalues.symmetric3(a00, a01, a02, a11, a12, a22, n, l0, l1, l2) : 0;
        scalarSymmetric3(a00, a01, a02, a11, a12, a22, from, n, l0, l1, l2);
    }

    /** The scalar version of {@link #symmetric3} for pixels {@code from..n-1}; {@link VectorEigenvalues} matches it. */
    static void scalarSymmetric3(float[] a00, float[] a01, float[] a02, float[] a11, float[] a12, float[] a22,
                                 int from, int n, float[] l0, float[] l1, float[] l2) {
        for (int i = from; i < n; i++) {
            double x00 = a00[i];
            double x01 = a01[i];
            double x02 = a02[i];
            double x11 = a11[i];
            double x12 = a12[i];
            double x22 = a22[i];
            double q = (x00 + x11 + x22) * (1.0 / 3.0);
            double d00 = x00 - q;
            double d11 = x11 - q;
            double d22 = x22 - q;
            double p2 = d00 * d00 + d11 * d11 + d22 * d22 + (x01 * x01 + x02 * x02 + x12 * x12) * 2.0;
            double p = Math.sqrt(p2 * (1.0 / 6.0));
            double det = d00 * (d11 * d22 - x12 * x12) - x01 * (x01 * d22 - x12 * x02)
                    + x02 * (x01 * x12 - d11 * x02);
            // p = 0 (multiple of the identity): det = 0 too and r = 0; any r works there since the result is
            // q + 0·(...). The tiny addend (not a branch) keeps the vector version branch-free.
            double r = det / (p * 2.0 * p * p + Double.MIN_NORMAL);
            double s = Math.sqrt(Math.max(Math.min((r + 1.0) * 0.5, 1.0), 0.0));
            double t = s * 2.0 - 1.0;
            double c = estrin(A, t);
            // sin φ = g(s)·sin θ with sin θ = sqrt(1 - s²) = sqrt((1 - r)/2): accurate also where φ → 0
            double sin = estrin(B, t) * Math.sqrt(Math.max(Math.min((1.0 - r) * 0.5, 1.0), 0.0));
            double e0 = p * 2.0 * c + q;
            double e1 = p * (-c + sin * SQRT3) + q;
            double e2 = p * (-c - sin * SQRT3) + q;
            // e0 ≥ e1 ≥ e2 mathematically; only rounding can swap e0 and e1 when they are nearly equal
            l0[i] = (float) Math.max(e0, e1);
            l1[i] = (float) Math.min(e0, e1);
            l2[i] = (float) e2;
        }
    }

    static final double SQRT3 = Math.sqrt(3.0);
    /** Degree of the polynomials: truncation error below 2e-12. */
    static final int DEGREE = 12;
    /**
     * Monomial coefficients in {@code t = 2s - 1} of {@code cos φ = cos(2θ/3)}, {@code θ = acos(s)}, for s in
     * [0, 1] (the cosine of a third of {@code acos r} when {@code r = 2s² - 1}).
     */
    static final double[] A = monomialFit(s -> Math.cos(2.0 * Math.acos(s) / 3.0));
    /** The same for {@code g(s) = sin(2θ/3) / sin θ} (limit 2/3 at s = 1). */
    static final double[] B = monomialFit(s -> {
        double th = Math.acos(s);
        return th < 1e-12 ? 2.0 / 3.0 : Math.sin(2.0 * th / 3.0) / Math.sin(th);
    });

    /**
     * The degree-12 polynomial {@code a} at t by Estrin's scheme (short dependency chains; the vector version uses
     * the same operations).
     */
    static double estrin(double[] a, double t) {
        double t2 = t * t;
        double t4 = t2 * t2;
        double t8 = t4 * t4;
        double q0 = (a[1] * t + a[0]) + (a[3] * t + a[2]) * t2;
        double q1 = (a[5] * t + a[4]) + (a[7] * t + a[6]) * t2;
        double q2 = (a[9] * t + a[8]) + (a[11] * t + a[10]) * t2;
        double r0 = q1 * t4 + q0;
        double r1 = a[12] * t4 + q2;
        return r1 * t8 + r0;
    }

    /**
     * Chebyshev interpolation of {@code f} on s in [0, 1] at 64 nodes (both functions used are analytic there;
     * coefficients fall about 7× per degree), truncated at {@link #DEGREE} and converted to monomials in
     * {@code t = 2s - 1}.
     */
    private static double[] monomialFit(java.util.function.DoubleUnaryOperator fn) {
        int n = 64;
        double[] f = new double[n];
        for (int j = 0; j < n; j++) {
            double t = Math.cos(Math.PI * (j + 0.5) / n);
            f[j] = fn.applyAsDouble(0.5 * (t + 1.0));
        }
        double[] mono = new double[DEGREE + 1];
        double[] tPrev = new double[DEGREE + 1];
        double[] tCur = new double[DEGREE + 1];
        tPrev[0] = 1; // T0
        tCur[1] = 1; // T1
        for (int k = 0; k <= DEGREE; k++) {
            double sum = 0;
            for (int j = 0; j < n; j++) {
                sum += f[j] * Math.cos(Math.PI * k * (j + 0.5) / n);
            }
            double ck = (k == 0 ? 1.0 : 2.0) * sum / n;
            double[] tk = k == 0 ? tPrev : tCur;
            for (int d = 0; d <= DEGREE; d++) {
                mono[d] += ck * tk[d];
            }
            if (k >= 1) {
                double[] next = new double[DEGREE + 1];
                for (int d = 0; d < DEGREE; d++) {
                    next[d + 1] += 2 * tCur[d];
                }
                for (int d = 0; d <= DEGREE; d++) {
                    next[d] -= tPrev[d];
                }
                tPrev = tCur;
                tCur = next;
            }
        }
        return mono;
    }
}
