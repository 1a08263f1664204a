package org.jilastik.features;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.jilastik.array.Block;
import org.jilastik.array.Box;

/**
 * Computes the channels of a {@link FeaturePlan} for any output box of an image, block by block.
 *
 * <p>Input: a {@link Block} of any dtype with the plan's axes ({@code (t)(z)yx(c)}), covering at least
 * {@link FeaturePlan#inputBox(Box) plan.inputBox(outputBox)}; values are cast to float32 as ilastik does (plain
 * cast, unsigned types read as unsigned). Output: a new {@code float[]} in C-order over the output box with the
 * channel axis last and fastest: {@code ((t·Z + z)·Y + y)·X + x)·channels + channel} (axes without t or z drop
 * that factor), exactly the layout of ilastik's Features export. The output box's extent on {@code c} (if any) is
 * ignored: all {@link FeaturePlan#channelCount()} channels are computed.
 *
 * <p>Results are bit-identical for any blocking (and any thread count): every value depends only on image
 * coordinates, and mirroring happens only at true image borders.
 *
 * <p>Thread safety: immutable after construction; {@link #compute} may be called from many threads at once
 * (each call uses its own {@link Scratch} pool, shared by the tasks of {@link #computeParallel}: about 6–12 float
 * arrays of the block's size per running scale at a time, reused across passes).
 */
public final class FeatureComputer {
    private final FeaturePlan plan;
    private final List<ScaleFilters> filters;

    /** Builds the kernels of every planned scale. */
    public FeatureComputer(FeaturePlan plan) {
        this.plan = plan;
        List<ScaleFilters> f = new ArrayList<>();
        for (ScaleStep s : plan.steps()) {
            f.add(new ScaleFilters(s));
        }
        this.filters = List.copyOf(f);
    }

    /** The plan this computer executes. */
    public FeaturePlan plan() {
        return plan;
    }

    /**
     * Computes all feature channels on {@code outputBox}.
     *
     * @param input     image block (axes = plan axes) covering {@code plan.inputBox(outputBox)}
     * @param outputBox region of the image to compute, in plan axes (its c extent is ignored)
     * @return float32 values, C-order over the output box with channels last (see class comment)
     * @throws IllegalArgumentException if the block's axes differ from the plan's or it does not cover the input
     *                                  box
     */
    public float[] compute(Block input, Box outputBox) {
        Layout lay = new Layout(plan, outputBox);
        float[] out = new float[Math.multiplyExact(lay.pixels(), plan.channelCount())];
        compute(input, outputBox, out, lay, lay);
        return out;
    }

    /**
     * Like {@link #compute(Block, Box)}, with the independent (input channel, scale) computations of each time
     * point running as separate tasks on {@code executor} (no halo is computed twice); the result is identical.
     *
     * <p>Tasks are submitted largest first (by pre-smoothing radius), so that a few workers finish together
     * (longest-processing-time order). They share one {@link Scratch} pool, so intermediates are recycled across
     * tasks rather than allocated anew. When all of a time point's planes exist they are interleaved into the
     * channel-last output once, by row ranges in parallel: interleaving per task would read and rewrite every
     * cache line of the output once per task (the output is as large as all planes together, 690 MB for the
     * 41-channel 2048² set), which made two threads barely faster than one. Memory: the output plus one time
     * point's planes plus the running tasks' intermediates, as in {@link #compute(Block, Box)}.
     *
     * @param tasks the number of workers of {@code executor} (sizes the interleave's row ranges)
     */
    public float[] computeParallel(Block input, Box outputBox, ExecutorService executor, int tasks)
            throws InterruptedException {
        Layout lay = new Layout(plan, outputBox);
        float[] out = new float[Math.multiplyExact(lay.pixels(), plan.channelCount())];
        checkCovers(input, outputBox);
        InputPlanes inputs = new InputPlanes(input, plan);
        Frame target = lay.frame();
        int tIndex = plan.axes().indexOf('t');
        long t0 = tIndex < 0 ? 0 : outputBox.start(tIndex);
        int nt = tIndex < 0 ? 1 : (int) outputBox.size(tIndex);
        List<ScaleFilters> largestFirst = new ArrayList<>(filters);
        largestFirst.sort((a, b) -> Integer.compare(b.step().halo(), a.step().halo()));
        Scratch scratch = new Scratch();
        int rows = target.size(Frame.Z) * target.size(Frame.Y);
        int ranges = Math.min(rows, 4 * Math.max(1, tasks));
        for (int t = 0; t < nt; t++) {
            long time = t0 + t;
            float[][] planes = new float[plan.channelCount()][];
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < plan.inputChannels(); c++) {
                float[] raw = inputs.plane(time, c);
                int channel = c;
                for (ScaleFilters f : largestFirst) {
                    // fills only its own channels of `planes`; Future.get publishes them
                    futures.add(executor.submit(() -> f.compute(raw, inputs.frame(), target, channel, planes,
                            scratch)));
                }
            }
            awaitAll(futures);
            futures.clear();
            for (int r = 0; r < ranges; r++) {
                int from = (int) ((long) rows * r / ranges);
                int to = (int) ((long) rows * (r + 1) / ranges);
                futures.add(executor.submit(() -> lay.interleave(planes, target, time, out, from, to)));
            }
            awaitAll(futures);
            for (float[] p : planes) {
                scratch.give(p);
            }
        }
        return out;
    }

    private static void awaitAll(List<Future<?>> futures) throws InterruptedException {
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (ExecutionException ex) {
            futures.forEach(f -> f.cancel(true));
            if (ex.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(ex.getCause());
        }
    }

    private void checkCovers(Block input, Box outputBox) {
        if (!input.axes().equals(plan.axes())) {
            throw new IllegalArgumentException("block axes " + input.axes() + " differ from the plan's " + plan.axes());
        }
        Box need = plan.inputBox(outputBox);
        if (!input.box().contains(need)) {
            throw new IllegalArgumentException("block " + input.box() + " does not cover " + need
                    + " (output box grown by the feature halo)");
        }
    }

    /** Computes {@code part} into {@code out}, which is laid out for the (larger or equal) box {@code whole}. */
    private void compute(Block input, Box outputBox, float[] out, Layout whole, Layout part) {
        checkCovers(input, outputBox);
        InputPlanes inputs = new InputPlanes(input, plan);
        Frame rawFrame = inputs.frame();
        Frame target = part.frame();
        int channels = plan.channelCount();
        int tIndex = plan.axes().indexOf('t');
        long t0 = tIndex < 0 ? 0 : outputBox.start(tIndex);
        int nt = tIndex < 0 ? 1 : (int) outputBox.size(tIndex);
        Scratch scratch = new Scratch();
        float[][] planes = new float[channels][];
        for (int t = 0; t < nt; t++) {
            for (int c = 0; c < plan.inputChannels(); c++) {
                float[] raw = inputs.plane(t0 + t, c);
                for (ScaleFilters f : filters) {
                    f.compute(raw, rawFrame, target, c, planes, scratch);
                }
            }
            // one interleave of all channels: the output is written once (interleaving column by column would
            // sweep the whole channel-last output once per column)
            whole.interleave(planes, target, t0 + t, out);
            for (int ch = 0; ch < channels; ch++) {
                scratch.give(planes[ch]);
                planes[ch] = null;
            }
        }
    }
}
