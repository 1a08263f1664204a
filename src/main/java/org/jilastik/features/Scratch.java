package org.jilastik.features;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * A pool of float32 work arrays, reused by exact length across the passes of one feature computation.
 *
 * <p>Why: a 128³ block needs hundreds of 8 MB intermediates per call; allocating each one anew costs the JVM a
 * zeroing sweep and garbage-collection work comparable to the convolution itself. Arrays handed out are NOT
 * zeroed: every user overwrites all elements it later reads. An array must be given back only once and only when
 * no one reads it any more.
 *
 * <p>Thread safe: the tasks of one parallel computation share one pool, so an intermediate freed by one task is
 * reused by the next instead of being allocated (and zeroed) again; the lock is taken once per pass, not per
 * pixel.
 */
final class Scratch {
    private final Map<Integer, ArrayDeque<float[]>> free = new HashMap<>();

    /** An array of exactly {@code n} floats with arbitrary contents, owned by the caller until {@link #give}. */
    synchronized float[] take(int n) {
        ArrayDeque<float[]> q = free.get(n);
        float[] a = q == null ? null : q.pollFirst();
        return a != null ? a : new float[n];
    }

    /** Returns {@code a} (may be null, ignored) to the pool; the caller must not use it afterwards. */
    synchronized void give(float[] a) {
        if (a != null) {
            ArrayDeque<float[]> q = free.computeIfAbsent(a.length, k -> new ArrayDeque<>());
            if (q.contains(a)) {
                throw new IllegalStateException("work array given back twice");
            }
            q.addFirst(a);
        }
    }
}
