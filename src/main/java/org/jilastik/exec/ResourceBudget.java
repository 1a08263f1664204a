package org.jilastik.exec;

import java.lang.management.ManagementFactory;

/**
 * How many worker threads and how much memory a run may use.
 *
 * <p>Threads: {@code LAZYFLOW_THREADS} when set ({@code 0} = everything in the calling thread), else all cores.
 * Memory: {@code LAZYFLOW_TOTAL_RAM_MB} when set, else the smaller of the JVM's maximum heap and physical RAM
 * minus 1 GiB. Block sizes follow {@link #workingBytesPerThread()}. Immutable, thread safe.
 *
 * @param threads  worker threads, 0 = run in the calling thread
 * @param ramBytes the memory budget in bytes
 */
public record ResourceBudget(int threads, long ramBytes) {
    private static final long MIB = 1024L * 1024L;

    /**
     * The budget from the validated environment values ({@code null} = not set).
     *
     * @param threads    {@code LAZYFLOW_THREADS}
     * @param totalRamMb {@code LAZYFLOW_TOTAL_RAM_MB}
     */
    public static ResourceBudget of(Integer threads, Long totalRamMb) {
        int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        long heap = Runtime.getRuntime().maxMemory();
        long ram = totalRamMb != null ? totalRamMb * MIB : Math.min(heap, Math.max(512 * MIB, physicalRam() - 1024 * MIB));
        // Never plan for more than the JVM can actually hand out.
        ram = Math.min(ram, heap);
        return new ResourceBudget(t, ram);
    }

    /** Threads that actually compute (at least 1). */
    public int workers() {
        return Math.max(1, threads);
    }

    /**
     * Bytes one worker may use for the intermediates of one block: a quarter of the budget is kept for the
     * JVM, readers' caches and writers' buffers (as lazyflow reserves 25 % for caches), the rest is shared by
     * the workers.
     */
    public long workingBytesPerThread() {
        return (long) (ramBytes * 0.75) / workers();
    }

    /** Environment variable that caps the edge of every tile (a testing and debugging knob; unset = no cap). */
    public static final String MAX_TILE_EDGE = "JILASTIK_MAX_TILE_EDGE";

    /**
     * The largest tile edge in pixels along every spatial axis: {@code JILASTIK_MAX_TILE_EDGE} when set (or the
     * system property {@code jilastik.maxTileEdge}), else {@link Long#MAX_VALUE}. It forces many small tiles on
     * small images, so that tests can check that results do not depend on tiling; results must be the same bytes
     * whatever the value.
     *
     * @throws org.jilastik.error.JilastikException (usage) when the value is not a whole number of at least 1
     */
    public static long maxTileEdge() {
        String raw = System.getenv(MAX_TILE_EDGE);
        String name = MAX_TILE_EDGE;
        if (raw == null || raw.isBlank()) {
            raw = System.getProperty("jilastik.maxTileEdge");
            name = "jilastik.maxTileEdge";
        }
        if (raw == null || raw.isBlank()) {
            return Long.MAX_VALUE;
        }
        try {
            long v = Long.parseLong(raw.trim());
            if (v >= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw org.jilastik.error.JilastikException.usage(name + "=" + raw.trim()
                + " is not valid; give the largest tile edge in pixels (at least 1)");
    }

    private static long physicalRam() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return 4096 * MIB;
    }
}
