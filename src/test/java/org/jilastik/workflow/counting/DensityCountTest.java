package org.jilastik.workflow.counting;

import static org.assertj.core.api.Assertions.assertThat;

import io.jhdf.HdfFile;
import java.nio.file.Path;
import org.jilastik.export.PyRepr;
import org.junit.jupiter.api.Test;

/** The count summation of spec counting §2.4 and NumPy's float32 pairwise sum. */
class DensityCountTest {
    private static final Path REF = Path.of("../shared/testdata/ilastik-ref/counting-2d/out");

    @Test
    void reproducesIlastiksCountOfTheReferenceDensityDigitForDigit() {
        float[] density;
        try (HdfFile f = new HdfFile(REF.resolve("cells2d-data_Probabilities.h5"))) {
            float[][][] d = (float[][][]) f.getDatasetByPath("exported_data").getData();
            density = new float[160 * 200];
            for (int y = 0; y < 160; y++) {
                for (int x = 0; x < 200; x++) {
                    density[y * 200 + x] = d[y][x][0];
                }
            }
        }
        double count = DensityCount.count(density, 160, 200);
        assertThat(PyRepr.float64(count)).isEqualTo("47.906315326690674");
        double plain = 0;
        for (float v : density) {
            plain += v;
        }
        // the plain float64 sum differs in the 8th digit (spec §2.4): the recipe is not a plain sum
        assertThat(PyRepr.float64(plain)).isEqualTo("47.906315893516876");
    }

    @Test
    void pairwiseFollowsNumpysGrouping() {
        // 1e8 + 1 + 1 + ... : a left-to-right float32 sum loses every 1, NumPy's eight accumulators keep some
        float[] a = new float[16];
        java.util.Arrays.fill(a, 1f);
        a[0] = 1e8f;
        float left = 0f;
        for (float v : a) {
            left += v;
        }
        assertThat(left).isEqualTo(1e8f);
        // r0 = 1e8 + 1 (lost), r1..r7 = 2 each; ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)) = 1e8 + 2 + 4 + 8 = 1e8+14 ->
        // rounded to the float32 grid of 8 at every step
        float r0 = 1e8f + 1f;
        float expected = ((r0 + 2f) + (2f + 2f)) + ((2f + 2f) + (2f + 2f));
        assertThat(DensityCount.pairwise(a, 0, 16)).isEqualTo(expected);
        assertThat(DensityCount.pairwise(a, 0, 5)).isEqualTo(1e8f); // n < 8: left to right
        // n > 128 splits at half rounded down to a multiple of 8
        float[] b = new float[300];
        for (int i = 0; i < b.length; i++) {
            b[i] = 1f / (i + 1);
        }
        assertThat(DensityCount.pairwise(b, 0, 300))
                .isEqualTo(DensityCount.pairwise(b, 0, 144) + DensityCount.pairwise(b, 144, 156));
        // numpy.sum of a contiguous array: chunks of 8192, added in order
        float[] c = new float[10000];
        java.util.Arrays.fill(c, 0.1f);
        assertThat(DensityCount.numpySum(c, c.length))
                .isEqualTo(0f + DensityCount.pairwise(c, 0, 8192) + DensityCount.pairwise(c, 8192, 1808));
    }
}
