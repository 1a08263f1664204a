package org.jilastik.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;

/**
 * Cuts incoming blocks into the chunks of a regular grid and hands each chunk on exactly once, when it is
 * complete: the writing half of {@link ChunkGrid}, shared by the N5 and Zarr writers.
 *
 * <p>A chunk that a block covers entirely goes straight to the {@link ChunkWriter}. A chunk that a block covers in
 * part is kept in memory (one C-order array of the chunk's clipped box) until the other blocks have filled it,
 * then written and forgotten; {@link #flush()} writes the chunks still incomplete (unwritten elements are 0). When
 * the caller's blocks are whole multiples of the chunk shape, as the export's tiles are, nothing is held. Blocks
 * must be disjoint.
 *
 * <p>Thread safety: {@link #write(Block)} may be called from several threads at once; the writer is called
 * concurrently for different chunks and must be thread safe. {@link #flush()} must not overlap with writes.
 */
public final class ChunkAssembler {
    /** Receives finished chunks. */
    @FunctionalInterface
    public interface ChunkWriter {
        /**
         * Stores chunk {@code gridIndex} whose data ({@code data}, C-order storage of the sink's dtype) cover
         * {@code box}, the chunk's box clipped to the array. The array belongs to the writer afterwards.
         */
        void writeChunk(long[] gridIndex, Box box, Object data);
    }

    private final Axes axes;
    private final DType dtype;
    private final long[] shape;
    private final int[] chunk;
    private final ChunkWriter writer;
    private final Map<List<Long>, Pending> pending = new ConcurrentHashMap<>();

    private static final class Pending {
        final Object data;
        long filled;

        Pending(Object data) {
            this.data = data;
        }
    }

    /**
     * @param axes   axes of the array (C-order letters)
     * @param shape  extents of the array
     * @param chunk  chunk extents, same order
     * @param writer where complete chunks go
     */
    public ChunkAssembler(Axes axes, DType dtype, long[] shape, int[] chunk, ChunkWriter writer) {
        if (shape.length != chunk.length || axes.size() != shape.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " and chunk "
                    + Arrays.toString(chunk) + " differ in rank");
        }
        this.axes = axes;
        this.dtype = dtype;
        this.shape = shape.clone();
        this.chunk = chunk.clone();
        this.writer = writer;
    }

    /** The chunk extents. */
    public int[] chunk() {
        return chunk.clone();
    }

    /** Distributes {@code block} (a box inside the array, the array's axes and dtype) over the chunks. */
    public void write(Block block) {
        Box box = block.box();
        if (box.isEmpty()) {
            return;
        }
        int nd = box.ndim();
        long[] first = new long[nd];
        long[] last = new long[nd];
        for (int i = 0; i < nd; i++) {
            first[i] = box.start(i) / chunk[i];
            last[i] = (box.stop(i) - 1) / chunk[i];
        }
        long[] g = first.clone();
        while (true) {
            writeInto(g.clone(), block);
            int k = nd - 1;
            while (k >= 0 && ++g[k] > last[k]) {
                g[k] = first[k];
                k--;
            }
            if (k < 0) {
                return;
            }
        }
    }

    private void writeInto(long[] g, Block block) {
        Box cb = ChunkGrid.chunkBox(g, chunk, shape);
        Box region = cb.intersect(block.box());
        long total = cb.numElements();
        if (region.numElements() == total) {
            Object data;
            if (block.box().equals(cb)) {
                data = copyOf(block.data());
            } else {
                data = Block.newStorage(dtype, Math.toIntExact(total));
                Regions.copy(block.data(), block.box(), data, cb, cb);
            }
            writer.writeChunk(g, cb, data);
            return;
        }
        List<Long> key = key(g);
        Pending p = pending.computeIfAbsent(key, k -> new Pending(Block.newStorage(dtype, Math.toIntExact(total))));
        boolean complete;
        synchronized (p) {
            Regions.copy(block.data(), block.box(), p.data, cb, region);
            p.filled += region.numElements();
            complete = p.filled == total;
            if (complete) {
                pending.remove(key);
            }
        }
        if (complete) {
            writer.writeChunk(g, cb, p.data);
        }
    }

    /** Writes the chunks that are still incomplete (their unwritten elements are 0) and forgets them. */
    public void flush() {
        List<List<Long>> keys = new ArrayList<>(pending.keySet());
        for (List<Long> key : keys) {
            Pending p = pending.remove(key);
            long[] g = key.stream().mapToLong(Long::longValue).toArray();
            writer.writeChunk(g, ChunkGrid.chunkBox(g, chunk, shape), p.data);
        }
    }

    /** Discards the incomplete chunks held in memory. */
    public void discard() {
        pending.clear();
    }

    /** Number of incomplete chunks held in memory. */
    public int pendingChunks() {
        return pending.size();
    }

    /** The axes of the array. */
    public Axes axes() {
        return axes;
    }

    private static List<Long> key(long[] g) {
        List<Long> k = new ArrayList<>(g.length);
        for (long x : g) {
            k.add(x);
        }
        return k;
    }

    private static Object copyOf(Object a) {
        return switch (a) {
            case byte[] x -> x.clone();
            case short[] x -> x.clone();
            case int[] x -> x.clone();
            case long[] x -> x.clone();
            case float[] x -> x.clone();
            case double[] x -> x.clone();
            default -> throw new IllegalArgumentException("not a primitive array: " + a.getClass());
        };
    }
}
