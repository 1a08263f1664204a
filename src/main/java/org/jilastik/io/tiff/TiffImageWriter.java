package org.jilastik.io.tiff;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.DType;
import org.jilastik.error.JilastikException;
import org.jilastik.io.ImageSink;
import org.jilastik.io.StagedOutput;

/**
 * An {@link ImageSink} for a single-page 2-D TIFF as ilastik's {@code tif}/{@code tiff} export writes it through
 * vigra: little-endian, LZW strips, channels as interleaved samples (YXS), the dtype kept (float32 stays
 * float32).
 *
 * <p>Layout: the output has three axes {@code (rows, columns, channels)}, the last being {@code c}; the letters
 * of the first two are whatever spatial axes the export chose. The tags are vigra's: NewSubfileType 0,
 * ImageWidth, ImageLength, BitsPerSample, Compression 5, Photometric (MinIsBlack for 1–2 samples, RGB for 3 or
 * more), StripOffsets, Orientation 1, SamplesPerPixel, RowsPerStrip {@code max(1, 2^20 / (width·samples))},
 * StripByteCounts, PlanarConfiguration 1, ExtraSamples (unassociated alpha for the samples beyond the 1 or 3
 * colour samples), SampleFormat (1 unsigned, 2 signed, 3 float). bool is written as uint8.
 *
 * <p>Streaming: the image is not held in memory. Each strip gets a buffer when the first block reaches it; as
 * soon as all of its samples have arrived it is LZW-encoded (on the writing thread, so strips compress in
 * parallel) and appended to the file, and its buffer is dropped. Memory is therefore bounded by the strips that
 * blocks in flight have only partly filled (about one strip row band per tile edge; a strip holds about 2^20
 * samples). Strips are stored in the order they complete, which TIFF allows (every strip has its own offset);
 * strips never written are encoded as zeros at commit. The file is a classic TIFF, or a BigTIFF when the
 * compressed data pass 4 GiB (decided at commit: the first 16 bytes are reserved for either header).
 *
 * <p>The file is written under a hidden temporary name and renamed at commit. Thread safety: concurrent
 * {@link #write(Block)} calls for disjoint blocks are safe.
 */
public final class TiffImageWriter implements ImageSink {
    private static final long CLASSIC_LIMIT = 0xFFFF_FFFFL;
    private static final int DATA_START = 16;
    private static final ThreadLocal<TiffLzwWriter> LZW = ThreadLocal.withInitial(TiffLzwWriter::new);

    /** One strip's assembly state; guarded by its own monitor. */
    private static final class Strip {
        Object samples;
        long filled;
        boolean stored;
    }

    private final Path target;
    private final Axes axes;
    private final long[] shape;
    private final DType dtype;
    private final int height;
    private final int width;
    private final int samples;
    private final int rowsPerStrip;
    private final Strip[] strips;
    private final long[] offsets;
    private final long[] counts;
    private final Path tempFile;
    private final long classicLimit;
    private final Object fileLock = new Object();
    private FileChannel channel;
    private long end = DATA_START;
    private volatile boolean finished;

    /**
     * Prepares an image of {@code shape = (rows, columns, channels)} and creates its temporary file.
     *
     * @param file  final file; its directory must exist
     * @param axes  three axes, the last {@code c}
     * @param shape extents of the three axes
     * @param dtype element type
     * @throws JilastikException if the image is empty or a single row does not fit a strip, or the temporary file
     *                           cannot be created
     */
    public TiffImageWriter(Path file, Axes axes, long[] shape, DType dtype) {
        this(file, axes, shape, dtype, CLASSIC_LIMIT);
    }

