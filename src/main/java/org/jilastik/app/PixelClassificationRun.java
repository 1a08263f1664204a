package org.jilastik.app;

import org.jilastik.array.Axes;
import java.util.concurrent.ExecutorService;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.jilastik.error.JilastikException;
import org.jilastik.features.FeaturePlan;
import org.jilastik.io.ImageSource;
import org.jilastik.project.Project;
import org.jilastik.workflow.pixel.PixelExportSource;
import org.jilastik.workflow.pixel.PixelPipeline;
import org.jilastik.workflow.pixel.TrainedStage;

/**
 * Pixel Classification for {@link LaneExport}: loads the project's trained stage once and plans, per lane image,
 * features → forest → export source for any tile. Immutable.
 */
final class PixelClassificationRun implements LanePipeline.Factory {
    private final TrainedStage stage;

    PixelClassificationRun(Project project) {
        if (project.pixelStages().isEmpty()) {
            throw JilastikException.processing(project.path() + " holds no feature selection or classifier; open it"
                    + " in ilastik, train the classifier and save the project");
        }
        this.stage = TrainedStage.of(project.pixelStages().getFirst());
    }

    /** With a stage trained by this run ({@link Retraining}). */
    PixelClassificationRun(TrainedStage stage) {
        this.stage = stage;
    }

    @Override
    public LanePipeline plan(Axes axes, long[] shape, DType rawDtype, String sourceName) {
        PixelPipeline pipeline = new PixelPipeline(stage, FeaturePlan.of(stage.features(), axes, shape));
        PixelExportSource source = PixelExportSource.byName(sourceName);
        return new LanePipeline() {
            @Override
            public String sourceName() {
                return source.displayName();
            }

            @Override
            public DType dtype() {
                return source.dtype();
            }

            @Override
            public int channels() {
                return pipeline.channels(source);
            }

            @Override
            public Number drangeLow() {
                return PixelClassificationRun.drangeLow(source, rawDtype);
            }

            @Override
            public Number drangeHigh() {
                return PixelClassificationRun.drangeHigh(source, rawDtype);
            }

            @Override
            public long[] tileShape(long workingBytes, long maxEdge) {
                return pipeline.tileShape(workingBytes, maxEdge);
            }

            @Override
            public Block compute(ImageSource image, ImageSource mask, Box box) {
                return PixelClassificationRun.compute(pipeline, source, image, mask, box, null, 1);
            }

            @Override
            public boolean computesWithinBlock() {
                return filtersAlongZ(pipeline.plan());
            }

            @Override
            public Block compute(ImageSource image, ImageSource mask, Box box, ExecutorService pool, int workers) {
                return PixelClassificationRun.compute(pipeline, source, image, mask, box, pool, workers);
            }
        };
    }

    // 3-D filters pay their halo on every face of a block: few large blocks, each computed by all workers
    // together, beat many blocks computed side by side (less recomputed halo, one block's memory instead of one
    // per worker). 2-D blocks are cheap to cut: one block per worker.
    private static boolean filtersAlongZ(FeaturePlan plan) {
        int z = plan.axes().indexOf('z');
        return z >= 0 && plan.halo()[z] > 0;
    }

    private static Block compute(PixelPipeline pipeline, PixelExportSource source, ImageSource image,
            ImageSource mask, Box box, ExecutorService pool, int workers) {
        FeaturePlan plan = pipeline.plan();
        int c = plan.axes().indexOf('c');
        // Features are computed on all channels of the input; the cutout may ask for fewer output channels.
        Box spatial = withChannels(box, c, 0, image.shape()[c]);
        Block input = image.read(plan.inputBox(spatial));
        Block maskBlock = mask == null ? null : mask.read(withChannels(box, c, 0, 1));
        return pipeline.compute(source, input, spatial, maskBlock, pool, workers);
    }

    static Box withChannels(Box box, int c, long start, long stop) {
        long[] s = box.start();
        long[] e = box.stop();
        s[c] = start;
        e[c] = stop;
        return new Box(s, e);
    }

    /** The data range ilastik gives a pixel-wise source (probability-like: 0..1; features of uint8: 0..255). */
    static Number drangeLow(PixelExportSource s, DType raw) {
        return switch (s) {
            case PROBABILITIES, SIMPLE_SEGMENTATION, UNCERTAINTY -> 0.0;
            case FEATURES -> raw == DType.UINT8 ? 0 : null;
            case LABELS -> null;
        };
    }

    /** See {@link #drangeLow}. */
    static Number drangeHigh(PixelExportSource s, DType raw) {
        return switch (s) {
            case PROBABILITIES, SIMPLE_SEGMENTATION, UNCERTAINTY -> 1.0;
            case FEATURES -> raw == DType.UINT8 ? 255 : null;
            case LABELS -> null;
        };
    }
}
