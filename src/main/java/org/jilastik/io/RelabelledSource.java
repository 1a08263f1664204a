package org.jilastik.io;

import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;

/**
 * A view of another source with different axis letters, same shape and same pixels: letter {@code i} of the new
 * axes names dimension {@code i} of the underlying data (ilastik's positional relabelling, spec cli-and-io
 * §2.6). Thread safety and ownership as the wrapped source; closing the view closes the wrapped source.
 */
final class RelabelledSource implements ImageSource {
    private final ImageSource inner;
    private final Axes axes;

    RelabelledSource(ImageSource inner, Axes axes) {
        if (axes.size() != inner.ndim()) {
            throw new IllegalArgumentException("cannot relabel " + inner.ndim() + "-D data with axes " + axes);
        }
        this.inner = inner instanceof RelabelledSource r ? r.inner : inner;
        this.axes = axes;
    }

    @Override
    public Axes axes() {
        return axes;
    }

    @Override
    public long[] shape() {
        return inner.shape();
    }

    @Override
    public DType dtype() {
        return inner.dtype();
    }

    @Override
    public Block read(Box box) {
        Block b = inner.read(box);
        return new Block(axes, b.box(), b.dtype(), b.data());
    }

    @Override
    public AxesOrigin axesOrigin() {
        return AxesOrigin.ASSIGNED;
    }

    @Override
    public int[] chunkShape() {
        return inner.chunkShape();
    }

    @Override
    public ImageSource withAxes(Axes newAxes) {
        return newAxes.equals(inner.axes()) ? inner : new RelabelledSource(inner, newAxes);
    }

    /** The file's pixel sizes survive only when the letters are unchanged (ilastik drops them otherwise). */
    @Override
    public double resolution(char axis) {
        return axes.equals(inner.axes()) ? inner.resolution(axis) : 0;
    }

    @Override
    public String unit(char axis) {
        return axes.equals(inner.axes()) ? inner.unit(axis) : null;
    }

    @Override
    public String describe() {
        return inner.describe() + " read as " + axes;
    }

    @Override
    public void close() {
        inner.close();
    }
}
