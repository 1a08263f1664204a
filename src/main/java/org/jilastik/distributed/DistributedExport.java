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
 * Runs this process's share of a distributed export ({@code --distributed}) into one N5 dataset shared by all
 * processes (spec cli-and-io §5, with the improvements of §6 item 18): every process, rank 0 included, computes
 * the blocks {@link BlockAssignment} gives it, skips blocks already on disk (a re-run after a crash computes only
 * what is missing), writes each block as one chunk atomically, and marks the dataset complete when it finds every
 * block present ({@link CompletionMarker}). No messages between processes; no fill value (a block not yet written
 * is absent). A cutout is honoured: the dataset has the cutout's shape and blocks are laid out from its origin.
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
     * @param file     the N5 container
     * @param owned    blocks assigned to this process
     * @param computed blocks this process computed now (the rest were on disk already)
     * @param total    blocks of the whole output
     * @param complete whether every block was present when this process finished (the marker was written)
     */
    public record Result(Path file, int owned, int computed, int total, boolean complete) {
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
     * Runs this process's share.
     *
     * @param plan       the export plan of an N5 format (its chunk shape is replaced by {@code blockShape})
     * @param blockShape block extents in output axes (see {@link #blockShape})
     * @param runKey     names the run (project, input, source) so that a different run's dataset is not joined
     * @param place      this process's rank and the number of processes
     * @param computer   computes the source on a box (may be called from pool threads at once)
     * @param tileShape  the largest tile computed at once, output axes
     * @param pool       threads to compute blocks on, or {@code null} for the calling thread
     * @param progress   told the number of blocks to compute (negative), then 1 per finished block
     * @param log        where to say what this process does, or null for nothing
     */
    public static Result run(ExportPlan plan, long[] blockShape, String runKey, LauncherEnvironment place,
            SourceComputer computer, long[] tileShape, ExecutorService pool, IntConsumer progress, PrintStream log) {
        if (plan.format().kind() != org.jilastik.export.ExportFormat.Kind.N5) {
            throw new IllegalArgumentException("a distributed export writes N5, not " + plan.format().name());
        }
        ExportPlan n5 = plan.withChunkShape(blockShape);
        BlockAssignment assignment = new BlockAssignment(n5.outputShape(), blockShape);
        Map<String, Object> attrs = ExportSinks.n5Attributes(n5);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("run", runKey);
        run.put("block_count", assignment.blocks().size());
        attrs.put(SharedN5Dataset.RUN_KEY, run);
        SharedN5Dataset dataset = SharedN5Dataset.createOrJoin(n5.file(), n5.internalPath(), n5.outputShape(),
                ints(blockShape), n5.exportDtype(), n5.compressionLevel() > 0, attrs);

        List<Box> owned = assignment.owned(place.rank(), place.size());
        List<Box> pending = new ArrayList<>();
        for (Box b : owned) {
            if (!dataset.hasBlock(assignment.gridIndex(b))) {
                pending.add(b);
            }
        }
        if (log != null) {
            log.println("jilastik: distributed: rank " + place.rank() + " of " + place.size() + " (" + place.launcher()
                    + "): " + owned.size() + " of " + assignment.blocks().size() + " blocks of " + n5.file() + ", "
                    + (owned.size() - pending.size()) + " already written");
        }
        progress.accept(-pending.size());
        if (pool == null) {
            for (Box b : pending) {
                writeBlock(n5, dataset, assignment, computer, tileShape, b);
                progress.accept(1);
            }
        } else {
            List<Future<?>> futures = new ArrayList<>();
            for (Box b : pending) {
                futures.add(pool.submit(() -> {
                    writeBlock(n5, dataset, assignment, computer, tileShape, b);
                    progress.accept(1);
                }));
            }
            Tasks.awaitAll(futures, "distributed export");
        }

        List<long[]> grids = new ArrayList<>();
        for (Box b : assignment.blocks()) {
            grids.add(assignment.gridIndex(b));
        }
        boolean complete = dataset.hasAll(grids);
        if (complete) {
            CompletionMarker.mark(dataset);
        }
        if (log != null) {
            log.println("jilastik: distributed: rank " + place.rank() + " wrote " + pending.size() + " blocks; "
                    + (complete ? "every block is present, output marked complete"
                            : "other ranks still have blocks to write"));
        }
        return new Result(n5.file(), owned.size(), pending.size(), assignment.blocks().size(), complete);
    }

    // One block: its tiles computed and converted one after the other into the block's buffer, then one chunk file.
    private static void writeBlock(ExportPlan plan, SharedN5Dataset dataset, BlockAssignment assignment,
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
