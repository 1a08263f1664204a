package org.jilastik.app;

/**
 * Resource limits from the environment ({@code LAZYFLOW_THREADS}, {@code LAZYFLOW_TOTAL_RAM_MB}), validated.
 *
 * @param threads    worker threads ({@code 0} = run in the calling thread, as lazyflow), or {@code null} for
 *                   the default min(CPU count, 8)
 * @param totalRamMb RAM budget in MiB (at least 500), or {@code null} for the default (physical RAM − 1 GiB)
 */
public record ResourceOptions(Integer threads, Long totalRamMb) {
    /** Nothing set: all defaults. */
    public static final ResourceOptions DEFAULTS = new ResourceOptions(null, null);
}
