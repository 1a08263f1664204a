package org.jilastik.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * fastfilters' 3-D eigenvalue solver: its vector lanes against the accurate double solver (it is a float32 method,
 * so agreement is to a few 1e-4 of the largest magnitude, the inaccuracy ilastik itself has), its scalar tail
 * against its lanes, its atan2 and sincos against the JDK's, and the tail placement by image coordinates.
 * (Bit identity with ilastik is asserted on real data by {@link IlastikBitIdentityTest}.)
 */
class FastfiltersEigen3Test {

    @Test
    void lanesAgreeWithTheAccurateSolverAndSortDescending() {
        Random rnd = new Random(11);
        float[][] e = new float[6][1];
        float[][] ff = new float[3][1];
        float[] exact = new float[3];
        for (int trial = 0; trial < 20000; trial++) {
            double scale = Math.pow(10, rnd.nextInt(7) - 2);
            for (int k = 0; k < 6; k++) {
                e[k][0] = (float) (rnd.nextGaussian() * scale);
            }
            // xx, xy, xz, yy, yz, zz
            FastfiltersEigen3.symmetric3(e[0], e[1], e[2], e[3], e[4], e[5], 1, ff[0], ff[1], ff[2]);
            Eigenvalues.symmetric3(e[0][0], e[1][0], e[2][0], e[3][0], e[4][0], e[5][0], exact, 0);
            double max = Math.max(Math.abs(exact[0]), Math.abs(exact[2]));
            assertThat(ff[0][0]).isGreaterThanOrEqualTo(ff[1][0]);
            assertThat(ff[1][0]).isGreaterThanOrEqualTo(ff[2][0]);
            for (int k = 0; k < 3; k++) {
                assertThat((double) ff[k][0]).as("trial %d eigenvalue %d", trial, k)
                        .isCloseTo(exact[k], within(2e-3 * max + 1e-30));
            }
        }
    }

