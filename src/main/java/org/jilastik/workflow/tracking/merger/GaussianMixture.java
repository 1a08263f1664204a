package org.jilastik.workflow.tracking.merger;

/**
 * A full-covariance Gaussian mixture fitted by EM with scikit-learn's {@code GaussianMixture} semantics
 * (spec tracking §2.9): k-means initialisation seeded from numpy {@code RandomState(seed)}, {@code reg_covar} 1e-6
 * added to every covariance diagonal, at most 100 iterations, stop when the mean log-likelihood changes by less
 * than 1e-3; the fitted parameters are those after the last M-step.
 *
 * <p>Data layout: points row-major {@code n × d} in one {@code double[]}. Instances are immutable results.
 */
public final class GaussianMixture {
    private static final double REG_COVAR = 1e-6;
    private static final double TOL = 1e-3;
    private static final int MAX_ITER = 100;
    private static final double EPS10 = 10 * Math.ulp(1.0);

    private final int k;
    private final int d;
    private final double[] weights;
    private final double[] means;          // k × d
    private final double[] precisionChol;  // k × d × d, upper triangular (sklearn's precisions_cholesky_)

    private GaussianMixture(int k, int d, double[] weights, double[] means, double[] precisionChol) {
        this.k = k;
        this.d = d;
        this.weights = weights;
        this.means = means;
        this.precisionChol = precisionChol;
    }

    /**
     * Fits k components to the n points {@code x}.
     *
     * @param seed numpy RandomState seed of the k-means initialisation (ilastik uses 42)
     */
    public static GaussianMixture fit(double[] x, int n, int d, int k, long seed) {
        int[] labels = KMeansInit.labels(x, n, d, k, new NumpyRandomState(seed));
        double[] resp = new double[n * k];
        for (int i = 0; i < n; i++) {
            resp[i * k + labels[i]] = 1.0;
        }
        GaussianMixture g = mStep(x, n, d, k, resp);
        double lowerBound = Double.NEGATIVE_INFINITY;
        for (int iter = 0; iter < MAX_ITER; iter++) {
            double prev = lowerBound;
            lowerBound = g.eStep(x, n, resp);
            g = mStep(x, n, d, k, resp);
            if (Math.abs(lowerBound - prev) < TOL) {
                break;
            }
        }
        return g;
    }

    /** Mean of component j (a new array, length d). */
    public double[] mean(int j) {
        return java.util.Arrays.copyOfRange(means, j * d, j * d + d);
    }

    /** Number of components. */
    public int components() {
        return k;
    }

    /** The component with the highest weighted log-likelihood for each point (sklearn {@code predict}). */
    public int[] predict(double[] x, int n) {
        int[] out = new int[n];
        double[] row = new double[k];
        for (int i = 0; i < n; i++) {
            weightedLogProb(x, i, row);
            int best = 0;
            for (int j = 1; j < k; j++) {
                if (row[j] > row[best]) {
                    best = j;
                }
            }
            out[i] = best;
        }
        return out;
    }

    /** E-step: fills {@code resp} with responsibilities and returns the mean log-likelihood. */
    private double eStep(double[] x, int n, double[] resp) {
        double[] row = new double[k];
        double total = 0;
        for (int i = 0; i < n; i++) {
            weightedLogProb(x, i, row);
            double max = Double.NEGATIVE_INFINITY;
            for (double v : row) {
                max = Math.max(max, v);
            }
            double s = 0;
            for (double v : row) {
                s += Math.exp(v - max);
            }
            double norm = max + Math.log(s);
            total += norm;
            for (int j = 0; j < k; j++) {
                resp[i * k + j] = Math.exp(row[j] - norm);
            }
        }
        return total / n;
    }

    private void weightedLogProb(double[] x, int i, double[] out) {
        double[] y = new double[d];
        for (int j = 0; j < k; j++) {
            int p = j * d * d;
            double logDet = 0;
            for (int a = 0; a < d; a++) {
                logDet += Math.log(precisionChol[p + a * d + a]);
            }
            double sum = 0;
            for (int b = 0; b < d; b++) {
                double v = 0;
                for (int a = 0; a <= b; a++) {
                    v += (x[i * d + a] - means[j * d + a]) * precisionChol[p + a * d + b];
                }
                y[b] = v;
                sum += v * v;
            }
            out[j] = -0.5 * (d * Math.log(2 * Math.PI) + sum) + logDet + Math.log(weights[j]);
        }
    }

    /** M-step: weights, means, regularised covariances and their precision Cholesky factors from {@code resp}. */
    private static GaussianMixture mStep(double[] x, int n, int d, int k, double[] resp) {
        double[] nk = new double[k];
        double[] means = new double[k * d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                double r = resp[i * k + j];
                nk[j] += r;
                for (int a = 0; a < d; a++) {
                    means[j * d + a] += r * x[i * d + a];
                }
            }
        }
        double total = 0;
        for (int j = 0; j < k; j++) {
            nk[j] += EPS10;
            total += nk[j];
            for (int a = 0; a < d; a++) {
                means[j * d + a] /= nk[j];
            }
        }
        double[] weights = new double[k];
        double[] precisionChol = new double[k * d * d];
        for (int j = 0; j < k; j++) {
            weights[j] = nk[j] / total;
            double[] cov = new double[d * d];
            for (int i = 0; i < n; i++) {
                double r = resp[i * k + j];
                for (int a = 0; a < d; a++) {
                    double da = x[i * d + a] - means[j * d + a];
                    for (int b = 0; b < d; b++) {
                        cov[a * d + b] += r * da * (x[i * d + b] - means[j * d + b]);
                    }
                }
            }
            for (int a = 0; a < d * d; a++) {
                cov[a] /= nk[j];
            }
            for (int a = 0; a < d; a++) {
                cov[a * d + a] += REG_COVAR;
            }
            invertCholeskyTransposed(cov, d, precisionChol, j * d * d);
        }
        return new GaussianMixture(k, d, weights, means, precisionChol);
    }

    /** L = cholesky(cov) (lower); writes (L⁻¹)ᵀ (upper triangular) at {@code out[off..]}. */
    private static void invertCholeskyTransposed(double[] cov, int d, double[] out, int off) {
        double[] l = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double s = cov[i * d + j];
                for (int q = 0; q < j; q++) {
                    s -= l[i * d + q] * l[j * d + q];
                }
                l[i * d + j] = i == j ? Math.sqrt(s) : s / l[j * d + j];
            }
        }
        // Solve L · M = I column by column (forward substitution); M = L⁻¹ is lower triangular.
        double[] m = new double[d * d];
        for (int col = 0; col < d; col++) {
            for (int i = 0; i < d; i++) {
                double s = i == col ? 1.0 : 0.0;
                for (int q = 0; q < i; q++) {
                    s -= l[i * d + q] * m[q * d + col];
                }
                m[i * d + col] = s / l[i * d + i];
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                out[off + i * d + j] = m[j * d + i];
            }
        }
    }
}
