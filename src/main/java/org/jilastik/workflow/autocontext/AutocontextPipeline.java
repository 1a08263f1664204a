package org.jilastik.workflow.autocontext;

import java.util.ArrayList;
import java.util.List;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.jilastik.features.FeaturePlan;
import org.jilastik.workflow.autocontext.AutocontextExportSource.Kind;
import org.jilastik.workflow.pixel.PixelExportSource;
import org.jilastik.workflow.pixel.PixelPipeline;
import org.jilastik.workflow.pixel.TrainedStage;

/**
 * Computes an Autocontext export source for one block: a chain of Pixel Classification stages, stage k seeing the
 * raw channels plus stage k−1's probabilities converted to the raw dtype ({@link StageInput}).
 *
 * <p>Halos chain: to have stage k on a box B_k, stage k−1 is computed on B_{k−1} = B_k grown by stage k's feature
 * halo (clipped to the image), and so on down to stage 1, whose raw input is B_1 grown by stage 1's halo. Every
 * stage's values on such a box equal the whole-image values (features depend only on image coordinates, the
 * forest is per pixel), so the result does not depend on the blocking. Nothing beyond the block grown by the
 * chained halo is held.
 *
 * <p>Blocks are in the pipeline axis order {@code (t)(z)yxc} (channel last), each stage's own
 * {@link PixelPipeline} does features → forest → segmentation/uncertainty. Immutable; {@link #compute} may run on
 * many threads at once.
 */
public final class AutocontextPipeline {
    private final Axes axes;
    private final long[] rawShape;
    private final DType rawDtype;
    private final List<PixelPipeline> stages;

    private AutocontextPipeline(Axes axes, long[] rawShape, DType rawDtype, List<PixelPipeline> stages) {
        this.axes = axes;
        this.rawShape = rawShape;
        this.rawDtype = rawDtype;
        this.stages = stages;
    }

    /**
     * Plans every stage for one raw image.
     *
     * @param trained  the trained stages in order (at least one)
     * @param axes     pipeline axes of the raw image, channel last
     * @param rawShape raw extents per axis
     * @param rawDtype raw dtype: every stage's input has it
     * @throws org.jilastik.error.JilastikException (processing) when a stage's classifier does not fit its features
     *                                              or the image is too small for a feature scale
     */
    public static AutocontextPipeline of(List<TrainedStage> trained, Axes axes, long[] rawShape, DType rawDtype) {
        if (trained.isEmpty() || axes.get(axes.size() - 1) != 'c') {
            throw new IllegalArgumentException("autocontext needs stages and axes with c last, got " + trained.size()
                    + " stages and axes " + axes);
        }
        int c = axes.size() - 1;
        List<PixelPipeline> pipelines = new ArrayList<>();
        long[] shape = rawShape.clone();
        for (TrainedStage stage : trained) {
            pipelines.add(new PixelPipeline(stage, FeaturePlan.of(stage.features(), axes, shape)));
            shape = rawShape.clone();
            shape[c] = rawShape[c] + stage.classCount();
        }
        return new AutocontextPipeline(axes, rawShape.clone(), rawDtype, List.copyOf(pipelines));
    }

    /** Number of stages. */
    public int stageCount() {
        return stages.size();
    }

    /** Stage {@code k} (1-based) as a Pixel Classification pipeline on that stage's input. */
    public PixelPipeline stage(int k) {
        return stages.get(k - 1);
    }

    /** The pipeline axes. */
    public Axes axes() {
        return axes;
    }

    /** Channels the source has. */
    public int channels(AutocontextExportSource source) {
        return switch (source.kind()) {
            case INPUT -> stage(source.stage()).plan().inputChannels();
            case ALL_STAGES -> stages.stream().mapToInt(p -> p.channels(PixelExportSource.PROBABILITIES)).sum();
            default -> stage(source.stage()).channels(source.kind().pixelSource());
        };
    }

    /** dtype of the source before export conversion. */
    public DType dtype(AutocontextExportSource source) {
        return source.dtype(rawDtype);
    }

    /** The halo of the whole chain per axis: the sum of the stages' feature halos (0 on t and c). */
    public long[] halo() {
        long[] h = new long[axes.size()];
        for (PixelPipeline p : stages) {
            long[] s = p.plan().halo();
            for (int i = 0; i < h.length; i++) {
                h[i] += s[i];
            }
        }
        return h;
    }

    /**
     * Working bytes per pixel of a block grown by {@link #halo()}, for tile sizing: the largest stage's working
     * set plus the raw block, the stacked stage input and the probabilities kept for the all-stages source.
     */
    public long bytesPerPixel() {
        long stage = 0;
        long classes = 0;
        long maxClasses = 0;
        for (PixelPipeline p : stages) {
            stage = Math.max(stage, p.bytesPerPixel());
            int n = p.channels(PixelExportSource.PROBABILITIES);
            classes += n;
            maxClasses = Math.max(maxClasses, n);
        }
        long rawChannels = rawShape[axes.size() - 1];
        return stage + (long) rawDtype.byteSize() * (2 * rawChannels + maxClasses) + 4L * classes;
    }