    @Test
    void vectorLanesEqualTheScalarLanesBitForBit() {
        Random rnd = new Random(14);
        int n = 1003;
        float[][] e = new float[6][n];
        for (int k = 0; k < 6; k++) {
            for (int i = 0; i < n; i++) {
                e[k][i] = (float) (rnd.nextGaussian() * Math.pow(10, rnd.nextInt(5) - 2));
            }
        }
        float[][] vec = new float[3][n];
        float[][] sca = new float[3][n];
        int done = VectorFastfiltersEigen3.symmetric3(e[0], e[1], e[2], e[3], e[4], e[5], n, vec[0], vec[1], vec[2]);
        for (int i = 0; i < n; i++) {
            FastfiltersEigen3Lane.lane(e[5][i], e[4][i], e[2][i], e[3][i], e[1][i], e[0][i], sca[0], sca[1], sca[2], i);
        }
        assertThat(done).isGreaterThan(n - 64);
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < done; i++) {
                assertThat(Float.floatToRawIntBits(vec[k][i])).as("eigenvalue %d at %d", k, i)
                        .isEqualTo(Float.floatToRawIntBits(sca[k][i]));
            }
        }
    }

    @Test
    void stagedLanesEqualTheLanesBitForBit() {
        Random rnd = new Random(15);
        int n = 3 * 256 + 77;
        float[][] e = new float[6][n];
        for (int k = 0; k < 6; k++) {
            for (int i = 0; i < n; i++) {
                int kind = rnd.nextInt(12);
                e[k][i] = switch (kind) {
                    case 0 -> 0f;
                    case 1 -> -0f;
                    case 2 -> (float) rnd.nextGaussian() * 1e-30f;
                    case 3 -> (float) rnd.nextGaussian() * 1e30f;
                    case 4 -> i > 0 ? e[k][i - 1] : 1f;
                    default -> (float) (rnd.nextGaussian() * Math.pow(10, rnd.nextInt(7) - 3));
                };
            }
        }
        // a few exactly diagonal, exactly zero and repeated-eigenvalue matrices
        for (int i = 0; i < 40; i++) {
            e[1][i] = 0f;
            e[2][i] = 0f;
            e[4][i] = 0f;
            if (i % 4 == 0) {
                e[0][i] = e[3][i];
                e[5][i] = e[3][i];
            }
        }
        float[][] staged = new float[3][n];
        float[][] lanes = new float[3][n];
        int from = 5;
        FastfiltersEigen3.staged(e[0], e[1], e[2], e[3], e[4], e[5], from, n, staged[0], staged[1], staged[2]);
        for (int i = from; i < n; i++) {
            FastfiltersEigen3Lane.lane(e[5][i], e[4][i], e[2][i], e[3][i], e[1][i], e[0][i], lanes[0], lanes[1],
                    lanes[2], i);
        }
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < n; i++) {
                assertThat(Float.floatToRawIntBits(staged[k][i])).as("eigenvalue %d at %d", k, i)
                        .isEqualTo(Float.floatToRawIntBits(lanes[k][i]));
            }
        }
    }

    @Test
    void zeroMatrixGivesZeros() {
        float[] z = {0f};
        float[][] out = {{9f}, {9f}, {9f}};
        FastfiltersEigen3.symmetric3(z, z, z, z, z, z, 1, out[0], out[1], out[2]);
        assertThat(new float[] {out[0][0], out[1][0], out[2][0]}).containsExactly(0f, 0f, 0f);
        FastfiltersEigen3.tail(0f, 0f, 0f, 0f, 0f, 0f, out[0], out[1], out[2], 0);
        assertThat(new float[] {out[0][0], out[1][0], out[2][0]}).containsExactly(0f, 0f, 0f);
    }

    @Test
    void scalarTailAgreesWithTheLanesToFloatRounding() {
        Random rnd = new Random(12);
        float[][] a = new float[3][1];
        float[][] b = new float[3][1];
        for (int trial = 0; trial < 20000; trial++) {
            float[] m = new float[6];
            for (int k = 0; k < 6; k++) {
                m[k] = (float) rnd.nextGaussian() * 50f;
            }
            FastfiltersEigen3Lane.lane(m[5], m[4], m[2], m[3], m[1], m[0], a[0], a[1], a[2], 0);
            FastfiltersEigen3.tail(m[0], m[1], m[2], m[3], m[4], m[5], b[0], b[1], b[2], 0);
            float max = Math.max(Math.abs(a[0][0]), Math.abs(a[2][0]));
            for (int k = 0; k < 3; k++) {
                assertThat(b[k][0]).as("trial %d eigenvalue %d", trial, k).isCloseTo(a[k][0], within(1e-4f * max));
            }
        }
    }

    @Test
    void atan2AndSincosFollowTheJdkToFloatAccuracy() {
        Random rnd = new Random(13);
        for (int trial = 0; trial < 100000; trial++) {
            float y = (float) rnd.nextGaussian();
            float x = (float) rnd.nextGaussian();
            assertThat((double) FastfiltersEigen3.atan2(y, x)).isCloseTo(Math.atan2(y, x), within(1e-6));
            float ang = (float) (rnd.nextDouble() * 2 * Math.PI - Math.PI);
            float[] sc = FastfiltersEigen3.sincos(ang);
            assertThat((double) sc[0]).isCloseTo(Math.sin(ang), within(1e-6));
            assertThat((double) sc[1]).isCloseTo(Math.cos(ang), within(1e-6));
            assertThat(FastfiltersEigen3.sin(ang)).isEqualTo(sc[0]);
            assertThat(FastfiltersEigen3.cos(ang)).isEqualTo(sc[1]);
        }
        assertThat(FastfiltersEigen3.atan2(0f, -1f)).isEqualTo((float) Math.PI);
        // fastfilters tests for zero after swapping |y| > |x| into (x, y) = (|y|, -|x|): x = 0 then reads as y = 0
        // and gives 0, not π/2 (a quirk of its atan2 that ilastik's eigenvalues inherit when mbDiv2 is exactly 0)
        assertThat(FastfiltersEigen3.atan2(1f, 0f)).isEqualTo(0f);
        assertThat(FastfiltersEigen3.atan2(1f, 1e-30f)).isCloseTo((float) (Math.PI / 2), within(1e-6f));
        assertThat(FastfiltersEigen3.atan2(0f, 1f)).isEqualTo(0f);
    }

    @Test
    void tailPixelsOfAnOddVolumeAreTheSameInEveryBlock() {
        // 5·5·7 = 175 voxels: fastfilters' vector code covers flat indices 0..167, its scalar tail 168..174
        java.util.List<String> ids = java.util.List.of("HessianOfGaussianEigenvalues", "StructureTensorEigenvalues");
        boolean[][] m = {{true}, {true}};
        FeatureSelection sel = new FeatureSelection(ids, new double[] {1.0}, m, new boolean[] {false});
        long[] shape = {5, 5, 7};
        byte[] data = new byte[175];
        Random rnd = new Random(14);
        rnd.nextBytes(data);
        org.jilastik.array.Block image = new org.jilastik.array.Block(org.jilastik.array.Axes.of("zyx"),
                org.jilastik.array.Box.ofShape(shape), org.jilastik.array.DType.UINT8, data);
        FeaturePlan plan = FeaturePlan.of(sel, image.axes(), shape);
        FeatureComputer computer = new FeatureComputer(plan);
        float[] whole = computer.compute(image, image.box());
        int ch = plan.channelCount();
        for (int x0 = 0; x0 < 7; x0 += 3) {
            org.jilastik.array.Box last = new org.jilastik.array.Box(new long[] {4, 4, x0}, new long[] {5, 5, 7});
            float[] part = computer.compute(image, last);
            float[] expected = java.util.Arrays.copyOfRange(whole, (168 + x0) * ch, 175 * ch);
            assertThat(part).as("block from x %d", x0).containsExactly(expected);
        }
    }
}
