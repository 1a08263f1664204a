package org.jilastik.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Eigenvalues of tiny matrices computed by hand, and the 3×3 solver against Jacobi rotations in double. */
class EigenvaluesTest {

    @Test
    void twoByTwoByHand() {
        float[] l0 = new float[3];
        float[] l1 = new float[3];
        // [[2,1],[1,2]] → 3, 1; [[4,0],[0,-1]] → 4, -1; [[0,2],[2,0]] → 2, -2
        Eigenvalues.symmetric2(new float[] {2, 4, 0}, new float[] {1, 0, 2}, new float[] {2, -1, 0}, 3, l0, l1);
        assertThat(l0).containsExactly(3f, 4f, 2f);
        assertThat(l1).containsExactly(1f, -1f, -2f);
    }

    @Test
    void threeByThreeByHand() {
        assertThat(eig(1, 0, 0, 5, 0, 3)).containsExactly(5f, 3f, 1f);
        // [[2,1,0],[1,2,0],[0,0,7]] → 7, 3, 1
        assertThat(eig(2, 1, 0, 2, 0, 7)).containsExactly(7f, 3f, 1f);
        assertThat(eig(0, 0, 0, 0, 0, 0)).containsExactly(0f, 0f, 0f);
        assertThat(eig(-2, 0, 0, -2, 0, -2)).containsExactly(-2f, -2f, -2f);
        // [[1,1,1],[1,1,1],[1,1,1]] → 3, 0, 0
        float[] e = eig(1, 1, 1, 1, 1, 1);
        assertThat(e[0]).isEqualTo(3f);
        assertThat(Math.abs(e[1])).isLessThan(1e-6f);
        assertThat(Math.abs(e[2])).isLessThan(1e-6f);
        // double root on top: diag(4, 4, 1) rotated in the xy plane stays 4, 4, 1
        assertThat(eig(4, 0, 0, 4, 0, 1)).containsExactly(4f, 4f, 1f);
    }

    @Test
    void threeByThreeMatchesJacobiToFloatPrecision() {
        Random rnd = new Random(11);
        double worst = 0;
        for (int trial = 0; trial < 20000; trial++) {
            double scale = Math.pow(10, rnd.nextInt(7) - 3);
            float[] a = new float[6];
            for (int i = 0; i < 6; i++) {
                a[i] = (float) (rnd.nextGaussian() * scale);
            }
            if (trial % 5 == 0) {
                // nearly repeated eigenvalues
                a[1] *= 1e-4f;
                a[2] *= 1e-4f;
                a[4] *= 1e-4f;
                a[3] = a[0] * (1 + 1e-6f);
            }
            float[] ours = eig(a[0], a[1], a[2], a[3], a[4], a[5]);
            double[] ref = jacobi(a[0], a[1], a[2], a[3], a[4], a[5]);
            double max = Math.max(Math.abs(ref[0]), Math.abs(ref[2]));
            for (int k = 0; k < 3; k++) {
                worst = Math.max(worst, Math.abs(ours[k] - ref[k]) / max);
            }
        }
        assertThat(worst).as("worst deviation relative to max |λ|").isLessThan(1e-6);
    }

    @Test
    void vectorAndScalarSolversAreBitIdentical() {
        Random rnd = new Random(12);
        int n = 1001;
        float[][] a = new float[6][n];
        for (float[] x : a) {
            for (int i = 0; i < n; i++) {
                x[i] = (float) (rnd.nextGaussian() * Math.pow(10, rnd.nextInt(5) - 2));
            }
        }
        a[0][7] = 0;
        a[1][7] = 0;
        a[2][7] = 0;
        a[3][7] = 0;
        a[4][7] = 0;
        a[5][7] = 0;
        float[][] v = {new float[n], new float[n], new float[n]};
        float[][] s = {new float[n], new float[n], new float[n]};
        int k = VectorEigenvalues.symmetric3(a[0], a[1], a[2], a[3], a[4], a[5], n, v[0], v[1], v[2]);
        assertThat(k).isGreaterThan(n / 2);
        Eigenvalues.scalarSymmetric3(a[0], a[1], a[2], a[3], a[4], a[5], 0, n, s[0], s[1], s[2]);
        for (int e = 0; e < 3; e++) {
            assertThat(java.util.Arrays.copyOf(v[e], k)).containsExactly(java.util.Arrays.copyOf(s[e], k));
        }
        assertThat(v[0][7]).isEqualTo(0f);
    }

    private static float[] eig(double a00, double a01, double a02, double a11, double a12, double a22) {
        float[] out = new float[3];
        Eigenvalues.symmetric3(a00, a01, a02, a11, a12, a22, out, 0);
        return out;
    }

    /** Cyclic Jacobi rotations in double, eigenvalues sorted descending. */
    private static double[] jacobi(double a00, double a01, double a02, double a11, double a12, double a22) {
        double[][] a = {{a00, a01, a02}, {a01, a11, a12}, {a02, a12, a22}};
        for (int sweep = 0; sweep < 50; sweep++) {
            double off = a[0][1] * a[0][1] + a[0][2] * a[0][2] + a[1][2] * a[1][2];
            if (off == 0) {
                break;
            }
            for (int p = 0; p < 2; p++) {
                for (int q = p + 1; q < 3; q++) {
                    if (a[p][q] == 0) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < 3; k++) {
                        double akp = a[k][p];
                        double akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < 3; k++) {
                        double apk = a[p][k];
                        double aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                }
            }
        }
        double[] e = {a[0][0], a[1][1], a[2][2]};
        java.util.Arrays.sort(e);
        return new double[] {e[2], e[1], e[0]};
    }
}
