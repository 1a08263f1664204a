package org.jilastik.distributed;

/**
 * Which part of a distributed export a process does. MPI, srun and job-array processes do {@link #ALL}; a
 * scheduler that keeps its own books (Spark) lets its driver {@link #PLAN}, then its tasks {@link #COMPUTE} (they
 * never replace or refuse an existing output), then its driver {@link #FINALIZE}.
 */
public enum DistributedStep {
    /** Compute this process's blocks, then mark the output complete when every block is present. */
    ALL,
    /** Compute this process's blocks; never mark (the driver does, once every task has finished). */
    COMPUTE,
    /**
     * Compute nothing: create or join the dataset on behalf of all the tasks to come (so {@code --overwrite}
     * replaces and {@code --no-overwrite} refuses here, once), report how many blocks are missing; never mark.
     */
    PLAN,
    /**
     * Compute nothing: create or join the dataset (as a process without blocks: never replaces or refuses), report
     * how many blocks are missing, and mark the output complete when none is.
     */
    FINALIZE
}
