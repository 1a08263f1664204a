package org.jilastik.features;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One time point's (input channel, scale) work on an executor, as finer tasks: a column that has the structure
 * tensor eigenvalues and other features runs as two tasks sharing one pre-smoothed image — the first pre-smooths,
 * hands the tensor part to the pool and goes on with the derivative features; whichever finishes last gives the
 * pre-smoothed image back. With 6–7 columns for 2 workers, whole columns leave one worker idle at the end; halves
 * balance better and recompute nothing. Workers never wait on each other (no deadlock on a fixed pool); the
 * calling thread waits for all parts. Values are those of {@link ScaleFilters#compute}.
 */
final class ScaleTasks {
    private ScaleTasks() {
    }

    /**
     * Computes every column of {@code columns} for every input channel into {@code planes} and returns when all
     * are done; {@code meanwhile} runs in the calling thread while the workers compute.
     *
     * @param raws one input plane per input channel, over {@code rawFrame}
     * @throws RuntimeException the first failure of any part (after all parts have ended)
     */
    static void run(List<ScaleFilters> columns, float[][] raws, Frame rawFrame, Frame target, float[][] planes,
            Scratch scratch, ExecutorService executor, Runnable meanwhile) throws InterruptedException {
        int parts = 0;
        for (ScaleFilters f : columns) {
            parts += f.splits() ? 2 : 1;
        }
        CountDownLatch done = new CountDownLatch(parts * raws.length);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int c = 0; c < raws.length; c++) {
            float[] raw = raws[c];
            int channel = c;
            for (ScaleFilters f : columns) {
                if (!f.splits()) {
                    submit(executor, done, failure, 1,
                            () -> f.compute(raw, rawFrame, target, channel, planes, scratch));
                    continue;
                }
                boolean[] tensorHanded = {false};
                Runnable derivatives = () -> {
                    float[] p = f.presmooth(raw, rawFrame, target, scratch);
                    AtomicInteger readers = new AtomicInteger(2);
                    Runnable release = () -> {
                        if (readers.decrementAndGet() == 0) {
                            scratch.give(p);
                        }
                    };
                    tensorHanded[0] = true;
                    submit(executor, done, failure, 1, () -> {
                        try {
                            f.features(p, target, channel, planes, scratch, ScaleFilters.Part.TENSOR);
                        } finally {
                            release.run();
                        }
                    });
                    try {
                        f.features(p, target, channel, planes, scratch, ScaleFilters.Part.DERIVATIVES);
                    } finally {
                        release.run();
                    }
                };
                // until this part has handed the tensor part over, it counts for both (on failure or rejection)
                submit(executor, done, failure, 2, () -> {
                    try {
                        derivatives.run();
                    } catch (RuntimeException | Error e) {
                        if (!tensorHanded[0]) {
                            done.countDown();
                        }
                        throw e;
                    }
                });
            }
        }
        meanwhile.run();
        done.await();
        Throwable t = failure.get();
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
    }

    /**
     * Runs {@code body} on the executor and counts {@code done} down once when it ends, normally or not; if the
     * executor refuses it, counts down {@code refusedCounts} times (the parts that will never run).
     */
    private static void submit(ExecutorService executor, CountDownLatch done, AtomicReference<Throwable> failure,
            int refusedCounts, Runnable body) {
        Runnable part = () -> {
            try {
                body.run();
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            } finally {
                done.countDown();
            }
        };
        try {
            executor.execute(part);
        } catch (RuntimeException rejected) {
            failure.compareAndSet(null, rejected);
            for (int i = 0; i < refusedCounts; i++) {
                done.countDown();
            }
        }
    }
}
