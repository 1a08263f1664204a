package org.jilastik.features;

/**
 * A 1-D FIR Gaussian kernel (derivative order 0, 1 or 2) built exactly as fastfilters builds it for ilastik.
 *
 * <p>Only the half kernel {@code k[0..R]} is stored (float32, each construction step in double from the float
 * taps of the step before, rounded back to float, as fastfilters does; the taps are bit-identical to its ones). The
 * full kernel is symmetric ({@code k[-x] = k[x]}) for orders 0 and 2 and antisymmetric ({@code k[-x] = -k[x]},
 * {@code k[0] = +0}) for order 1. Radius {@code R = floor(w·σ + 0.5)} for window ratio {@code w}; a radius-0 kernel is the
 * identity {@code [1]} for every order and counts as symmetric (spec §2.3).
 *
 * <p>Normalisation: order 0 sums to 1 over all {@code 2R+1} taps; order 1 answers +1 to the ramp {@code f(i)=i};
 * order 2 has zero mean over its taps and answers exactly 2 to {@code f(i)=i²} (up to the float roundings).
 *
 * <p>Immutable and thread safe; {@link #half()} returns the live array, which callers must not modify.
 */
public final class Kernel1D {
    private final int order;
    private final double sigma;
    private final float[] half;
    private final boolean antisymmetric;

    private Kernel1D(int order, double sigma, float[] half, boolean antisymmetric) {
        this.order = order;
        this.sigma = sigma;
        this.half = half;
        this.antisymmetric = antisymmetric;
    }

    /** The kernel radius fastfilters uses for {@code sigma} (pixels) and window ratio {@code windowRatio}. */
    public static int radius(double sigma, double windowRatio) {
        if (sigma < 1e-6) {
            return 0;
        }
        return (int) Math.floor(windowRatio * sigma + 0.5);
    }

    /**
     * Builds a Gaussian (derivative) kernel.
     *
     * @param order       0 (smoothing), 1 (first derivative) or 2 (second derivative)
     * @param sigma       standard deviation in pixels
     * @param windowRatio radius = floor(windowRatio·sigma + 0.5); ilastik uses 2.0 for features, 3.5 for
     *                    pre-smoothing
     */
    public static Kernel1D gaussian(int order, double sigma, double windowRatio) {
        return gaussianWithRadius(order, sigma, radius(sigma, windowRatio));
    }

    /**
     * Builds a Gaussian (derivative) kernel of a given radius with the same taps as {@link #gaussian}; for callers
     * that reproduce fastfilters called without a window ratio (radius {@code ceil(3σ)}, e.g. elf's watershed).
     *
     * @param radius kernel radius R ≥ 0 (0 gives the identity)
     */
    public static Kernel1D gaussianWithRadius(int order, double sigma, int radius) {
        if (order < 0 || order > 2) {
            throw new IllegalArgumentException("derivative order must be 0, 1 or 2, got " + order);
        }
        int r = radius;
        if (r == 0) {
            return new Kernel1D(order, sigma, new float[] {1f}, false);
        }
        // fastfilters keeps the coefficients in a float array from the start: every intermediate step
        // (raw value, dc removal, normalisation) is computed in double from the float coefficients and rounded
        // back to float, so the final taps carry those roundings; reproduced step by step for bit-identical taps
        float[] f = new float[r + 1];
        double sigma2 = -0.5 / sigma / sigma;
        double norm = order == 0 ? 1.0 / (Math.sqrt(2.0 * Math.PI) * sigma)
                : -1.0 / (Math.sqrt(2.0 * Math.PI) * Math.pow(sigma, 3));
        for (int x = 0; x <= r; x++) {
            double x2 = (double) x * x;
            double g = norm * Math.exp(x2 * sigma2);
            f[x] = switch (order) {
                case 0 -> (float) g;
                case 1 -> (float) (x * g);
                default -> (float) ((1.0 - (x / sigma) * (x / sigma)) * g);
            };
        }
        if (order == 2) {
            double dc = f[0];
            for (int x = 1; x <= r; x++) {
                dc += 2.0 * f[x];
            }
            dc /= 2.0 * r + 1.0;
            for (int x = 0; x <= r; x++) {
                f[x] = (float) (f[x] - dc);
            }
        }
        double sum;
        if (order == 0) {
            sum = f[0];
            for (int x = 1; x <= r; x++) {
                sum += 2.0 * f[x];
            }
        } else {
            // moment Σ k[x]·((-x)^n + sign·x^n)/n! with sign +1 (order 2) or -1 (order 1), two additions per x
            sum = 0.0;
            double faculty = order == 2 ? 2.0 : 1.0;
            for (int x = 1; x <= r; x++) {
                double px = order == 2 ? (double) x * x : x;
                double mx = order == 2 ? px : -px;
                float signed = order == 2 ? f[x] : -f[x];
                sum += f[x] * mx / faculty;
                sum += signed * px / faculty;
            }
        }
        for (int x = 0; x <= r; x++) {
            f[x] = (float) (f[x] / sum);
        }
        if (order == 1) {
            for (int x = 0; x <= r; x++) {
                f[x] = -f[x];
            }
        }
        return new Kernel1D(order, sigma, f, order == 1);
    }

    /** Derivative order (0, 1, 2) this kernel was built for. */
    public int order() {
        return order;
    }

    /** Sigma in pixels this kernel was built for. */
    public double sigma() {
        return sigma;
    }

    /** Radius R; the kernel has 2R+1 taps. */
    public int radius() {
        return half.length - 1;
    }

    /** Half kernel {@code k[0..R]} (live array, do not modify). */
    public float[] half() {
        return half;
    }

    /** Whether {@code k[-x] = -k[x]} (first derivative with R ≥ 1). */
    public boolean antisymmetric() {
        return antisymmetric;
    }

    /** Whether this is the identity kernel {@code [1]} (radius 0). */
    public boolean isIdentity() {
        return half.length == 1;
    }
}
