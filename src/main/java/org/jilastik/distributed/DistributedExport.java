package org.jilastik.distributed;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.function.ToIntFunction;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.exec.Tasks;
import org.jilastik.exec.TileGrid;
import org.jilastik.export.ExportPlan;
import org.jilastik.export.ExportSinks;
import org.jilastik.export.SourceComputer;
import org.jilastik.io.Regions;

/**
 * Runs this process's share of a distributed export ({@code --distributed}) into one N5 or OME-Zarr dataset
 * ({@link SharedDataset}) shared by all processes (spec cli-and-io §5, with the improvements of §6 item 18): every process, rank 0 included, computes
 * the blocks {@link BlockAssignment} gives it, skips blocks already on disk (a re-run after a crash computes only
 * what is missing), writes each block as one chunk atomically, and marks the dataset complete when it finds every
 * block present ({@link SharedDataset#markComplete()}). No messages between processes; a block not yet written
 * is absent (N5) or reads as the fill value 0 (Zarr) — only the marker says the output is whole. A cutout is honoured: the dataset has the cutout's shape and blocks are laid out from its origin.
 *
 * <p>A block is assembled in memory from tiles of the given tile shape (each computed by the workflow and
 * converted as the plan says), then encoded; with a pool, blocks are computed in parallel, one per thread.
 * Values do not depend on the block shape, the tile shape, the thread count or the process count. Stateless.
 */
public final class DistributedExport {
    private DistributedExport() {
    }

    /**
     * What this process did.
     *
     * @param file     what the user opens (N5 container, OME-Zarr image)
     * @param owned    blocks assigned to this process
     * @param computed blocks this process computed now (the rest were on disk already)
     * @param total    blocks of the whole output
     * @param complete whether every block was present when this process finished (then the marker is written,
     *                 unless the step is {@link DistributedStep#COMPUTE})
     * @param missing  blocks of the whole output absent when this process finished
     * @param found    what was on disk when this process joined
     */
    public record Result(Path file, int owned, int computed, int total, boolean complete, int missing,
            SharedDataset.Found found) {
    }

    /**
     * The block shape in output axes: {@code size} of each axis letter ({@code 0} = the whole axis), clamped to
     * the output; axes without a size (none in practice) are taken whole.
     */
    public static long[] blockShape(Axes outputAxes, long[] outputShape, ToIntFunction<Character> size) {
        long[] b = new long[outputShape.length];
        for (int i = 0; i < b.length; i++) {
            int s = size.applyAsInt(outputAxes.get(i));
            b[i] = Math.max(1, s <= 0 ? outputShape[i] : Math.min(s, outputShape[i]));
        }
        return b;
    }

    /**
     * The shared dataset a plan's distributed export writes: N5 (gzip when the plan compresses) or single-scale
     * OME-Zarr (0.4 on Zarr v2 or 0.5 on Zarr v3, as the plan's format says), one chunk per block.
     *
     * @param plan       an export plan of an N5 or single-scale OME-Zarr format
     * @param blockShape block extents in output axes
     * @param run        the run key attribute's value
     */
    public static SharedDataset dataset(ExportPlan plan, long[] blockShape, Object run) {
        int[] block = ints(blockShape);
        return switch (plan.format().kind()) {
            case N5 -> {
                Map<String, Object> attrs = ExportSinks.n5Attributes(plan);
                attrs.put(SharedDataset.RUN_KEY, run);
                yield new SharedN5Dataset(plan.file(), plan.internalPath(), plan.outputShape(), block,
                        plan.exportDtype(), plan.compressionLevel() > 0, attrs);
            }
            case OME_ZARR -> {
                if (plan.format().multiscale()) {
                    throw new IllegalArgumentException("a distributed export writes single-scale OME-Zarr");
                }
                yield new SharedOmeZarrDataset(plan.file(), plan.outputShape(), block, plan.exportDtype(),
                        ExportSinks.omeZarrOptions(plan), run);
            }
            default -> throw new IllegalArgumentException("a distributed export writes N5 or OME-Zarr, not "
                    + plan.format().name());
        };
    }

    /** As {@link #run(ExportPlan, long[], String, LauncherEnvironment, DistributedStep, SourceComputer, long[],
     * ExecutorService, IntConsumer, PrintStream)} doing {@link DistributedStep#ALL}. */
    public static Result run(ExportPlan plan, long[] blockShape, String runKey, LauncherEnvironment place,
            SourceComputer computer, long[] tileShape, ExecutorService pool, IntConsumer progress, PrintStream log) {
        return run(plan, blockShape, runKey, place, DistributedStep.ALL, computer, tileShape, pool, progress, log);
    }

