package org.jilastik.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.exec.Tasks;
import org.jilastik.exec.TileGrid;
import org.jilastik.io.ImageSink;

/**
 * Runs an {@link ExportPlan}: cuts the output into tiles, asks the workflow for each tile's source box, converts
 * and reorders the result, writes it to the sink, and commits; on any failure the sink is aborted (no partial
 * output under the final name) and the failure rethrown.
 *
 * <p>Tiles are aligned to the output origin; for HDF5 they are whole multiples of the chunk shape, grown along
 * the fastest axes first up to {@code maxTileElements}, so every chunk is written once and complete. With a
 * pool, tiles are computed in parallel (the sink serialises its own writes); results do not depend on the tile
 * size or the thread count. Stateless.
 */
public final class ExportRunner {
    /** A default tile budget: 16 Mi elements (64 MiB of float32). */
    public static final long DEFAULT_TILE_ELEMENTS = 16L << 20;

    private ExportRunner() {
    }

    /** Runs the export on the calling thread with the default tile budget; returns the written file. */
    public static Path run(ExportPlan plan, SourceComputer computer) {
        return run(plan, computer, DEFAULT_TILE_ELEMENTS, null);
    }

    /**
     * Runs the export.
     *
     * @param maxTileElements upper bound of elements per output tile (at least one chunk or row is used)
     * @param pool            threads to compute tiles on, or {@code null} for the calling thread
     * @return the written file
     */
    public static Path run(ExportPlan plan, SourceComputer computer, long maxTileElements, ExecutorService pool) {
        return run(plan, tiles(plan.outputShape(), tileUnit(plan), maxTileElements), computer, pool, n -> { });
    }

    /**
     * Runs the export with tiles of (about) {@code tileShape} in output axes, each extent rounded down to a
     * multiple of the format's unit (the chunk; at least one unit) so that every chunk is written once and
     * complete and a tile never exceeds the memory the tile shape was sized to (rounding up made a 512² tile
     * 1012 × 1010 with OME-Zarr's 506 × 505 chunks and exhausted a 750 MB heap).
     *
     * @param pool     threads to compute tiles on, or {@code null} for the calling thread
     * @param progress told the number of tiles first (negative), then once per finished tile (1); called from
     *                 worker threads
     * @return the written file
     */
    public static Path run(ExportPlan plan, SourceComputer computer, long[] tileShape, ExecutorService pool,
            java.util.function.IntConsumer progress) {
        long[] shape = plan.outputShape();
        long[] unit = tileUnit(plan);
        long[] tile = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            long want = Math.max(1, Math.min(tileShape[i], shape[i]));
            long u = Math.max(1, unit[i]);
            // A tile spanning the whole axis ends where the last chunk ends, so it is chunk-aligned as it is;
            // rounding it down to whole chunks would cut a 128³ volume with 50-voxel chunks into 8 tiles, each
            // recomputing a feature halo.
            tile[i] = want == shape[i] ? want : u * Math.max(1, want / u);
        }
        return run(plan, new TileGrid(Box.ofShape(shape), tile).tiles(), computer, pool, progress);
    }

    private static Path run(ExportPlan plan, List<Box> tiles, SourceComputer computer, ExecutorService pool,
            java.util.function.IntConsumer progress) {
        ExistingOutputs.prepare(plan);
        progress.accept(-tiles.size());
        try (ImageSink sink = ExportSinks.open(plan)) {
            if (pool == null) {
                for (Box tile : tiles) {
                    writeTile(plan, computer, sink, tile);
                    progress.accept(1);
                }
            } else {
                List<Future<?>> futures = new ArrayList<>();
                for (Box tile : tiles) {
                    futures.add(pool.submit(() -> {
                        writeTile(plan, computer, sink, tile);
                        progress.accept(1);
                    }));
                }
                Tasks.awaitAll(futures, "export");
            }
            sink.commit();
        }
        return plan.file();
    }

    private static void writeTile(ExportPlan plan, SourceComputer computer, ImageSink sink, Box tile) {
        Box sourceBox = plan.sourceBoxFor(tile);
        Block computed = computer.compute(sourceBox);
        if (!computed.box().equals(sourceBox)) {
            throw new IllegalStateException("the source returned " + computed.box() + " for " + sourceBox);
        }
        sink.write(plan.toOutput(computed));
    }

    /**
     * The smallest tile: one chunk for chunked formats (HDF5, N5, OME-Zarr), one element for the formats written
     * in place or assembled by the sink (images, multipage TIFF, numpy), else one row (all columns and channels).
     */
    static long[] tileUnit(ExportPlan plan) {
        if (plan.chunkShape() != null) {
            return plan.chunkShape();
        }
        switch (plan.format().kind()) {
            case IMAGE_2D, IMAGE_2D_SEQUENCE, MULTIPAGE_TIFF, MULTIPAGE_TIFF_SEQUENCE, NUMPY -> {
                // these sinks take any box (TIFF strips complete as tiles arrive, multi-page TIFF and npy write in
                // place, the others assemble in memory), so tiles stay as small as the memory budget wants
                long[] ones = new long[plan.outputShape().length];
                java.util.Arrays.fill(ones, 1);
                return ones;
            }
            default -> {
            }
        }
        long[] unit = plan.outputShape();
        unit[0] = 1;
        return unit;
    }

    /** Origin-aligned tiles covering {@code shape}, each a multiple of {@code unit} (clipped at the border). */
    static List<Box> tiles(long[] shape, long[] unit, long maxElements) {
        int n = shape.length;
        long[] tile = unit.clone();
        long elements = 1;
        for (long u : unit) {
            elements *= u;
        }
        for (int i = n - 1; i >= 0; i--) { // grow the fastest axes first: long contiguous runs
            long others = elements / tile[i];
            long fit = Math.max(1, maxElements / (others * unit[i]));
            long needed = (shape[i] + unit[i] - 1) / unit[i];
            tile[i] = unit[i] * Math.min(fit, needed);
            elements = others * tile[i];
        }
        return new TileGrid(Box.ofShape(shape), tile).tiles();
    }
}
