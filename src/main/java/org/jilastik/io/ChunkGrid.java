package org.jilastik.io;

import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;

/**
 * Assembles a box from a regular grid of chunks (HDF5 chunks, N5 blocks, Zarr chunks): only chunks that
 * intersect the box are loaded, each once, in C-order of the grid. Stateless; thread safe if the loader is.
 */
public final class ChunkGrid {
    private ChunkGrid() {
    }

    /** Loads one chunk of the grid. */
    @FunctionalInterface
    public interface ChunkLoader {
        /**
         * Returns the decoded chunk at grid position {@code gridIndex} (chunk {@code i} starts at
         * {@code gridIndex[i] * chunk[i]}), or null if the chunk is not stored (the fill value applies).
         */
        Chunk load(long[] gridIndex);
    }

    /**
     * A decoded chunk: C-order primitive {@code data} covering {@code box} in image coordinates. The box may
     * reach past the image's edge (Zarr pads edge chunks); only the part inside the requested region is used.
     */
    public record Chunk(Box box, Object data) {
    }

    /**
     * Reads {@code box} of an image of the given shape, chunk shape and dtype; absent chunks read as
     * {@code fillValue}.
     */
    public static Block read(Axes axes, DType dtype, int[] chunk, Box box, double fillValue, ChunkLoader loader) {
        Block out = Block.allocate(axes, box, dtype);
        if (box.isEmpty()) {
            return out;
        }
        Regions.fill(out.data(), dtype, fillValue);
        long[][] range = Regions.chunkRange(box, chunk);
        long[] first = range[0];
        long[] last = range[1];
        int nd = box.ndim();
        long[] g = first.clone();
        while (true) {
            Chunk c = loader.load(g.clone());
            if (c != null) {
                Box region = c.box().intersect(box);
                Regions.copy(c.data(), c.box(), out.data(), box, region);
            }
            int k = nd - 1;
            while (k >= 0 && ++g[k] > last[k]) {
                g[k] = first[k];
                k--;
            }
            if (k < 0) {
                return out;
            }
        }
    }

    /** The box of the chunk at {@code gridIndex}, full chunk size (not clipped to the image). */
    public static Box chunkBox(long[] gridIndex, int[] chunk) {
        long[] a = new long[chunk.length];
        long[] b = new long[chunk.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = gridIndex[i] * chunk[i];
            b[i] = a[i] + chunk[i];
        }
        return new Box(a, b);
    }

    /** The box of the chunk at {@code gridIndex}, clipped to {@code shape}. */
    public static Box chunkBox(long[] gridIndex, int[] chunk, long[] shape) {
        return chunkBox(gridIndex, chunk).intersect(Box.ofShape(shape));
    }
}
