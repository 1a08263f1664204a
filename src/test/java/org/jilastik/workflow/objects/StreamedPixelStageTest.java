package org.jilastik.workflow.objects;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jilastik.array.Axes;
import org.jilastik.features.FeaturePlan;
import org.jilastik.io.ImageSource;
import org.jilastik.io.PipelineAxisOrder;
import org.jilastik.io.ReorderedSource;
import org.jilastik.io.hdf5.Hdf5Source;
import org.jilastik.project.ProjectReader;
import org.jilastik.workflow.pixel.PixelPipeline;
import org.jilastik.workflow.pixel.TrainedStage;
import org.junit.jupiter.api.Test;

/**
 * The pixel variant's probability maps computed box by box ({@link PixelStageFrames#region}, as the blockwise
 * threshold step asks for them: blocks grown by the smoothing halo, serially and with a pool) are the values of the
 * whole frame computed as one tile, bit for bit, in 2-D (a 3-class 2-D pixel stage on the object case's raw
 * image) and 3-D (the 61-feature 3-D reference project on its 64³ volume).
 */
class StreamedPixelStageTest {
    private static final Path REF = Path.of("../shared/testdata/ilastik-ref");

    private static void assertRegionsEqualWholeFrame(Path ilp, Path h5, int[][][] boxes) {
        TrainedStage stage = TrainedStage.of(ProjectReader.read(ilp).pixelStages().getFirst());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (ImageSource src = Hdf5Source.open(h5, "data", "raw")) {
            Axes axes = PipelineAxisOrder.pixelClassification(src.axes(), src.shape());
            ImageSource view = new ReorderedSource(src, axes);
            PixelPipeline pp = new PixelPipeline(stage, FeaturePlan.of(stage.features(), axes, view.shape()));
            long[] oneTile = view.shape();
            PixelStageFrames frames = new PixelStageFrames(pp, view, oneTile);
            int[] shape = {1, 1, 1};
            for (int k = 0; k < 3; k++) {
                int i = axes.indexOf("zyx".charAt(k));
                shape[k] = i < 0 ? 1 : (int) view.shape()[i];
            }
            int classes = frames.classes();
            float[] whole = frames.frame(0, shape);
            for (int[][] b : boxes) {
                for (ExecutorService p : new ExecutorService[] {null, pool}) {
                    float[] got = frames.region(0, b[0], b[1], p, 2);
                    assertThat(got).hasSize(FrameAccess.volume(b[0], b[1]) * classes);
                    int i = 0;
                    for (int z = b[0][0]; z < b[1][0]; z++) {
                        for (int y = b[0][1]; y < b[1][1]; y++) {
                            for (int x = b[0][2]; x < b[1][2]; x++) {
                                for (int c = 0; c < classes; c++, i++) {
                                    float e = whole[((z * shape[1] + y) * shape[2] + x) * classes + c];
                                    if (Float.floatToIntBits(got[i]) != Float.floatToIntBits(e)) {
                                        throw new AssertionError("box " + java.util.Arrays.deepToString(b)
                                                + " pixel z" + z + " y" + y + " x" + x + " class " + c + ": got "
                                                + got[i] + ", whole frame " + e);
                                    }
                                }
                            }
                        }
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void regions2dEqualTheWholeFrame() {
        assertRegionsEqualWholeFrame(REF.resolve("export-options/ex2d_pc.ilp"),
                REF.resolve("oc-from-segmentation-2d/ocseg_raw.h5"), new int[][][] {
                    {{0, 0, 0}, {1, 18, 18}}, {{0, 37, 101}, {1, 90, 125}}, {{0, 180, 200}, {1, 200, 240}}});
    }

    @Test
    void regions3dEqualTheWholeFrame() {
        assertRegionsEqualWholeFrame(REF.resolve("new-3d-allfeatures/blobs3d_pc.ilp"),
                REF.resolve("new-3d-allfeatures/blobs3d.h5"), new int[][][] {
                    {{0, 0, 0}, {18, 18, 18}}, {{21, 5, 40}, {39, 30, 64}}});
    }
}
