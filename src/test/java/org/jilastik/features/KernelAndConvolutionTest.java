package org.jilastik.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Kernels against values computed by hand, and convolution passes on tiny arrays. */
class KernelAndConvolutionTest {

    @Test
    void radiiAreFloorOfWindowTimesSigmaPlusHalf() {
        // spec §2.3 worked radii
        double[][] w2 = {{0.198, 0}, {0.3, 1}, {0.35, 1}, {0.462, 1}, {0.5, 1}, {0.66, 1}, {0.7, 1}, {1.0, 2},
            {0.15, 0}};
        for (double[] c : w2) {
            assertThat(Kernel1D.radius(c[0], 2.0)).as("σ %s, w 2.0", c[0]).isEqualTo((int) c[1]);
        }
        double[][] w35 = {{0.3, 1}, {0.7, 2}, {1.0, 4}, {Math.sqrt(1.6 * 1.6 - 1), 4}, {Math.sqrt(3.5 * 3.5 - 1), 12},
            {Math.sqrt(24), 17}, {Math.sqrt(99), 35}};
        for (double[] c : w35) {
            assertThat(Kernel1D.radius(c[0], 3.5)).as("σ %s, w 3.5", c[0]).isEqualTo((int) c[1]);
        }
    }

    @Test
    void gaussianSigmaOneByHand() {
        // g = [1, e^-1/2, e^-2], normalised by 1 + 2(e^-1/2 + e^-2) = 2.4837319
        Kernel1D k = Kernel1D.gaussian(0, 1.0, 2.0);
        assertThat(k.half()).containsExactly(new float[] {0.40261996f, 0.24420134f, 0.054488685f}, within(1e-7f));
        assertThat(k.antisymmetric()).isFalse();
    }

    @Test
    void firstDerivativeSigmaOneByHand() {
        // x·g = [0, e^-1/2, 2e^-2], normalised by 2(e^-1/2 + 4e^-2) = 2.2957436
        Kernel1D k = Kernel1D.gaussian(1, 1.0, 2.0);
        assertThat(k.half()[1]).isCloseTo(0.26419791f, within(1e-7f));
        assertThat(k.half()[2]).isCloseTo(0.11790104f, within(1e-7f));
        assertThat(k.antisymmetric()).isTrue();
        // response to the ramp f(i) = i is +1
        assertThat(2 * k.half()[1] + 4 * k.half()[2]).isCloseTo(1f, within(1e-6f));
    }

    @Test
    void secondDerivativeSigmaOneByHand() {
        // (1 - x²)g = [1, 0, -3e^-2]; minus dc = (1 - 6e^-2)/5; divided by Σ x²k = -1.8120117
        Kernel1D k = Kernel1D.gaussian(2, 1.0, 2.0);
        assertThat(k.half()).containsExactly(new float[] {-0.53112369f, 0.020749127f, 0.24481272f}, within(1e-7f));
        float[] h = k.half();
        assertThat(h[0] + 2 * (h[1] + h[2])).as("zero mean").isCloseTo(0f, within(1e-6f));
        assertThat(2 * (h[1] + 4 * h[2])).as("response to i² is 2").isCloseTo(2f, within(1e-6f));
    }

    @Test
    void radiusZeroIsIdentityForEveryOrder() {
        for (int order = 0; order <= 2; order++) {
            Kernel1D k = Kernel1D.gaussian(order, 0.15, 2.0);
            assertThat(k.isIdentity()).isTrue();
            assertThat(k.antisymmetric()).isFalse();
            float[] f = {3, 1, 4, 1, 5};
            float[] out = new float[5];
            Frame fr = line(5, 0, 5);
            Convolution.convolve(f, fr, Frame.X, k, out, fr);
            assertThat(out).containsExactly(f);
        }
    }

