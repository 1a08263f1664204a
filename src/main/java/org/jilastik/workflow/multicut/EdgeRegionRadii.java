package org.jilastik.workflow.multicut;

/**
 * ilastikrag's {@code edgeregion} radii of one edge, computed the way it does in float32 (spec multicut §2.5): the
 * faces' lower-pixel coordinates (float32), their mean per axis (float32 running sum in face order, divided by N),
 * the deviations, the covariance {@code DᵀD / N} in float32, and its eigenvalues from LAPACK's float32 symmetric
 * solver — for 2-D the 2×2 path of {@code ssteqr}: the off-diagonal is dropped when
 * {@code e² ≤ ε²·|d₁|·|d₂| + safmin}, else {@code slaev2}'s closed form. This reproduces ilastik's float32 "noise"
 * on collinear face sets (a rank-deficient covariance gives ~1e-4 instead of 0). 3-D uses a double eigensolver on
 * the float32 covariance (ilastik's float32 3×3 solver is not reproduced; differences stay below 1e-3).
 * Eigenvalues below 0 become 0; radii are their square roots, largest first. Stateless.
 */
final class EdgeRegionRadii {
    private static final float EPS = 0x1p-24f;
    private static final float SAFMIN = Float.MIN_NORMAL;

    private EdgeRegionRadii() {
    }

    /**
     * @param coords face coordinates, {@code coords[i·d + a]} (C-order axes), float32 integers
     * @param n      number of faces
     * @param d      2 or 3
     */
    static float[] radii(float[] coords, int n, int d) {
        float[] mean = new float[d];
        for (int a = 0; a < d; a++) {
            float s = 0;
            for (int i = 0; i < n; i++) {
                s += coords[i * d + a];
            }
            mean[a] = s / n;
        }
        float[][] cov = new float[d][d];
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                float s = 0;
                for (int i = 0; i < n; i++) {
                    s += (coords[i * d + a] - mean[a]) * (coords[i * d + b] - mean[b]);
                }
                cov[a][b] = s / n;
            }
        }
        float[] ev = d == 2 ? eigen2(cov[0][0], cov[1][0], cov[1][1]) : eigen3(cov);
        float[] r = new float[d];
        for (int a = 0; a < d; a++) {
            r[a] = (float) Math.sqrt(Math.max(0f, ev[a]));
        }
        return r;
    }

    // eigenvalues of [[a, b], [b, c]], descending, as LAPACK ssteqr/slaev2 give them in float32
    static float[] eigen2(float a, float b, float c) {
        if (b * b <= (EPS * EPS * Math.abs(a)) * Math.abs(c) + SAFMIN) {
            return a >= c ? new float[] {a, c} : new float[] {c, a};
        }
        float sm = a + c;
        float df = a - c;
        float adf = Math.abs(df);
        float tb = b + b;
        float ab = Math.abs(tb);
        float acmx = Math.abs(a) > Math.abs(c) ? a : c;
        float acmn = Math.abs(a) > Math.abs(c) ? c : a;
        float rt;
        if (adf > ab) {
            float q = ab / adf;
            rt = adf * (float) Math.sqrt(1f + q * q);
        } else if (adf < ab) {
            float q = adf / ab;
            rt = ab * (float) Math.sqrt(1f + q * q);
        } else {
            rt = ab * (float) Math.sqrt(2f);
        }
        float rt1;
        float rt2;
        if (sm < 0) {
            rt1 = 0.5f * (sm - rt);
            rt2 = (acmx / rt1) * acmn - (b / rt1) * b;
        } else if (sm > 0) {
            rt1 = 0.5f * (sm + rt);
            rt2 = (acmx / rt1) * acmn - (b / rt1) * b;
        } else {
            rt1 = 0.5f * rt;
            rt2 = -0.5f * rt;
        }
        return rt1 >= rt2 ? new float[] {rt1, rt2} : new float[] {rt2, rt1};
    }

    private static float[] eigen3(float[][] cov) {
        double[][] m = new double[3][3];
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                m[a][b] = cov[a][b];
            }
        }
        double[] values = new double[3];
        org.jilastik.workflow.objects.SymmetricEigen.decompose(m, values, new double[3][3]);
        return new float[] {(float) values[0], (float) values[1], (float) values[2]};
    }
}
