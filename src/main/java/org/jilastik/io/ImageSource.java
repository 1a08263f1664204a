package org.jilastik.io;

import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;

/**
 * One n-D image dataset that can be read region by region: a file, a dataset inside a container, or a stack of
 * files.
 *
 * <p>Coordinates are C-order (slowest axis first) in the order of {@link #axes()}; a {@link Box} passed to
 * {@link #read(Box)} has one entry per axis. Opening a source reads metadata only; pixels are read on demand, and
 * formats that store data in parts (HDF5 chunks, N5/Zarr blocks, TIFF pages, {@code .npy} rows) read only the
 * parts a box touches.
 *
 * <p>Thread safety: every implementation in this package allows {@link #read(Box)} to be called from several
 * threads at once (readers that wrap a non-thread-safe library serialise internally). {@link #close()} must not
 * race with reads.
 */
public interface ImageSource extends AutoCloseable {

    /** The axes of the data as this source interprets them (file metadata, a guess, or a relabelling). */
    Axes axes();

    /** Extent of every axis, in the order of {@link #axes()} (a copy). */
    long[] shape();

    /** The native element type; never converted. */
    DType dtype();

    /**
     * Reads {@code box} into a new block that the caller owns. The block's axes are {@link #axes()} and its box
     * is {@code box} (absolute coordinates).
     *
     * @throws IllegalArgumentException if {@code box} has the wrong rank or is not inside {@link #bounds()}
     * @throws org.jilastik.error.JilastikException if the file cannot be read (one sentence naming the file)
     */
    Block read(Box box);

    /** Where {@link #axes()} came from (metadata, format convention, shape guess, or assigned). */
    default AxesOrigin axesOrigin() {
        return AxesOrigin.METADATA;
    }

    /** The shape of the natural read unit (HDF5 chunk, N5/Zarr block, TIFF page), or null if there is none. */
    default int[] chunkShape() {
        return null;
    }

    /** A short human description, e.g. {@code "HDF5 /d/raw.h5/data (64, 96) uint8 yx"}. */
    String describe();

    /**
     * Physical size of one pixel along {@code axis} as the file states it (e.g. an ImageJ TIFF's calibration), or
     * 0 when unknown. ilastik writes it as the axis {@code resolution} in exported {@code axistags}.
     */
    default double resolution(char axis) {
        return 0;
    }

    /**
     * Unit of {@link #resolution(char)} along {@code axis} as the file states it (e.g. {@code "pixel"},
     * {@code "micron"}, or {@code ""} when the format has units but the file names none), or {@code null} when the
     * format carries no units. ilastik writes them as the {@code axis_units} attribute of its exports.
     */
    default String unit(char axis) {
        return null;
    }

    /** Number of axes. */
    default int ndim() {
        return shape().length;
    }

    /** The box {@code [0, shape)}. */
    default Box bounds() {
        return Box.ofShape(shape());
    }

    /** Reads everything (convenience for small images and tests). */
    default Block readAll() {
        return read(bounds());
    }

    /**
     * The same data under other axis letters, assigned position by position without moving any pixel (what
     * ilastik does when it applies the training lane's axes or {@code --input_axes} to a file).
     *
     * @throws IllegalArgumentException if {@code newAxes} has a different number of letters than {@link #ndim()}
     */
    default ImageSource withAxes(Axes newAxes) {
        if (newAxes.equals(axes())) {
            return this;
        }
        return new RelabelledSource(this, newAxes);
    }

    /** Releases files held open; idempotent. */
    @Override
    void close();
}