    /**
     * Runs this process's share.
     *
     * @param plan       the export plan of an N5 or single-scale OME-Zarr format (its chunk shape is replaced by
     *                   {@code blockShape}; its existing-output rule applies as {@link SharedDataset#prepare} says)
     * @param blockShape block extents in output axes (see {@link #blockShape})
     * @param runKey     names the run (project, input, source) so that a different run's dataset is not joined
     * @param place      this process's rank and the number of processes
     * @param step       what this process does
     * @param computer   computes the source on a box (may be called from pool threads at once)
     * @param tileShape  the largest tile computed at once, output axes
     * @param pool       threads to compute blocks on, or {@code null} for the calling thread
     * @param progress   told the number of blocks to compute (negative), then 1 per finished block
     * @param log        where to say what this process does, or null for nothing
     */
    public static Result run(ExportPlan plan, long[] blockShape, String runKey, LauncherEnvironment place,
            DistributedStep step, SourceComputer computer, long[] tileShape, ExecutorService pool,
            IntConsumer progress, PrintStream log) {
        ExportPlan chunked = plan.withChunkShape(blockShape);
        BlockAssignment assignment = new BlockAssignment(chunked.outputShape(), blockShape);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("run", runKey);
        run.put("block_count", assignment.blocks().size());
        SharedDataset dataset = dataset(chunked, blockShape, run);

        boolean computes = step == DistributedStep.ALL || step == DistributedStep.COMPUTE;
        List<Box> owned = computes ? assignment.owned(place.rank(), place.size()) : List.of();
        boolean decides = step == DistributedStep.PLAN || step == DistributedStep.ALL && !owned.isEmpty();
        SharedDataset.Found found = dataset.prepare(chunked.existingOutput(), decides);
        List<Box> pending = new ArrayList<>();
        for (Box b : owned) {
            if (!dataset.hasBlock(assignment.gridIndex(b))) {
                pending.add(b);
            }
        }
        if (log != null) {
            String who = !computes ? "jilastik: distributed: " + place.launcher()
                    + ": checking " + assignment.blocks().size() + " blocks of " + dataset.location()
                    : "jilastik: distributed: rank " + place.rank() + " of " + place.size() + " (" + place.launcher()
                    + "): " + owned.size() + " of " + assignment.blocks().size() + " blocks of " + dataset.location()
                    + " (" + dataset.format() + "), " + (owned.size() - pending.size()) + " already written";
            log.println(who + switch (found) {
                case ABSENT -> "";
                case PARTIAL -> "; joined the partial output";
                case COMPLETE -> "; the output is already complete (--overwrite computes it again)";
                case REPLACED -> "; replaced the existing output (--overwrite)";
            });
        }
        progress.accept(-pending.size());
        if (pool == null) {
            for (Box b : pending) {
                writeBlock(chunked, dataset, assignment, computer, tileShape, b);
                progress.accept(1);
            }
        } else {
            List<Future<?>> futures = new ArrayList<>();
            for (Box b : pending) {
                futures.add(pool.submit(() -> {
                    writeBlock(chunked, dataset, assignment, computer, tileShape, b);
                    progress.accept(1);
                }));
            }
            Tasks.awaitAll(futures, "distributed export");
        }

        int missing = 0;
        for (Box b : assignment.blocks()) {
            missing += dataset.hasBlock(assignment.gridIndex(b)) ? 0 : 1;
        }
        boolean complete = missing == 0;
        if (complete && (step == DistributedStep.ALL || step == DistributedStep.FINALIZE)) {
            dataset.markComplete();
        }
        if (log != null) {
            String head = !computes ? "jilastik: distributed: " + place.launcher() + ": "
                    : "jilastik: distributed: rank " + place.rank() + " wrote " + pending.size() + " blocks; ";
            boolean marks = step == DistributedStep.ALL || step == DistributedStep.FINALIZE;
            log.println(head + (complete ? marks ? "every block is present, output marked complete"
                    : "every block is present"
                    : missing + " of " + assignment.blocks().size() + " blocks missing"
                            + (computes ? ", other ranks still have blocks to write" : "")));
        }
        return new Result(dataset.location(), owned.size(), pending.size(), assignment.blocks().size(), complete,
                missing, found);
    }

    // One block: its tiles computed and converted one after the other into the block's buffer, then one chunk file.
    private static void writeBlock(ExportPlan plan, SharedDataset dataset, BlockAssignment assignment,
            SourceComputer computer, long[] tileShape, Box block) {
        Block buffer = Block.allocate(plan.outputAxes(), block, plan.exportDtype());
        long[] tile = new long[tileShape.length];
        for (int i = 0; i < tile.length; i++) {
            tile[i] = Math.max(1, Math.min(tileShape[i], block.size(i)));
        }
        for (Box t : new TileGrid(block, tile).tiles()) {
            Box sourceBox = plan.sourceBoxFor(t);
            Block computed = computer.compute(sourceBox);
            if (!computed.box().equals(sourceBox)) {
                throw new IllegalStateException("the source returned " + computed.box() + " for " + sourceBox);
            }
            Block out = plan.toOutput(computed);
            Regions.copy(out.data(), out.box(), buffer.data(), block, out.box());
        }
        dataset.writeBlock(assignment.gridIndex(block), block.shape(), buffer.data());
    }

    private static int[] ints(long[] a) {
        int[] out = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = Math.toIntExact(a[i]);
        }
        return out;
    }
}
