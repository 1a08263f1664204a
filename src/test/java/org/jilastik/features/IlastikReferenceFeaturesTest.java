package org.jilastik.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Features of every reference case with a Features export, computed on the whole image from the case's project
 * and input, cropped to the exported window, compared on the whole window with the Features tolerance; channel
 * count and names are checked against the stored forest's {@code feature_names}.
 */
class IlastikReferenceFeaturesTest {

    /** One case: project, selection group, classifier group, input loader, reference file, crop window. */
    record Case(String name, String ilp, String selectionGroup, String classifierGroup, String reference,
                int[] crop, InputLoader input) {
        @Override
        public String toString() {
            return name;
        }
    }

    interface InputLoader {
        Block load(Path dir) throws IOException;
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                new Case("new-2d-1ch-3class", "blobs2d_pc.ilp", "FeatureSelections", "PixelClassification",
                        "out/blobs2d-data_Features.h5", new int[] {128, 128},
                        d -> RefData.uint8(d.resolve("blobs2d.h5"), "data", "yx")),
                new Case("new-2d-3channel", "rgb2d_pc.ilp", "FeatureSelections", "PixelClassification",
                        "out/rgb2d-data_Features.h5", new int[] {128, 128},
                        d -> RefData.uint8(d.resolve("rgb2d.h5"), "data", "yxc")),
                new Case("new-2d-allfeatures", "allfeat2d_pc.ilp", "FeatureSelections", "PixelClassification",
                        "out/allfeat2d-data_Features.h5", new int[] {128, 150},
                        d -> RefData.uint8(d.resolve("allfeat2d.h5"), "data", "yx")),
                new Case("new-3d-allfeatures", "blobs3d_pc.ilp", "FeatureSelections", "PixelClassification",
                        "out/blobs3d-data_Features.h5", new int[] {6, 32, 48},
                        d -> RefData.uint8(d.resolve("blobs3d.h5"), "data", "zyx")),
                new Case("new-3d-computein2d", "c2d3d_pc.ilp", "FeatureSelections", "PixelClassification",
                        "out/c2d3d-data_Features.h5", new int[] {8, 40, 40},
                        d -> RefData.uint8(d.resolve("c2d3d.h5"), "data", "zyx")),
                new Case("ij-2d-cells-apoptotic", "pixel_class_2d_cells_apoptotic.ilp", "FeatureSelections",
                        "PixelClassification", "out/2d_cells_apoptotic_Features.h5", new int[] {128, 128},
                        d -> RefData.uint8(d.resolve("2d_cells_apoptotic_1channel.h5"), "data", "yx")),
                new Case("notebook-pc-2d-cells", "pc.ilp", "FeatureSelections", "PixelClassification",
                        "out/2d_cells_apoptotic_1channel_Features.h5", new int[] {128, 128},
                        d -> RefData.png(d.resolve("2d_cells_apoptotic_1channel.png"))),
                new Case("new-autocontext-2d", "ac2d_autocontext.ilp", "FeatureSelections01",
                        "PixelClassification01", "out/ac2d-data_Features_Stage_2.h5", new int[] {128, 128},
                        IlastikReferenceFeaturesTest::autocontextStage2Input))
                .map(Arguments::of);
    }

    /**
     * Stage-2 input of the autocontext case (spec autocontext.md §3): raw channel, then the stage-1 probabilities
     * converted to the raw dtype uint8 as trunc(255·p) with the product in float32.
     */
    static Block autocontextStage2Input(Path dir) {
        Block raw = RefData.uint8(dir.resolve("ac2d.h5"), "data", "yx");
        int[] shape = new int[3];
        float[] p = RefData.float32(dir.resolve("out/ac2d-data_Probabilities_Stage_1.h5"), "exported_data", shape);
        int pixels = shape[0] * shape[1];
        int classes = shape[2];
        byte[] rawData = (byte[]) raw.data();
        byte[] stacked = new byte[pixels * (1 + classes)];
        for (int i = 0; i < pixels; i++) {
            stacked[i * (1 + classes)] = rawData[i];
            for (int k = 0; k < classes; k++) {
                stacked[i * (1 + classes) + 1 + k] = (byte) (int) (255f * p[i * classes + k]);
            }
        }
        return new Block(Axes.of("yxc"), Box.ofShape(shape[0], shape[1], 1 + classes), DType.UINT8, stacked);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void featuresMatchIlastik(Case c) throws IOException {
        Path dir = RefData.REF.resolve(c.name());
        Path ilp = dir.resolve(c.ilp());
        Block input = c.input().load(dir);
        FeatureSelection sel = RefData.selection(ilp, c.selectionGroup());
        FeaturePlan plan = FeaturePlan.of(sel, input.axes(), input.box().shape());

        List<String> stored = RefData.featureNames(ilp, c.classifierGroup());
        assertThat(plan.channelCount()).as("channel count vs stored feature_names").isEqualTo(stored.size());
        assertThat(plan.channelNames().stream().map(RefData::asJhdfAscii).toList())
                .as("channel names vs stored feature_names").isEqualTo(stored);

        float[] full = new FeatureComputer(plan).compute(input, input.box());

        int[] refShape = new int[c.crop().length + 1];
        float[] ref = RefData.float32(dir.resolve(c.reference()), "exported_data", refShape);
        int channels = plan.channelCount();
        assertThat(refShape[refShape.length - 1]).as("reference channel count").isEqualTo(channels);
        float[] ours = crop(full, input, plan, c.crop());
        assertThat(ours.length).isEqualTo(ref.length);

        FeatureTolerance.Worst w = FeatureTolerance.compare(ours, ref, channels, plan.channelNames(),
                eigenGroups(plan));
        System.out.println(c.name() + ": " + w);
        assertThat(w.ratio()).as(c.name() + ": " + w).isLessThanOrEqualTo(1.0);
    }

    /** For each channel, the size of its group for the tolerance's channel maximum. */
    static int[] eigenGroups(FeaturePlan plan) {
        int[] g = new int[plan.channelCount()];
        java.util.Arrays.fill(g, 1);
        for (ScaleStep s : plan.steps()) {
            for (ScaleStep.Output o : s.outputs()) {
                if (o.feature().isEigenvalues()) {
                    int per = o.feature().channelsPerInput(s.dims());
                    for (int c = 0; c < plan.inputChannels(); c++) {
                        g[o.firstChannel() + c * per] = per;
                        for (int k = 1; k < per; k++) {
                            g[o.firstChannel() + c * per + k] = 0;
                        }
                    }
                }
            }
        }
        // a group is represented by its first channel; members after it are skipped by the comparator
        int[] out = new int[g.length];
        for (int c = 0; c < g.length; ) {
            out[c] = g[c];
            c += g[c];
        }
        return out;
    }

    /** The window {@code [0:crop[a]]} per spatial axis of a whole-image feature array (2-D yx(c) or 3-D zyx). */
    static float[] crop(float[] full, Block input, FeaturePlan plan, int[] crop) {
        int channels = plan.channelCount();
        long[] shape = input.box().shape();
        boolean threeD = crop.length == 3;
        int nyFull = (int) shape[threeD ? 1 : 0];
        int nxFull = (int) shape[threeD ? 2 : 1];
        int cz = threeD ? crop[0] : 1;
        int cy = crop[crop.length - 2];
        int cx = crop[crop.length - 1];
        float[] out = new float[cz * cy * cx * channels];
        int o = 0;
        for (int z = 0; z < cz; z++) {
            for (int y = 0; y < cy; y++) {
                System.arraycopy(full, ((z * nyFull + y) * nxFull) * channels, out, o, cx * channels);
                o += cx * channels;
            }
        }
        return out;
    }
}
