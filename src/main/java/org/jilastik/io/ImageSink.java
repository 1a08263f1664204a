package org.jilastik.io;

import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.DType;

/**
 * Where an export's pixels go: one output array of known axes (C-order letters), shape and dtype, filled block
 * by block, that appears under its final name only when {@link #commit()} succeeds.
 *
 * <p>Life cycle: a sink is created for the whole output (the implementation's factory or constructor names the
 * file, axes, shape, dtype and format options), receives {@link #write(Block)} calls for disjoint boxes of the
 * output in any order, and ends with exactly one of {@link #commit()} or {@link #abort()}. {@link #close()}
 * without a successful commit aborts. Until commit, the data live under a temporary name (a temporary file
 * beside the target, or a temporary dataset inside an existing container), so an interrupted run never leaves
 * something that looks finished.
 *
 * <p>Threading: {@link #write(Block)} may be called from several threads at once for disjoint blocks; an
 * implementation may serialise the writes internally (the HDF5 sink does: libhdf5 is not thread safe). Blocks
 * are read during the call only; the caller keeps ownership and may reuse the block's array afterwards.
 * {@link #commit()}, {@link #abort()} and {@link #close()} must not overlap with writes.
 */
public interface ImageSink extends AutoCloseable {

    /** Axis letters of the output, C-order (slowest first). */
    Axes axes();

    /** Extent of the output per axis, in {@link #axes()} order (a copy). */
    long[] shape();

    /** Element type of the output; every written block must have it. */
    DType dtype();

    /**
     * Stores {@code block} at {@code block.box()}, a box in output coordinates ({@code [0, shape)}).
     *
     * @throws IllegalArgumentException if the block's axes or dtype differ from the sink's or its box is not
     *                                  inside the output
     * @throws IllegalStateException    after commit or abort
     * @throws org.jilastik.error.JilastikException when the underlying file cannot be written (disk full, ...)
     */
    void write(Block block);

    /**
     * Finishes the output and moves it to its final name (replacing an existing file or dataset there). Regions
     * never written hold zeros (the format's fill value).
     *
     * @throws org.jilastik.error.JilastikException when the file cannot be finished or moved; temporaries are
     *                                              then removed
     */
    void commit();

    /** Discards everything written and removes temporaries; the final name is left as it was. Idempotent. */
    void abort();

    /** Aborts unless {@link #commit()} succeeded; releases files and native handles. Idempotent. */
    @Override
    void close();

    /**
     * The argument checks every {@link #write(Block)} starts with: same axes and dtype as the sink, box inside
     * {@code [0, shape)}.
     *
     * @throws IllegalArgumentException naming the mismatch
     */
    static void requireFits(ImageSink sink, Block block) {
        if (!block.axes().equals(sink.axes())) {
            throw new IllegalArgumentException("block axes " + block.axes() + " differ from the sink's " + sink.axes());
        }
        if (block.dtype() != sink.dtype()) {
            throw new IllegalArgumentException("block dtype " + block.dtype() + " differs from the sink's "
                    + sink.dtype());
        }
        if (!org.jilastik.array.Box.ofShape(sink.shape()).contains(block.box())) {
            throw new IllegalArgumentException("block " + block.box() + " lies outside the output of shape "
                    + java.util.Arrays.toString(sink.shape()));
        }
    }
}
