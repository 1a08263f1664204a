package org.jilastik.features;

/**
 * Eigenvalues of symmetric 2×2 and 3×3 matrices, sorted descending (spec §2.5).
 *
 * <p>2×2: fastfilters' float32 formula. 3×3: ilastik's float32 solver is itself imprecise, so the spec prescribes
 * an accurate solver instead: the trigonometric closed form evaluated in double, cast to float32. Stateless and
 * thread safe.
 */
public final class Eigenvalues {
    private static final double TWO_PI_3 = 2.0 * Math.PI / 3.0;

    private Eigenvalues() {
    }

    /**
     * Eigenvalues of [[xx, xy], [xy, yy]] per pixel, in float32: {@code m ± sqrt(((xx-yy)/2)² + xy²)}.
     *
     * @param out receives {@code λ0} at {@code out[outOff + i*outStride]} and {@code λ1} one element later
     */
    public static void symmetric2(float[] xx, float[] xy, float[] yy, int n, float[] out, int outOff,
                                  int outStride) {
        for (int i = 0; i < n; i++) {
            float a = xx[i];
            float b = yy[i];
            float c = xy[i];
            float m = (a + b) * 0.5f;
            float h = (a - b) * 0.5f;
            float d = (float) Math.sqrt(h * h + c * c);
            int o = outOff + i * outStride;
            out[o] = m + d;
            out[o + 1] = m - d;
        }
    }

    /**
     * Eigenvalues of the symmetric matrix [[a00,a01,a02],[a01,a11,a12],[a02,a12,a22]] in double precision,
     * written descending as float32 to {@code out[o], out[o+1], out[o+2]}.
     */
    public static void symmetric3(double a00, double a01, double a02, double a11, double a12, double a22,
                                  float[] out, int o) {
        double p1 = a01 * a01 + a02 * a02 + a12 * a12;
        double q = (a00 + a11 + a22) / 3.0;
        double b00 = a00 - q;
        double b11 = a11 - q;
        double b22 = a22 - q;
        double p2 = b00 * b00 + b11 * b11 + b22 * b22 + 2.0 * p1;
        if (p2 == 0.0) {
            // a multiple of the identity (all-zero included)
            float v = (float) q;
            out[o] = v;
            out[o + 1] = v;
            out[o + 2] = v;
            return;
        }
        double p = Math.sqrt(p2 / 6.0);
        // det(B) / 2 with B = (A - qI) / p
        double det = b00 * (b11 * b22 - a12 * a12) - a01 * (a01 * b22 - a12 * a02) + a02 * (a01 * a12 - b11 * a02);
        double r = det / (2.0 * p * p * p);
        double phi;
        if (r <= -1.0) {
            phi = Math.PI / 3.0;
        } else if (r >= 1.0) {
            phi = 0.0;
        } else {
            phi = Math.acos(r) / 3.0;
        }
        double l0 = q + 2.0 * p * Math.cos(phi);
        double l2 = q + 2.0 * p * Math.cos(phi + TWO_PI_3);
        double l1 = 3.0 * q - l0 - l2;
        // l0 ≥ l1 ≥ l2 holds mathematically; rounding can swap near-equal values
        if (l1 > l0) {
            double t = l0;
            l0 = l1;
            l1 = t;
        }
        if (l2 > l1) {
            double t = l1;
            l1 = l2;
            l2 = t;
            if (l1 > l0) {
                t = l0;
                l0 = l1;
                l1 = t;
            }
        }
        out[o] = (float) l0;
        out[o + 1] = (float) l1;
        out[o + 2] = (float) l2;
    }
}
