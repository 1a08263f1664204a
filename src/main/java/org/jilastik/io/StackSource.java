package org.jilastik.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.jilastik.error.JilastikException;

/**
 * Several files read as one image along {@code --stack_along} (spec cli-and-io §2.4): if the files' axes lack
 * the stack axis it becomes a new leading axis (2-D {@code yx} files along {@code z} give {@code zyx}); if they
 * have it, the files are concatenated along it. All files must have the same axes, shape and dtype. A read
 * touches only the files its box covers. Thread safe if the children are; closing closes every child.
 */
public final class StackSource implements ImageSource {
    private final List<ImageSource> children;
    private final Axes axes;
    private final long[] shape;
    private final int stackIndex;
    private final boolean newAxis;
    private final long perChild;

    private StackSource(List<ImageSource> children, Axes axes, long[] shape, int stackIndex, boolean newAxis,
            long perChild) {
        this.children = children;
        this.axes = axes;
        this.shape = shape;
        this.stackIndex = stackIndex;
        this.newAxis = newAxis;
        this.perChild = perChild;
    }

    /**
     * Stacks {@code children} (in the given order) along {@code stackAxis}.
     *
     * @param names the files, for messages (same order as children)
     * @throws JilastikException (processing) if axes, shapes or dtypes differ; children are then not closed
     */
    public static StackSource of(List<ImageSource> children, List<String> names, char stackAxis) {
        ImageSource first = children.get(0);
        for (int i = 1; i < children.size(); i++) {
            ImageSource c = children.get(i);
            if (!c.axes().equals(first.axes()) || !Arrays.equals(c.shape(), first.shape())
                    || c.dtype() != first.dtype()) {
                throw JilastikException.processing("cannot stack " + names.get(i) + " (" + c.axes() + " "
                        + Arrays.toString(c.shape()) + " " + c.dtype() + ") with " + names.get(0) + " ("
                        + first.axes() + " " + Arrays.toString(first.shape()) + " " + first.dtype()
                        + "); all files of a stack need the same axes, shape and dtype.");
            }
        }
        long[] s = first.shape();
        int at = first.axes().indexOf(stackAxis);
        if (at >= 0) {
            long[] shape = s.clone();
            shape[at] = s[at] * children.size();
            return new StackSource(List.copyOf(children), first.axes(), shape, at, false, s[at]);
        }
        if (s.length >= 5) {
            throw JilastikException.processing("cannot stack 5-D files along a new axis " + stackAxis
                    + "; choose an axis they already have with --stack_along.");
        }
        long[] shape = new long[s.length + 1];
        shape[0] = children.size();
        System.arraycopy(s, 0, shape, 1, s.length);
        Axes axes = Axes.of(stackAxis + first.axes().letters());
        return new StackSource(List.copyOf(children), axes, shape, 0, true, 1);
    }

    @Override
    public Axes axes() {
        return axes;
    }

    @Override
    public AxesOrigin axesOrigin() {
        return children.get(0).axesOrigin();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    @Override
    public DType dtype() {
        return children.get(0).dtype();
    }

    /** Number of files. */
    public int size() {
        return children.size();
    }

    @Override
    public int[] chunkShape() {
        int[] c = children.get(0).chunkShape();
        if (c == null) {
            return null;
        }
        if (!newAxis) {
            return c;
        }
        int[] out = new int[c.length + 1];
        out[0] = 1;
        System.arraycopy(c, 0, out, 1, c.length);
        return out;
    }

    @Override
    public Block read(Box box) {
        Regions.requireInside(this, box);
        Block out = Block.allocate(axes, box, dtype());
        if (box.isEmpty()) {
            return out;
        }
        long first = box.start(stackIndex) / perChild;
        long last = (box.stop(stackIndex) - 1) / perChild;
        for (long f = first; f <= last; f++) {
            long[] a = box.start();
            long[] b = box.stop();
            a[stackIndex] = Math.max(a[stackIndex], f * perChild);
            b[stackIndex] = Math.min(b[stackIndex], (f + 1) * perChild);
            Box region = new Box(a, b);
            Block part = children.get((int) f).read(childBox(region, f));
            Regions.copy(part.data(), region, out.data(), box, region);
        }
        return out;
    }

    /** The part of {@code region} (stack coordinates) in file {@code f}'s own coordinates. */
    private Box childBox(Box region, long f) {
        long[] a = region.start();
        long[] b = region.stop();
        if (newAxis) {
            return new Box(Arrays.copyOfRange(a, 1, a.length), Arrays.copyOfRange(b, 1, b.length));
        }
        a[stackIndex] -= f * perChild;
        b[stackIndex] -= f * perChild;
        return new Box(a, b);
    }

    @Override
    public String describe() {
        return "stack of " + children.size() + " files along " + axes.get(stackIndex) + " "
                + Arrays.toString(shape) + " " + dtype() + " " + axes + ", first: " + children.get(0).describe();
    }

    @Override
    public void close() {
        List<RuntimeException> errors = new ArrayList<>();
        for (ImageSource c : children) {
            try {
                c.close();
            } catch (RuntimeException e) {
                errors.add(e);
            }
        }
        if (!errors.isEmpty()) {
            throw errors.get(0);
        }
    }
}
