package org.jilastik.features;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * <p>Two output layouts: channel-last ({@link #compute}, {@link #computeParallel}; what the Features export
 * writes) and channel planes ({@link #computePlanes}; what the forest reads, without interleaving the channels
 * only to transpose them back).
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
        try {
            return computeParallel(input, outputBox, null, 1);
        } catch (InterruptedException e) {
            throw new IllegalStateException("not reachable without an executor", e);
        }
    }

    /**
     * Like {@link #compute(Block, Box)}, with the independent (input channel, scale) computations of each time
     * point running as separate tasks on {@code executor} (no halo is computed twice); the result is identical.
     *
     * <p>Tasks are submitted largest first (by pre-smoothing radius), so that a few workers finish together
     * (longest-processing-time order); a column with the structure tensor and other features runs as two tasks
     * sharing its pre-smoothed image ({@link ScaleTasks}). They share one {@link Scratch} pool, so intermediates
     * are recycled across tasks rather than allocated anew. When all of a time point's planes exist they are
     * interleaved into the channel-last output once, by row ranges in parallel: interleaving per task would read
     * and rewrite every cache line of the output once per task (the output is as large as all planes together,
     * 690 MB for the 41-channel 2048² set), which made two threads barely faster than one. Memory: the output plus
     * one time point's planes plus the running tasks' intermediates.
     *
     * <p>An output one plane thick with an edge above {@link #TILE_EDGE} is instead computed tile by tile, one task
     * per tile ({@link TiledFeatures}; the tile borders' halo is recomputed, and the intermediates stay in cache).
     * {@link #compute(Block, Box)} takes the same path in the calling thread.
     *
     * @param executor the workers, or null to compute in the calling thread
     * @param tasks    the number of workers of {@code executor} (sizes the interleave's row ranges)
     */
    public float[] computeParallel(Block input, Box outputBox, ExecutorService executor, int tasks)
            throws InterruptedException {
        return computeInto(input, outputBox, executor, tasks, null);
    }

    /**
     * {@link #computeParallel}, written into {@code into} when it is not null: a caller that computes many boxes
     * of one size reuses its output array instead of having the JVM allocate and zero a new one per call (690 MB
     * for the 41-channel set of a 2048² image). Every element of {@code into} is overwritten.
     *
     * @param into the output (length: pixels of the box × {@link FeaturePlan#channelCount()}), or null for a new
     *             array
     * @return {@code into}, or the new array
     * @throws IllegalArgumentException if {@code into} has another length
     */
    public float[] computeInto(Block input, Box outputBox, ExecutorService executor, int tasks, float[] into)
            throws InterruptedException {
        Layout lay = new Layout(plan, outputBox);
        int outLength = Math.multiplyExact(lay.pixels(), plan.channelCount());
        if (into != null && into.length != outLength) {
            throw new IllegalArgumentException("output array of " + into.length + " floats for " + outLength
                    + " feature values");
        }
        Frame target = lay.frame();
        if (target.size(Frame.Z) == 1 && (target.size(Frame.Y) > TILE_EDGE || target.size(Frame.X) > TILE_EDGE)) {
            return computeTiled(input, outputBox, executor, TILE_EDGE, into);
        }
        float[][] out = {into};
        int rows = target.size(Frame.Z) * target.size(Frame.Y);
        int ranges = executor == null ? 1 : Math.min(rows, 4 * Math.max(1, tasks));
        Scratch scratch = new Scratch();
        // The output (as large as all channel planes) is allocated, i.e. zeroed, by this thread while the workers
        // compute the first time point, instead of before they start.
        Runnable allocate = into != null ? () -> { } : () -> out[0] = new float[outLength];
        forEachTimePoint(input, outputBox, executor, scratch, allocate, (time, planes) -> {
            List<Callable<Object>> parts = new ArrayList<>();
            for (int r = 0; r < ranges; r++) {
                int from = (int) ((long) rows * r / ranges);
                int to = (int) ((long) rows * (r + 1) / ranges);
                parts.add(Executors.callable(() -> lay.interleave(planes, target, time, out[0], from, to)));
            }
            runAll(parts, executor);
            for (float[] p : planes) {
                scratch.give(p);
            }
        });
        return out[0];
    }

    /**
     * Largest edge of the tiles a single-plane output is computed in (see {@link TiledFeatures}): 512² pixels keep
     * a column's intermediates (about 1.3 MB per plane with the largest halos) in the caches.
     */
    static final int TILE_EDGE = 512;

    /**
     * {@link #computeInto} in tiles of at most {@code edge}² pixels ({@link TiledFeatures}); z extent 1, {@code into}
     * of the right length or null.
     */
    float[] computeTiled(Block input, Box outputBox, ExecutorService executor, int edge, float[] into)
            throws InterruptedException {
        checkCovers(input, outputBox);
        return new TiledFeatures(plan, filters).compute(input, outputBox, executor, edge, into);
    }

    /**
     * All feature channels on {@code outputBox} as one plane per channel: {@code planes[ch]} holds channel ch over
     * the output box in C-order {@code (t)(z)yx}, so pixel i of the box (the i-th of
     * {@link #compute(Block, Box)}'s output) is {@code planes[ch][i]}. Same values as {@link #compute}; no
     * interleaving pass and no second copy of the features. The arrays are new and owned by the caller.
     *
     * @param executor the workers for the (input channel, scale) tasks, or null to compute in the calling thread
     */
    public float[][] computePlanes(Block input, Box outputBox, ExecutorService executor)
            throws InterruptedException {
        Layout lay = new Layout(plan, outputBox);
        int perTime = lay.frame().numElements();
        float[][][] whole = new float[1][][];
        forEachTimePoint(input, outputBox, executor, new Scratch(), () -> { }, (time, planes) -> {
            if (lay.pixels() == perTime) {
                whole[0] = planes;
                return;
            }
            if (whole[0] == null) {
                whole[0] = new float[planes.length][lay.pixels()];
            }
            int at = lay.timeIndex(time) * perTime;
            for (int ch = 0; ch < planes.length; ch++) {
                System.arraycopy(planes[ch], 0, whole[0][ch], at, perTime);
            }
        });
        return whole[0];
    }

    /** Receives one time point's complete channel planes (over the output frame), now owned by the receiver. */
    private interface TimePointPlanes {
        void accept(long time, float[][] planes) throws InterruptedException;
    }

    // `meanwhile` runs once in this thread while the workers compute the first time point (before it, without
    // an executor)
    private void forEachTimePoint(Block input, Box outputBox, ExecutorService executor, Scratch scratch,
            Runnable meanwhile, TimePointPlanes sink) throws InterruptedException {
        checkCovers(input, outputBox);
        InputPlanes inputs = new InputPlanes(input, plan);
        Frame target = new Layout(plan, outputBox).frame();
        int tIndex = plan.axes().indexOf('t');
        long t0 = tIndex < 0 ? 0 : outputBox.start(tIndex);
        int nt = tIndex < 0 ? 1 : (int) outputBox.size(tIndex);
        List<ScaleFilters> largestFirst = new ArrayList<>(filters);
        if (executor != null) {
            largestFirst.sort((a, b) -> Integer.compare(b.step().halo(), a.step().halo()));
        }
        for (int t = 0; t < nt; t++) {
            long time = t0 + t;
            float[][] planes = new float[plan.channelCount()][];
            Runnable now = t == 0 ? meanwhile : () -> { };
            if (executor != null) {
                float[][] raws = new float[plan.inputChannels()][];
                for (int c = 0; c < raws.length; c++) {
                    raws[c] = inputs.plane(time, c);
                }
                ScaleTasks.run(largestFirst, raws, inputs.frame(), target, planes, scratch, executor, now);
            } else {
                now.run();
                for (int c = 0; c < plan.inputChannels(); c++) {
                    float[] raw = inputs.plane(time, c);
                    for (ScaleFilters f : largestFirst) {
                        f.compute(raw, inputs.frame(), target, c, planes, scratch);
                    }
                }
            }
            sink.accept(time, planes);
        }
    }

    // Runs the tasks on the executor (or here, in order, when it is null) and waits for all of them.
    private static void runAll(List<Callable<Object>> tasks, ExecutorService executor) throws InterruptedException {
        runAll(tasks, executor, () -> { });
    }

    // As above; `meanwhile` runs in this thread after the tasks are submitted (before them, without an executor)
    // and must not throw.
    static void runAll(List<Callable<Object>> tasks, ExecutorService executor, Runnable meanwhile)
            throws InterruptedException {
        if (executor == null) {
            meanwhile.run();
            for (Callable<Object> t : tasks) {
                try {
                    t.call();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            return;
        }
        List<Future<?>> futures = new ArrayList<>();
        for (Callable<Object> t : tasks) {
            futures.add(executor.submit(t));
        }
        meanwhile.run();
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
}