    @Test
    void mirrorsWithoutRepeatingTheEdgePixel() {
        assertThat(Convolution.reflect(-1, 5)).isEqualTo(1);
        assertThat(Convolution.reflect(-2, 5)).isEqualTo(2);
        assertThat(Convolution.reflect(5, 5)).isEqualTo(3);
        assertThat(Convolution.reflect(6, 5)).isEqualTo(2);
        Kernel1D g = Kernel1D.gaussian(0, 1.0, 2.0);
        float[] k = g.half();
        float[] f = {1, 2, 3, 4, 5};
        float[] out = new float[5];
        Convolution.convolve(f, line(5, 0, 5), Frame.X, g, out, line(5, 0, 5));
        assertThat(out[0]).isEqualTo(k[0] * 1 + k[1] * (2 + 2) + k[2] * (3 + 3));
        assertThat(out[4]).isEqualTo(k[0] * 5 + k[1] * (4 + 4) + k[2] * (3 + 3));
        assertThat(out[2]).isEqualTo(k[0] * 3 + k[1] * (4 + 2) + k[2] * (5 + 1));
        // derivative of a ramp: 1 inside, 0 at the mirrored borders
        Kernel1D d = Kernel1D.gaussian(1, 1.0, 2.0);
        Convolution.convolve(f, line(5, 0, 5), Frame.X, d, out, line(5, 0, 5));
        assertThat(out[0]).isEqualTo(0f);
        assertThat(out[2]).isCloseTo(1f, within(1e-6f));
    }

    @Test
    void interiorSourceRegionUsesRealNeighboursNotMirrors() {
        // image of 10 pixels; source covers [3, 9), destination [5, 7): needs [3, 9) and no mirroring
        float[] image = {9, 1, 7, 2, 8, 3, 6, 4, 5, 0};
        Kernel1D g = Kernel1D.gaussian(0, 1.0, 2.0);
        float[] whole = new float[10];
        Convolution.convolve(image, line(10, 0, 10), Frame.X, g, whole, line(10, 0, 10));
        float[] src = java.util.Arrays.copyOfRange(image, 3, 9);
        float[] part = new float[2];
        Convolution.convolve(src, line(10, 3, 6), Frame.X, g, part, line(10, 5, 2));
        assertThat(part).containsExactly(whole[5], whole[6]);
    }

