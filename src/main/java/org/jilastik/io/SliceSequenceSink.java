package org.jilastik.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.jilastik.array.Transpose;
import org.jilastik.error.JilastikException;

/**
 * An {@link ImageSink} that writes an array as a sequence of files, one per index of its step axis, each through
 * its own per-slice sink (a 2-D image for ilastik's {@code <fmt> sequence}, a multi-page TIFF for
 * {@code multipage tiff sequence}).
 *
 * <p>Each slice is the array at one step index, reordered to {@code sliceAxes} by {@link Transpose} (the step
 * axis becomes a singleton, dropped when {@code sliceAxes} lacks it; missing axes are inserted). A slice's sink
 * is opened when the first block reaches it, writes to a hidden temporary name beside the slice's final name,
 * and is committed (its file completed, its memory released) as soon as all of its samples have arrived. Only
 * {@link #commit()} renames the temporaries to the final names, so an interrupted run leaves no file that looks
 * finished; {@link #abort()} deletes them. Thread safety: concurrent {@link #write(Block)} calls for disjoint
 * blocks are safe.
 */
public final class SliceSequenceSink implements ImageSink {

    /** Opens the sink of one slice. */
    @FunctionalInterface
    public interface SliceSinks {
        /** A sink writing {@code file} with the given layout. */
        ImageSink open(Path file, Axes axes, long[] shape, DType dtype);
    }

    /** One slice's state; guarded by its own monitor. */
    private static final class Slice {
        final Path file;
        final Path temp;
        ImageSink sink;
        long filled;
        boolean committed;

        Slice(Path file) {
            this.file = file;
            this.temp = StagedOutput.temporarySibling(file);
        }
    }

    private final Axes axes;
    private final long[] shape;
    private final DType dtype;
    private final int step;
    private final Axes sliceAxes;
    private final long[] sliceShape;
    private final long sliceSize;
    private final SliceSinks sinks;
    private final Slice[] slices;
    private volatile boolean finished;

    /**
     * @param axes      axes of the whole array (C-order)
     * @param shape     its extents
     * @param stepAxis  index (in {@code axes}) of the axis the files step along
     * @param files     final file of each step index, {@code shape[stepAxis]} of them
     * @param sliceAxes axes of each slice's sink
     * @param sinks     opens a slice's sink
     * @throws IllegalArgumentException if a non-singleton axis other than the step axis is missing from
     *                                  {@code sliceAxes}
     */
    public SliceSequenceSink(Axes axes, long[] shape, DType dtype, int stepAxis, List<Path> files, Axes sliceAxes,
            SliceSinks sinks) {
        if (files.size() != shape[stepAxis]) {
            throw new IllegalArgumentException(files.size() + " file names for " + shape[stepAxis] + " slices");
        }
        this.axes = axes;
        this.shape = shape.clone();
        this.dtype = dtype;
        this.step = stepAxis;
        this.sliceAxes = sliceAxes;
        this.sinks = sinks;
        long[] one = shape.clone();
        one[stepAxis] = 1;
        this.sliceShape = new long[sliceAxes.size()];
        long size = 1;
        for (int i = 0; i < sliceAxes.size(); i++) {
            int k = axes.indexOf(sliceAxes.get(i));
            sliceShape[i] = k < 0 ? 1 : one[k];
            size *= sliceShape[i];
        }
        for (int k = 0; k < axes.size(); k++) {
            if (!sliceAxes.has(axes.get(k)) && one[k] != 1) {
                throw new IllegalArgumentException("slice axes " + sliceAxes + " leave out axis " + axes.get(k)
                        + " of " + axes + " " + java.util.Arrays.toString(shape));
            }
        }
        this.sliceSize = size;
        this.slices = new Slice[files.size()];
        for (int i = 0; i < slices.length; i++) {
            slices[i] = new Slice(files.get(i).toAbsolutePath());
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
        return dtype;
    }

    /** The final files, in step order. */
    public List<Path> files() {
        List<Path> out = new ArrayList<>();
        for (Slice s : slices) {
            out.add(s.file);
        }
        return out;
    }

    @Override
    public void write(Block block) {
        ImageSink.requireFits(this, block);
        if (finished) {
            throw new IllegalStateException("write after commit or abort");
        }
        Box box = block.box();
        for (long k = box.start(step); k < box.stop(step); k++) {
            long[] a = box.start();
            long[] b = box.stop();
            a[step] = k;
            b[step] = k + 1;
            Box part = new Box(a, b);
            Block piece = Block.allocate(axes, part, dtype);
            Regions.copy(block.data(), box, piece.data(), part, part);
            a[step] = 0;
            b[step] = 1;
            Block rebased = new Block(axes, new Box(a, b), dtype, piece.data());
            Block inSlice = Transpose.to(rebased, sliceAxes, null);
            Slice s = slices[(int) k];
            ImageSink sink = sinkOf(s);
            sink.write(inSlice);
            boolean complete;
            synchronized (s) {
                s.filled += inSlice.size();
                complete = s.filled == sliceSize && !s.committed;
                if (complete) {
                    s.committed = true;
                }
            }
            if (complete) {
                sink.commit();
                sink.close();
            }
        }
    }

    private ImageSink sinkOf(Slice s) {
        synchronized (s) {
            if (s.committed) {
                throw new IllegalStateException("slice " + s.file + " is already complete; blocks overlap");
            }
            if (s.sink == null) {
                s.sink = sinks.open(s.temp, sliceAxes, sliceShape.clone(), dtype);
            }
            return s.sink;
        }
    }

    @Override
    public void commit() {
        if (finished) {
            throw new IllegalStateException("commit after commit or abort");
        }
        try {
            for (Slice s : slices) {
                ImageSink rest = null;
                synchronized (s) {
                    if (!s.committed) {
                        rest = s.sink != null ? s.sink : sinks.open(s.temp, sliceAxes, sliceShape.clone(), dtype);
                        s.sink = rest;
                        s.committed = true;
                    }
                }
                if (rest != null) {
                    rest.commit(); // regions never written hold zeros
                    rest.close();
                }
            }
            for (Slice s : slices) {
                StagedOutput.moveIntoPlace(s.temp, s.file);
            }
            finished = true;
        } catch (IOException e) {
            abort();
            throw JilastikException.processing("cannot move the finished slice files into place (" + e.getMessage()
                    + "); check free disk space and write permission", e);
        } catch (RuntimeException e) {
            abort();
            throw e;
        }
    }

    @Override
    public void abort() {
        if (finished) {
            return;
        }
        finished = true;
        for (Slice s : slices) {
            ImageSink sink;
            synchronized (s) {
                sink = s.sink;
            }
            if (sink != null) {
                sink.close();
            }
            StagedOutput.deleteQuietly(s.temp);
        }
    }

    @Override
    public void close() {
        abort();
    }
}