    /**
     * Block extents per axis ({@code t} 1, {@code c} whole, spatial axes within one worker's memory for the block
     * grown by the chained halo), by the same rule as Pixel Classification
     * ({@link PixelPipeline#tileShape(Axes, long[], long[], long, long, long)}).
     */
    public long[] tileShape(long workingBytes, long maxEdge) {
        return PixelPipeline.tileShape(axes, rawShape, halo(), bytesPerPixel(), workingBytes, maxEdge);
    }

    /**
     * The raw region {@link #compute} needs for {@code outBox} (all raw channels; clipped to the image).
     *
     * @param outBox the region to compute, pipeline axes (its channel extent is ignored)
     */
    public Box rawBox(AutocontextExportSource source, Box outBox) {
        int last = lastComputedStage(source);
        if (last == 0) {
            return withChannels(outBox, 0, rawShape[axes.size() - 1]);
        }
        return stage(1).plan().inputBox(stageBoxes(last, outBox)[1]);
    }

    /**
     * Computes {@code source} on {@code outBox}.
     *
     * @param raw    raw image block in pipeline axes covering {@link #rawBox rawBox(source, outBox)}
     * @param outBox the region to compute, pipeline axes (its channel extent is ignored)
     * @param mask   prediction mask (one channel, nonzero = predict) covering {@code rawBox(source, outBox)}
     *               spatially, or null for none; applied to every stage's prediction
     * @return a new block over {@code outBox} with all the source's channels
     */
    public Block compute(AutocontextExportSource source, Block raw, Box outBox, Block mask) {
        int c = axes.size() - 1;
        if (source.kind() == Kind.LABELS) {
            // Batch inputs carry no labels: ilastik exports an all-zero label image for them.
            return Block.allocate(axes, withChannels(outBox, 0, 1), DType.UINT8);
        }
        int last = lastComputedStage(source);
        Box[] boxes = stageBoxes(last, outBox);
        boolean collect = source.kind() == Kind.ALL_STAGES;
        List<Block> collected = new ArrayList<>();
        // stages whose probabilities are needed before the source's own stage (all of them for ALL_STAGES)
        int upTo = source.kind() == Kind.ALL_STAGES ? stages.size() : source.stage() - 1;
        Block input = raw;
        Block probabilities = null;
        for (int j = 1; j <= upTo; j++) {
            if (j > 1) {
                input = StageInput.stack(raw, probabilities);
            }
            probabilities = stage(j).compute(PixelExportSource.PROBABILITIES, input, boxes[j], maskOn(mask, boxes[j]));
            if (collect) {
                collected.add(ChannelBlocks.crop(probabilities, withChannels(outBox, 0, probabilities.box().size(c))));
            }
        }
        return switch (source.kind()) {
            case ALL_STAGES -> ChannelBlocks.concatChannels(collected);
            case INPUT -> source.stage() == 1 ? ChannelBlocks.crop(raw, withChannels(outBox, 0, rawShape[c]))
                    : StageInput.stack(raw, probabilities);
            default -> {
                int t = source.stage();
                Block stageInput = t == 1 ? raw : StageInput.stack(raw, probabilities);
                yield stage(t).compute(source.kind().pixelSource(), stageInput, boxes[t], maskOn(mask, boxes[t]));
            }
        };
    }

    // The last stage whose output the source needs on the requested box itself (0: only raw data).
    private static int lastComputedStage(AutocontextExportSource source) {
        return switch (source.kind()) {
            case LABELS -> 0;
            case INPUT -> source.stage() - 1;
            default -> source.stage();
        };
    }

    // boxes[last] = outBox; boxes[j - 1] = boxes[j] grown by stage j's halo (clipped): where stage j−1 is needed.
    private Box[] stageBoxes(int last, Box outBox) {
        Box[] boxes = new Box[last + 1];
        if (last == 0) {
            return boxes;
        }
        boxes[last] = outBox;
        for (int j = last; j >= 2; j--) {
            boxes[j - 1] = stage(j).plan().inputBox(boxes[j]);
        }
        return boxes;
    }

    private Block maskOn(Block mask, Box box) {
        return mask == null ? null : ChannelBlocks.crop(mask, withChannels(box, 0, 1));
    }

    private Box withChannels(Box box, long start, long stop) {
        int c = axes.size() - 1;
        long[] s = box.start();
        long[] e = box.stop();
        s[c] = start;
        e[c] = stop;
        return new Box(s, e);
    }
}