    @Test
    void passesAlongEveryAxisAgreeWithTheLinePass() {
        Random rnd = new Random(3);
        int nz = 7;
        int ny = 6;
        int nx = 9;
        float[] v = new float[nz * ny * nx];
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextInt(256);
        }
        Frame f = new Frame(new int[3], new int[] {nz, ny, nx}, new int[] {nz, ny, nx});
        for (int order = 0; order <= 2; order++) {
            Kernel1D k = Kernel1D.gaussian(order, 1.2, 2.0);
            for (int axis = 0; axis < 3; axis++) {
                float[] out = new float[v.length];
                Convolution.convolve(v, f, axis, k, out, f);
                int[] n = {nz, ny, nx};
                int[] stride = {ny * nx, nx, 1};
                for (int i = 0; i < v.length; i++) {
                    int pos = i / stride[axis] % n[axis];
                    int base = i - pos * stride[axis];
                    // x rows of 9 pixels are too short for fastfilters' FMA loops; y and z passes always fuse
                    float expected = byFormula(v, base, stride[axis], n[axis], pos, k, axis != Frame.X);
                    assertThat(out[i]).as("order %d axis %d index %d", order, axis, i).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void xPassFusesExactlyWhereFastfiltersUsesItsFmaVectorLoops() {
        // [first multiple of 8 at or after R, (n - R) rounded down to 32), if that end exceeds the 32-aligned start
        assertThat(Convolution.fusedRangeX(128, 2)).containsExactly(8, 96);
        assertThat(Convolution.fusedRangeX(1344, 12)).containsExactly(16, 1312);
        assertThat(Convolution.fusedRangeX(1344, 35)).containsExactly(40, 1280);
        assertThat(Convolution.fusedRangeX(97, 1)).containsExactly(8, 96);
        assertThat(Convolution.fusedRangeX(65, 1)).containsExactly(8, 64);
        assertThat(Convolution.fusedRangeX(64, 1)).containsExactly(0, 0);
        assertThat(Convolution.fusedRangeX(150, 35)).containsExactly(40, 96);
        assertThat(Convolution.fusedRangeX(100, 35)).containsExactly(0, 0);
        assertThat(Convolution.fusedRangeX(500, 0)).containsExactly(0, 0);
    }

    @Test
    void xPassRoundsByImageCoordinateWhateverTheBlock() {
        Random rnd = new Random(7);
        int n = 200;
        float[] image = new float[n];
        for (int i = 0; i < n; i++) {
            image[i] = rnd.nextInt(256);
        }
        Kernel1D k = Kernel1D.gaussian(2, 1.0, 2.0);
        float[] whole = new float[n];
        Convolution.convolve(image, line(n, 0, n), Frame.X, k, whole, line(n, 0, n));
        int[] range = Convolution.fusedRangeX(n, 2);
        for (int pos = 0; pos < n; pos++) {
            boolean fused = pos >= range[0] && pos < range[1];
            assertThat(whole[pos]).as("x %d", pos).isEqualTo(byFormula(image, 0, 1, n, pos, k, fused));
        }
        for (int start = 0; start < n; start += 13) {
            int size = Math.min(n - start, 1 + rnd.nextInt(60));
            int s0 = Math.max(0, start - 2);
            int s1 = Math.min(n, start + size + 2);
            float[] src = java.util.Arrays.copyOfRange(image, s0, s1);
            float[] part = new float[size];
            Convolution.convolve(src, line(n, s0, s1 - s0), Frame.X, k, part, line(n, start, size));
            assertThat(part).containsExactly(java.util.Arrays.copyOfRange(whole, start, start + size));
        }
    }

    @Test
    void vectorAndScalarRowKernelsAreBitIdentical() {
        Random rnd = new Random(5);
        for (int trial = 0; trial < 60; trial++) {
            Kernel1D k = Kernel1D.gaussian(trial % 3, 0.5 + 4 * rnd.nextDouble(), 3.5);
            int r = k.radius();
            int len = 1 + rnd.nextInt(200);
            float[] s = new float[len + 2 * r];
            for (int i = 0; i < s.length; i++) {
                s[i] = (float) rnd.nextGaussian() * 100;
            }
            int[] off = new int[2 * r + 1];
            for (int t = 0; t <= 2 * r; t++) {
                off[t] = t;
            }
            for (boolean fused : new boolean[] {false, true}) {
                float[] a = new float[len];
                float[] b = new float[len];
                int from = rnd.nextInt(len);
                RowKernels.scalarRow(s, off, k.half(), k.antisymmetric(), a, 0, from, len, fused);
                VectorRowKernels.row(s, off, k.half(), k.antisymmetric(), b, 0, from, len, fused);
                assertThat(b).as("fused %s", fused).containsExactly(a);
            }
        }
    }

    /**
     * fastfilters' formula: {@code acc = k0·f[pos]}, then for t = 1..R {@code acc += k[t]·(f[pos+t] ± f[pos-t])}
     * (one rounding per tap when fused, two otherwise), reflect-101 borders.
     */
    private static float byFormula(float[] v, int base, int stride, int n, int pos, Kernel1D k, boolean fused) {
        float[] h = k.half();
        int r = h.length - 1;
        float acc = h[0] * v[base + pos * stride];
        for (int t = 1; t <= r; t++) {
            float a = v[base + Convolution.reflect(pos + t, n) * stride];
            float b = v[base + Convolution.reflect(pos - t, n) * stride];
            float p = k.antisymmetric() ? a - b : a + b;
            acc = fused ? Math.fma(p, h[t], acc) : acc + h[t] * p;
        }
        return acc;
    }

    private static Frame line(int image, int start, int size) {
        return new Frame(new int[] {0, 0, start}, new int[] {1, 1, size}, new int[] {1, 1, image});
    }
}
