package org.jilastik.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jilastik.array.Block;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every feature value of every reference case (2-D and 3-D, all six features, all scales, ComputeIn2d mixes,
 * several input channels) is bit-identical to ilastik's (fastfilters 0.3, AVX2/FMA build), compared on the whole
 * exported window. A regression reports, per channel that differs, the share of identical values and the largest
 * difference in float32 units in the last place (ulps) with its pixel.
 */
class IlastikBitIdentityTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jilastik.features.IlastikReferenceFeaturesTest#cases")
    void everyFeatureValueIsBitIdenticalToIlastik(IlastikReferenceFeaturesTest.Case c) throws IOException {
        Path dir = RefData.REF.resolve(c.name());
        Block input = c.input().load(dir);
        FeatureSelection sel = RefData.selection(dir.resolve(c.ilp()), c.selectionGroup());
        FeaturePlan plan = FeaturePlan.of(sel, input.axes(), input.box().shape());
        float[] full = new FeatureComputer(plan).compute(input, input.box());
        int[] refShape = new int[c.crop().length + 1];
        float[] ref = RefData.float32(dir.resolve(c.reference()), "exported_data", refShape);
        int channels = plan.channelCount();
        float[] ours = IlastikReferenceFeaturesTest.crop(full, input, plan, c.crop());
        assertThat(ours.length).isEqualTo(ref.length);

        List<String> names = plan.channelNames();
        StringBuilder report = new StringBuilder();
        long differing = 0;
        for (int ch = 0; ch < channels; ch++) {
            int same = 0;
            int n = 0;
            long maxUlp = 0;
            int worst = -1;
            for (int i = ch; i < ref.length; i += channels) {
                n++;
                if (Float.floatToRawIntBits(ours[i]) == Float.floatToRawIntBits(ref[i])) {
                    same++;
                    continue;
                }
                long u = Math.abs((long) ordered(ours[i]) - ordered(ref[i]));
                if (u > maxUlp || worst < 0) {
                    maxUlp = u;
                    worst = i / channels;
                }
            }
            if (same != n) {
                differing += n - same;
                report.append(String.format("%n  %s: %.4f%% identical, max %d ulp at pixel %d (ours %s, ilastik %s)",
                        names.get(ch), 100.0 * same / n, maxUlp, worst, ours[worst * channels + ch],
                        ref[worst * channels + ch]));
            }
        }
        assertThat(differing).as("%s: values differing from ilastik's bit pattern%s", c.name(), report)
                .isZero();
    }

    /** Maps float bit patterns to integers whose difference counts ulps across zero. */
    private static int ordered(float f) {
        int b = Float.floatToRawIntBits(f);
        return b < 0 ? Integer.MIN_VALUE - b : b;
    }
}
