package org.jilastik.workflow.autocontext;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.jilastik.exec.TileGrid;
import org.jilastik.io.hdf5.Hdf5Source;
import org.jilastik.project.Project;
import org.jilastik.project.ProjectReader;
import org.jilastik.workflow.pixel.TrainedStage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The autocontext chain on the reference case new-autocontext-2d: block by block (each block's raw data read
 * with the chained halo) it gives the same bits as on the whole image, for 2 stages and for 3- and 4-stage chains
 * (the case's stage 2 repeated: it takes 1 raw + 3 probability channels and gives 3); the stage-2 input holds the
 * raw channel, then ilastik's stage-1 probabilities converted to uint8.
 */
class AutocontextPipelineTest {
    private static final Path CASE = Path.of("../shared/testdata/ilastik-ref/new-autocontext-2d");
    private static final Axes YXC = Axes.of("yxc");
    private static List<TrainedStage> stages;
    private static Block raw;

    @BeforeAll
    static void load() {
        Project p = ProjectReader.read(CASE.resolve("ac2d_autocontext.ilp"));
        assertThat(p.pixelStages()).hasSize(2);
        stages = List.of(TrainedStage.of(p.pixelStages().get(0)), TrainedStage.of(p.pixelStages().get(1)));
        try (Hdf5Source s = Hdf5Source.open(CASE.resolve("ac2d.h5"), "data", "ac2d.h5/data")) {
            Block yx = s.read(Box.ofShape(s.shape()));
            raw = new Block(YXC, Box.ofShape(256, 256, 1), DType.UINT8, yx.data());
        }
    }

    private static AutocontextPipeline pipeline(int stageCount) {
        List<TrainedStage> chain = new ArrayList<>(stages);
        while (chain.size() < stageCount) {
            chain.add(stages.get(1));
        }
        return AutocontextPipeline.of(chain, YXC, raw.box().shape(), DType.UINT8);
    }

    private static Block whole(AutocontextPipeline p, AutocontextExportSource s, Block mask) {
        Box box = Box.ofShape(256, 256, 1);
        return p.compute(s, ChannelBlocks.crop(raw, p.rawBox(s, box)), box, mask);
    }

    // The source assembled from tiles of (ty, tx), each computed from the raw data of its rawBox only.
    private static Block tiled(AutocontextPipeline p, AutocontextExportSource s, long ty, long tx, Block mask) {
        int channels = p.channels(s);
        Block out = Block.allocate(YXC, Box.ofShape(256, 256, channels), p.dtype(s));
        for (Box tile : new TileGrid(Box.ofShape(256, 256, 1), new long[] {ty, tx, 1}).tiles()) {
            Box rawBox = p.rawBox(s, tile);
            Block m = mask == null ? null : ChannelBlocks.crop(mask, new Box(rawBox.start(),
                    new long[] {rawBox.stop(0), rawBox.stop(1), 1}));
            Block part = p.compute(s, ChannelBlocks.crop(raw, rawBox), tile, m);
            assertThat(part.box().size(2)).isEqualTo(channels);
            long[] start = part.box().start();
            long[] stop = part.box().stop();
            assertThat(new long[] {start[0], start[1], stop[0], stop[1]})
                    .containsExactly(tile.start(0), tile.start(1), tile.stop(0), tile.stop(1));
            for (int y = (int) start[0]; y < stop[0]; y++) {
                int src = (int) ((y - start[0]) * (stop[1] - start[1]) * channels);
                int dst = (int) ((y * 256 + start[1]) * channels);
                System.arraycopy(part.data(), src, out.data(), dst, (int) ((stop[1] - start[1]) * channels));
            }
        }
        return out;
    }

    private static void assertSameBits(Block a, Block b, String what) {
        assertThat(a.box()).as("box of %s", what).isEqualTo(b.box());
        assertThat(a.dtype()).as("dtype of %s", what).isEqualTo(b.dtype());
        int n = a.size();
        int differ = 0;
        int first = -1;
        for (int i = 0; i < n; i++) {
            boolean same = a.data() instanceof float[] f
                    ? Float.floatToRawIntBits(f[i]) == Float.floatToRawIntBits(((float[]) b.data())[i])
                    : a.getDouble(i) == b.getDouble(i);
            if (!same) {
                differ++;
                first = first < 0 ? i : first;
            }
        }
        assertThat(differ).as("%s: values differing (first at flat index %d)", what, first).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Probabilities All Stages", "Features Stage 2", "Input Stage 2", "Uncertainty Stage 2",
        "Simple Segmentation Stage 1", "Features Stage 1", "Input Stage 1", "Labels Stage 2"})
    void twoStagesBlockwiseEqualWhole(String name) {
        AutocontextPipeline p = pipeline(2);
        AutocontextExportSource s = AutocontextExportSource.byName(name, 2);
        assertSameBits(tiled(p, s, 41, 57, null), whole(p, s, null), name + " in 41x57 tiles");
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4})
    void longerChainsBlockwiseEqualWhole(int stageCount) {
        AutocontextPipeline p = pipeline(stageCount);
        long[] h1 = p.stage(1).plan().halo();
        long[] h2 = p.stage(2).plan().halo();
        assertThat(p.halo()[0]).as("chained halo").isEqualTo(h1[0] + (stageCount - 1) * h2[0]);
        AutocontextExportSource all = AutocontextExportSource.byName("Probabilities All Stages", stageCount);
        Block whole = whole(p, all, null);
        assertThat(whole.box().size(2)).isEqualTo(3L * stageCount);
        assertSameBits(tiled(p, all, 100, 90, null), whole, stageCount + " stages, all probabilities");
        AutocontextExportSource input = AutocontextExportSource.byName("Input Stage " + stageCount, stageCount);
        assertSameBits(tiled(p, input, 100, 90, null), whole(p, input, null), "Input Stage " + stageCount);
    }

    @Test
    void maskZeroesEveryStageAndKeepsBlockwiseEquality() {
        AutocontextPipeline p = pipeline(2);
        byte[] m = new byte[256 * 256];
        for (int y = 0; y < 256; y++) {
            for (int x = 0; x < 256; x++) {
                m[y * 256 + x] = (byte) ((x - 128) * (x - 128) + (y - 100) * (y - 100) < 90 * 90 ? 1 : 0);
            }
        }
        Block mask = new Block(YXC, Box.ofShape(256, 256, 1), DType.UINT8, m);
        AutocontextExportSource all = AutocontextExportSource.byName("Probabilities All Stages", 2);
        Block whole = whole(p, all, mask);
        assertSameBits(tiled(p, all, 64, 64, mask), whole, "masked all stages");
        float[] v = (float[]) whole.data();
        int inside = 0;
        for (int i = 0; i < m.length; i++) {
            double sum1 = v[6 * i] + v[6 * i + 1] + v[6 * i + 2];
            double sum2 = v[6 * i + 3] + v[6 * i + 4] + v[6 * i + 5];
            if (m[i] == 0) {
                assertThat(new double[] {sum1, sum2}).as("pixel %d outside the mask", i).containsExactly(0, 0);
            } else {
                inside++;
                assertThat(sum1).as("stage 1 at pixel %d", i).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
                assertThat(sum2).as("stage 2 at pixel %d", i).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
            }
        }
        assertThat(inside).isGreaterThan(20000);
    }

    @Test
    void stageTwoInputIsRawThenIlastiksStageOneProbabilitiesAsUint8() {
        AutocontextPipeline p = pipeline(2);
        Block input = whole(p, AutocontextExportSource.byName("Input Stage 2", 2), null);
        assertThat(input.box()).isEqualTo(Box.ofShape(256, 256, 4));
        assertThat(input.dtype()).isEqualTo(DType.UINT8);
        float[] ref;
        try (Hdf5Source s = Hdf5Source.open(CASE.resolve("out/ac2d-data_Probabilities_Stage_1.h5"), "exported_data",
                "ilastik stage 1")) {
            ref = (float[]) s.read(Box.ofShape(s.shape())).data();
        }
        byte[] in = (byte[]) input.data();
        byte[] r = (byte[]) raw.data();
        int pixels = 256 * 256;
        int differ = 0;
        int first = -1;
        for (int i = 0; i < pixels; i++) {
            assertThat(in[4 * i]).as("raw channel at pixel %d", i).isEqualTo(r[i]);
            for (int k = 0; k < 3; k++) {
                int expected = (int) (255f * ref[3 * i + k]);
                if ((in[4 * i + 1 + k] & 0xff) != expected) {
                    differ++;
                    first = first < 0 ? i : first;
                }
            }
        }
        // the tolerance of label images (≥ 99.99 % equal): stage 1 agrees with ilastik to float rounding
        assertThat(differ).as("converted probabilities differing from trunc(255·p_ilastik), first at pixel %d", first)
                .isLessThanOrEqualTo(3 * pixels / 10000);
    }
}
