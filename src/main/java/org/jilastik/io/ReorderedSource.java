package org.jilastik.io;

import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.jilastik.array.Transpose;

/**
 * A view of a source in another axis order (a workflow's pipeline order, spec cli-and-io §2.8): axes are
 * permuted by letter, singleton axes absent from the new order are dropped, and new axes (typically {@code c})
 * appear with extent 1. Reads translate the box and transpose the block. Thread safety as the wrapped source;
 * closing the view closes it.
 */
public final class ReorderedSource implements ImageSource {
    private final ImageSource inner;
    private final Axes axes;
    private final long[] shape;

    /**
     * @throws IllegalArgumentException if a non-singleton axis of {@code inner} is missing from {@code axes}
     */
    public ReorderedSource(ImageSource inner, Axes axes) {
        Axes ia = inner.axes();
        long[] is = inner.shape();
        for (int k = 0; k < ia.size(); k++) {
            if (!axes.has(ia.get(k)) && is[k] != 1) {
                throw new IllegalArgumentException("axis '" + ia.get(k) + "' of extent " + is[k]
                        + " is missing from " + axes);
            }
        }
        this.inner = inner;
        this.axes = axes;
        this.shape = new long[axes.size()];
        for (int i = 0; i < shape.length; i++) {
            int k = ia.indexOf(axes.get(i));
            shape[i] = k < 0 ? 1 : is[k];
        }
    }

    @Override
    public Axes axes() {
        return axes;
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    @Override
    public DType dtype() {
        return inner.dtype();
    }

    @Override
    public Block read(Box box) {
        Regions.requireInside(this, box);
        Axes ia = inner.axes();
        long[] a = new long[ia.size()];
        long[] b = new long[ia.size()];
        for (int k = 0; k < ia.size(); k++) {
            int i = axes.indexOf(ia.get(k));
            if (i < 0) {
                b[k] = 1;
            } else {
                a[k] = box.start(i);
                b[k] = box.stop(i);
            }
        }
        Block raw = inner.read(new Box(a, b));
        return Transpose.to(raw, axes, box.start());
    }

    @Override
    public double resolution(char axis) {
        return inner.resolution(axis);
    }

    @Override
    public String unit(char axis) {
        return inner.unit(axis);
    }

    @Override
    public String describe() {
        return inner.describe() + " as " + axes;
    }

    @Override
    public void close() {
        inner.close();
    }
}
