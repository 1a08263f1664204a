package org.jilastik.app;

import java.util.function.Consumer;
import org.jilastik.distributed.DistributedExport;
import org.jilastik.distributed.DistributedStep;
import org.jilastik.distributed.LauncherEnvironment;

/**
 * Distributed-mode flags ({@code --distributed}, {@code --distributed_block_roi}) and this process's part in the
 * run.
 *
 * @param distributed whether {@code --distributed} was given
 * @param blockRoi    the parsed {@code --distributed_block_roi}, or {@code null} when not given
 * @param place       this process's rank and the number of processes, or {@code null} to read them from the
 *                    process environment when the export starts
 * @param step        what this process does ({@link DistributedStep#ALL} for MPI, srun and job arrays)
 * @param results     told each lane's outcome (on the calling thread), or {@code null}
 */
public record DistributedOptions(boolean distributed, BlockRoi blockRoi, LauncherEnvironment place,
        DistributedStep step, Consumer<DistributedExport.Result> results) {
    /** Neither flag given. */
    public static final DistributedOptions NONE = new DistributedOptions(false, null);

    /** Flags only: place from the process environment, every step, no listener. */
    public DistributedOptions(boolean distributed, BlockRoi blockRoi) {
        this(distributed, blockRoi, null, DistributedStep.ALL, null);
    }

    /** The block shape to use: the given one, else ilastik's default. */
    public BlockRoi blockRoiOrDefault() {
        return blockRoi == null ? BlockRoi.DEFAULT : blockRoi;
    }

    /** The place to use: the given one, else the one the process environment describes. */
    public LauncherEnvironment placeOrCurrent() {
        return place == null ? LauncherEnvironment.current() : place;
    }

    /** A copy with another place, step and listener (the Spark module's tasks and driver). */
    public DistributedOptions with(LauncherEnvironment newPlace, DistributedStep newStep,
            Consumer<DistributedExport.Result> newResults) {
        return new DistributedOptions(distributed, blockRoi, newPlace, newStep, newResults);
    }
}
