package org.jilastik.exec;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.jilastik.error.JilastikException;

/**
 * Waiting for a batch of submitted tasks. Stateless.
 */
public final class Tasks {
    private Tasks() {
    }

    /**
     * Waits for every future; after the first failure the rest are cancelled, and the method still waits for
     * those already running, so that none touches shared output after the caller gives up. Then the first failure
     * is rethrown: a task's RuntimeException as it is, anything else (an Error) as a processing error
     * "the WHAT failed: ...", an interruption as "the WHAT was interrupted" (the interrupt flag is restored).
     *
     * @param what what the tasks do, for messages ("export", "computation")
     */
    public static void awaitAll(List<? extends Future<?>> futures, String what) {
        RuntimeException failure = null;
        for (Future<?> f : futures) {
            try {
                if (failure == null) {
                    f.get();
                } else {
                    f.cancel(true);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = JilastikException.processing("the " + what + " was interrupted", e);
            } catch (ExecutionException e) {
                failure = e.getCause() instanceof RuntimeException r ? r
                        : JilastikException.processing("the " + what + " failed: " + e.getCause(), e.getCause());
            }
        }
        if (failure != null) {
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (Exception ignored) {
                    // already reported or cancelled
                }
            }
            throw failure;
        }
    }
}
