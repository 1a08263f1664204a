package org.jilastik.workflow.objects;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jilastik.error.JilastikException;

/**
 * The object label image of one frame, {@code int} (uint32) per pixel, flat C-order {@code [z][y][x]}, written and
 * read box by box: either held in memory or spilled to a temporary file so that a frame larger than the memory
 * budget can be labelled ({@link BlockwiseLabelling}) and painted block by block. Boxes are {@code {z0, y0, x0}}
 * (inclusive) to {@code {z1, y1, x1}} (exclusive); returned arrays are new and owned by the caller.
 *
 * <p>Thread safety: reads of boxes may run in parallel; writes must not race with reads of the same pixels.
 * {@link #close()} frees the memory or deletes the file.
 */
public abstract sealed class LabelStore implements AutoCloseable {
    final int[] shape;

    private LabelStore(int[] shape) {
        this.shape = shape.clone();
    }

    /** Frame extent {@code {z, y, x}}. */
    public int[] shape() {
        return shape.clone();
    }

    /** The labels of a box. */
    public abstract int[] read(int[] start, int[] stop);

    /** Stores {@code labels} (flat C order of the box) into the box. */
    public abstract void write(int[] start, int[] stop, int[] labels);

    @Override
    public abstract void close();

    /** A store in memory (4 bytes per pixel). */
    public static LabelStore inMemory(int[] shape) {
        return new Memory(shape, new int[Math.multiplyExact(Math.multiplyExact(shape[0], shape[1]), shape[2])]);
    }

    /** A store in memory around existing labels (not copied). */
    public static LabelStore wrap(int[] labels, int[] shape) {
        return new Memory(shape, labels);
    }

    /**
     * A store in a new temporary file in {@code dir} (deleted on {@link #close()} and at JVM exit).
     *
     * @throws JilastikException (processing) when the file cannot be created
     */
    public static LabelStore onDisk(int[] shape, Path dir) {
        try {
            Path file = Files.createTempFile(dir, "jilastik-labels-", ".raw");
            file.toFile().deleteOnExit();
            FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            return new Disk(shape, file, ch);
        } catch (IOException e) {
            throw JilastikException.processing("cannot create a temporary label file in " + dir + " (" + e.getMessage()
                    + "); free disk space there or set java.io.tmpdir to a writable folder");
        }
    }

    private static final class Memory extends LabelStore {
        private final int[] labels;

        Memory(int[] shape, int[] labels) {
            super(shape);
            this.labels = labels;
        }

        @Override
        public int[] read(int[] start, int[] stop) {
            int[] out = new int[FrameAccess.volume(start, stop)];
            int w = stop[2] - start[2];
            int o = 0;
            for (int z = start[0]; z < stop[0]; z++) {
                for (int y = start[1]; y < stop[1]; y++) {
                    System.arraycopy(labels, (z * shape[1] + y) * shape[2] + start[2], out, o, w);
                    o += w;
                }
            }
            return out;
        }

        @Override
        public void write(int[] start, int[] stop, int[] in) {
            int w = stop[2] - start[2];
            int o = 0;
            for (int z = start[0]; z < stop[0]; z++) {
                for (int y = start[1]; y < stop[1]; y++) {
                    System.arraycopy(in, o, labels, (z * shape[1] + y) * shape[2] + start[2], w);
                    o += w;
                }
            }
        }

        @Override
        public void close() {
            // garbage collected
        }
    }

    /** Little-endian int32 rows at their C-order offsets; one positional read or write per row of a box. */
    private static final class Disk extends LabelStore {
        private final Path file;
        private final FileChannel channel;

        Disk(int[] shape, Path file, FileChannel channel) {
            super(shape);
            this.file = file;
            this.channel = channel;
        }

        @Override
        public int[] read(int[] start, int[] stop) {
            int[] out = new int[FrameAccess.volume(start, stop)];
            int w = stop[2] - start[2];
            ByteBuffer buf = ByteBuffer.allocate(w * 4).order(ByteOrder.LITTLE_ENDIAN);
            int o = 0;
            try {
                for (int z = start[0]; z < stop[0]; z++) {
                    for (int y = start[1]; y < stop[1]; y++) {
                        buf.clear();
                        long pos = (((long) z * shape[1] + y) * shape[2] + start[2]) * 4L;
                        while (buf.hasRemaining()) {
                            int n = channel.read(buf, pos + buf.position());
                            if (n < 0) {
                                break; // never written: zeros (background)
                            }
                        }
                        buf.flip();
                        buf.asIntBuffer().get(out, o, buf.remaining() / 4);
                        o += w;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + file, e);
            }
            return out;
        }

        @Override
        public void write(int[] start, int[] stop, int[] in) {
            int w = stop[2] - start[2];
            ByteBuffer buf = ByteBuffer.allocate(w * 4).order(ByteOrder.LITTLE_ENDIAN);
            int o = 0;
            try {
                for (int z = start[0]; z < stop[0]; z++) {
                    for (int y = start[1]; y < stop[1]; y++) {
                        buf.clear();
                        buf.asIntBuffer().put(in, o, w);
                        o += w;
                        long pos = (((long) z * shape[1] + y) * shape[2] + start[2]) * 4L;
                        while (buf.hasRemaining()) {
                            channel.write(buf, pos + buf.position()); // advances the buffer
                        }
                    }
                }
            } catch (IOException e) {
                throw JilastikException.processing("cannot write the temporary label file " + file + " ("
                        + e.getMessage() + "); free disk space there or set java.io.tmpdir to another folder");
            }
        }

        @Override
        public void close() {
            try {
                channel.close();
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a leftover temporary file is harmless; it is also deleted at exit
            }
        }
    }
}
