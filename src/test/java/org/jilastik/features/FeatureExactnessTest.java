package org.jilastik.features;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jilastik.array.Block;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FeatureExactnessTest {
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jilastik.features.IlastikReferenceFeaturesTest#cases")
    void report(IlastikReferenceFeaturesTest.Case c) throws IOException {
        Path dir = RefData.REF.resolve(c.name());
        Block input = c.input().load(dir);
        FeatureSelection sel = RefData.selection(dir.resolve(c.ilp()), c.selectionGroup());
        FeaturePlan plan = FeaturePlan.of(sel, input.axes(), input.box().shape());
        float[] full = new FeatureComputer(plan).compute(input, input.box());
        int[] refShape = new int[c.crop().length + 1];
        float[] ref = RefData.float32(dir.resolve(c.reference()), "exported_data", refShape);
        int channels = plan.channelCount();
        float[] ours = IlastikReferenceFeaturesTest.crop(full, input, plan, c.crop());
        List<String> names = plan.channelNames();
        StringBuilder sb = new StringBuilder(c.name()).append('\n');
        long totalSame = 0;
        for (int ch = 0; ch < channels; ch++) {
            int same = 0, n = 0;
            long maxUlp = 0;
            int worst = -1;
            for (int i = ch; i < ref.length; i += channels) {
                n++;
                if (ours[i] == ref[i]) {
                    same++;
                    continue;
                }
                long u = Math.abs((long) ordered(ours[i]) - ordered(ref[i]));
                if (u > maxUlp) { maxUlp = u; worst = i / channels; }
            }
            totalSame += same;
            sb.append(String.format("  %-55s %7.3f%% same  maxUlp %d at %d%n", names.get(ch), 100.0 * same / n, maxUlp, worst));
        }
        sb.append(String.format("  TOTAL %.3f%%%n", 100.0 * totalSame / ref.length));
        System.out.print(sb);
        java.nio.file.Files.writeString(Path.of("/tmp/fx/" + c.name() + ".txt"), sb.toString());
    }

    static int ordered(float f) {
        int b = Float.floatToRawIntBits(f);
        return b < 0 ? Integer.MIN_VALUE - b : b;
    }
}
