package org.jilastik.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one task per block on a fixed number of worker threads.
 *
 * <p>Workers pull the next block index from a shared counter, so at most {@code workers} blocks are in flight
 * and memory stays bounded by the per-block working set. The first failure stops all workers from taking new
 * blocks and is rethrown in the caller. With 0 threads every block runs in the calling thread (lazyflow's
 * {@code LAZYFLOW_THREADS=0}). The task must be safe to call from several threads for different blocks.
 */
public final class BlockRunner {
    /** Work done for one block. */
    @FunctionalInterface
    public interface BlockTask<T> {
        /** Processes {@code block}; may throw anything, which aborts the run. */
        void run(T block) throws Exception;
    }

    private BlockRunner() {
    }

    /**
     * Runs {@code task} for every element of {@code blocks}.
     *
     * @param threads  worker threads; 0 = the calling thread
     * @param progress advanced once per finished block (may be {@link Progress#SILENT})
     * @throws RuntimeException the first failure (a checked exception wrapped), after all workers stopped
     */
    public static <T> void run(List<T> blocks, int threads, Progress progress, BlockTask<T> task) {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable worker = () -> {
            while (failure.get() == null) {
                int i = next.getAndIncrement();
                if (i >= blocks.size()) {
                    return;
                }
                try {
                    task.run(blocks.get(i));
                    progress.advance();
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                    return;
                }
            }
        };
        if (threads <= 0 || blocks.size() <= 1) {
            worker.run();
        } else {
            int n = Math.min(threads, blocks.size());
            List<Thread> pool = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                Thread t = Thread.ofPlatform().name("jilastik-worker-" + k).daemon(true).start(worker);
                pool.add(t);
            }
            for (Thread t : pool) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure.compareAndSet(null, e);
                }
            }
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error err) {
            throw err;
        }
        if (t != null) {
            throw new RuntimeException(t);
        }
    }
}
