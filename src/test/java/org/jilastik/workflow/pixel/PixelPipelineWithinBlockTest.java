package org.jilastik.workflow.pixel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.features.FeaturePlan;
import org.jilastik.io.hdf5.Hdf5Source;
import org.jilastik.project.ProjectReader;
import org.junit.jupiter.api.Test;

/**
 * One block computed by several workers together (features per scale task, forest per pixel slice) gives the
 * same bytes as the block computed on one thread, for every export source of a 3-D project.
 */
class PixelPipelineWithinBlockTest {
    private static final Path CASE = Path.of("../shared/testdata/ilastik-ref/new-3d-allfeatures");

    @Test
    void withinBlockParallelismChangesNoBit() throws Exception {
        TrainedStage stage = TrainedStage.of(ProjectReader.read(CASE.resolve("blobs3d_pc.ilp")).pixelStages()
                .getFirst());
        Block raw;
        try (Hdf5Source in = Hdf5Source.open(CASE.resolve("blobs3d.h5"), "data", "blobs3d.h5/data")) {
            raw = in.readAll();
        }
        assertThat(raw.axes().letters()).isEqualTo("zyx");
        int[] s = raw.shape();
        Block input = new Block(Axes.of("zyxc"), Box.ofShape(new long[] {s[0], s[1], s[2], 1}), raw.dtype(),
                raw.data());
        FeaturePlan plan = FeaturePlan.of(stage.features(), input.axes(), input.box().shape());
        PixelPipeline pipeline = new PixelPipeline(stage, plan);
        // an interior block whose pixel count gives the forest several slices of at least 8192 pixels
        Box out = new Box(new long[] {2, 3, 4, 0}, new long[] {s[0] - 1, s[1] - 2, s[2] - 3, 1});
        assertThat(out.numElements()).isGreaterThan(4 * 8192);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (PixelExportSource source : PixelExportSource.values()) {
                Block one = pipeline.compute(source, input, out, null);
                Block many = pipeline.compute(source, input, out, null, pool, 3);
                assertThat(many.box()).isEqualTo(one.box());
                assertThat(many.dtype()).isEqualTo(one.dtype());
                assertThat(java.util.Objects.deepEquals(many.data(), one.data())).as(source.name()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