    /** As the public constructor, switching to BigTIFF past {@code classicLimit} bytes (tests use a small one). */
    TiffImageWriter(Path file, Axes axes, long[] shape, DType dtype, long classicLimit) {
        this.classicLimit = classicLimit;
        if (axes.size() != 3 || axes.get(2) != 'c' || shape.length != 3) {
            throw new IllegalArgumentException("a 2-D TIFF needs axes (row, column, c), got " + axes);
        }
        this.target = file.toAbsolutePath();
        this.axes = axes;
        this.shape = shape.clone();
        this.dtype = dtype;
        if (shape[0] < 1 || shape[1] < 1 || shape[2] < 1 || shape[0] > Integer.MAX_VALUE
                || shape[1] * shape[2] * dtype.byteSize() > Integer.MAX_VALUE / 2) {
            throw JilastikException.usage("the image " + Arrays.toString(shape) + " of " + dtype + " cannot be "
                    + "written as a single-page TIFF (rows too long or no pixels); export it as hdf5 instead");
        }
        this.height = (int) shape[0];
        this.width = (int) shape[1];
        this.samples = (int) shape[2];
        this.rowsPerStrip = (int) Math.max(1, (1L << 20) / ((long) width * samples)); // may exceed the height
        int n = Math.ceilDiv(height, rowsPerStrip);
        this.strips = new Strip[n];
        for (int i = 0; i < n; i++) {
            strips[i] = new Strip();
        }
        this.offsets = new long[n];
        this.counts = new long[n];
        this.tempFile = StagedOutput.temporarySibling(target);
        try {
            channel = FileChannel.open(tempFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
        } catch (IOException e) {
            throw failure(e);
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

    /** Absolute path of the final file. */
    public Path file() {
        return target;
    }

    /** Rows per strip (vigra's rule), for tests. */
    int rowsPerStrip() {
        return rowsPerStrip;
    }

    @Override
    public void write(Block block) {
        ImageSink.requireFits(this, block);
        if (finished) {
            throw new IllegalStateException("write after commit or abort");
        }
        int[] bs = block.shape();
        int y0 = (int) block.box().start(0);
        int x0 = (int) block.box().start(1);
        int c0 = (int) block.box().start(2);
        int yEnd = y0 + bs[0];
        for (int s = y0 / rowsPerStrip; s * rowsPerStrip < yEnd; s++) {
            int top = s * rowsPerStrip;
            int rows = stripRows(s);
            int from = Math.max(y0, top);
            int to = Math.min(yEnd, top + rows);
            Object complete = null;
            Strip strip = strips[s];
            synchronized (strip) {
                if (strip.stored) {
                    throw new IllegalStateException("strip " + s + " was already complete; blocks overlap");
                }
                if (strip.samples == null) {
                    strip.samples = Block.newStorage(dtype, rows * width * samples);
                }
                for (int y = from; y < to; y++) {
                    for (int x = 0; x < bs[1]; x++) {
                        int src = ((y - y0) * bs[1] + x) * bs[2];
                        int dst = ((y - top) * width + x0 + x) * samples + c0;
                        System.arraycopy(block.data(), src, strip.samples, dst, bs[2]);
                    }
                }
                strip.filled += (long) (to - from) * bs[1] * bs[2];
                if (strip.filled == (long) rows * width * samples) {
                    complete = strip.samples;
                    strip.samples = null;
                    strip.stored = true;
                }
            }
            if (complete != null) {
                store(s, complete);
            }
        }
    }

    private int stripRows(int s) {
        return Math.min(rowsPerStrip, height - s * rowsPerStrip);
    }

    /** Encodes strip {@code s} from {@code buffer} and appends it to the file. */
    private void store(int s, Object buffer) {
        byte[] raw = littleEndianBytes(buffer);
        byte[] packed = LZW.get().encode(raw, 0, raw.length);
        synchronized (fileLock) {
            if (channel == null) {
                throw new IllegalStateException("write after commit or abort");
            }
            try {
                offsets[s] = end;
                counts[s] = packed.length;
                writeFully(ByteBuffer.wrap(packed), end);
                end += packed.length;
                if ((end & 1) != 0) { // keep the next strip and the directory word-aligned
                    writeFully(ByteBuffer.wrap(new byte[1]), end);
                    end++;
                }
            } catch (IOException e) {
                throw failure(e);
            }
        }
    }

    @Override
    public void commit() {
        if (finished) {
            throw new IllegalStateException("commit after commit or abort");
        }
        try {
            for (int s = 0; s < strips.length; s++) {
                Object rest;
                synchronized (strips[s]) {
                    if (strips[s].stored) {
                        continue;
                    }
                    rest = strips[s].samples != null ? strips[s].samples
                            : Block.newStorage(dtype, stripRows(s) * width * samples);
                    strips[s].samples = null;
                    strips[s].stored = true;
                }
                store(s, rest);
            }
            synchronized (fileLock) {
                boolean classicFits = end + TiffDirectoryWriter.directory(width, height, samples, dtype,
                        rowsPerStrip, offsets, counts, false).byteSize(false) <= classicLimit;
                boolean big = !classicFits;
                TiffIfd ifd = TiffDirectoryWriter.directory(width, height, samples, dtype, rowsPerStrip, offsets,
                        counts, big);
                writeFully(ifd.serialise(end, 0, big), end);
                writeFully(TiffIfd.header(end, big), 0);
                channel.force(false);
                channel.close();
                channel = null;
            }
            StagedOutput.moveIntoPlace(tempFile, target);
            finished = true;
        } catch (IOException e) {
            abort();
            throw failure(e);
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
        synchronized (fileLock) {
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException ignored) {
                // the file is deleted next
            }
            channel = null;
        }
        StagedOutput.deleteQuietly(tempFile);
    }

    @Override
    public void close() {
        abort();
    }

    private JilastikException failure(IOException e) {
        return JilastikException.processing("cannot write the TIFF file " + target + " (" + e.getMessage()
                + "); check free disk space and write permission", e);
    }

    /** The samples of {@code buffer} as little-endian bytes. */
    private byte[] littleEndianBytes(Object buffer) {
        int n = java.lang.reflect.Array.getLength(buffer);
        ByteBuffer b = ByteBuffer.allocate(n * dtype.byteSize()).order(ByteOrder.LITTLE_ENDIAN);
        switch (buffer) {
            case byte[] a -> b.put(a);
            case short[] a -> b.asShortBuffer().put(a);
            case int[] a -> b.asIntBuffer().put(a);
            case long[] a -> b.asLongBuffer().put(a);
            case float[] a -> b.asFloatBuffer().put(a);
            case double[] a -> b.asDoubleBuffer().put(a);
            default -> throw new IllegalStateException();
        }
        return b.array();
    }

    private void writeFully(ByteBuffer b, long position) throws IOException {
        long p = position;
        while (b.hasRemaining()) {
            p += channel.write(b, p);
        }
    }
}
