package org.jilastik.io.tiff;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.DType;
import org.jilastik.error.JilastikException;
import org.jilastik.io.ImageSink;

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
 * <p>Memory: a single-page image cannot be written in pieces in arbitrary order, so the whole image is held in
 * memory until {@link #commit()} (about its size again while encoding a strip). The file is written under a
 * hidden temporary name and renamed at commit. Thread safety: concurrent {@link #write(Block)} calls for
 * disjoint blocks are safe (they copy into disjoint parts of the buffer).
 */
public final class TiffImageWriter implements ImageSink {
    private static final AtomicLong COUNTER = new AtomicLong();
    private static final long MAX_CLASSIC_TIFF_BYTES = 0xFFFF_0000L;

    private final Path target;
    private final Axes axes;
    private final long[] shape;
    private final DType dtype;
    private final int height;
    private final int width;
    private final int samples;
    private final Object buffer;
    private final Path tempFile;
    private volatile boolean finished;

    /**
     * Prepares an image of {@code shape = (rows, columns, channels)}.
     *
     * @param file  final file; its directory must exist
     * @param axes  three axes, the last {@code c}
     * @param shape extents of the three axes
     * @param dtype element type
     * @throws JilastikException if the image is too large for a classic single-page TIFF
     */
    public TiffImageWriter(Path file, Axes axes, long[] shape, DType dtype) {
        if (axes.size() != 3 || axes.get(2) != 'c' || shape.length != 3) {
            throw new IllegalArgumentException("a 2-D TIFF needs axes (row, column, c), got " + axes);
        }
        this.target = file.toAbsolutePath();
        this.axes = axes;
        this.shape = shape.clone();
        this.dtype = dtype;
        long bytes = shape[0] * shape[1] * shape[2] * dtype.byteSize();
        if (shape[0] < 1 || shape[1] < 1 || shape[2] < 1 || bytes > MAX_CLASSIC_TIFF_BYTES
                || shape[0] * shape[1] * shape[2] > Integer.MAX_VALUE - 8) {
            throw JilastikException.usage("the image " + Arrays.toString(shape) + " of " + dtype + " is too large "
                    + "for a single-page TIFF (4 GiB at most); export it as hdf5 instead");
        }
        this.height = (int) shape[0];
        this.width = (int) shape[1];
        this.samples = (int) shape[2];
        this.buffer = Block.newStorage(dtype, height * width * samples);
        this.tempFile = target.resolveSibling("." + target.getFileName() + ".jilastik-"
                + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet());
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
        int run = bs[2];
        for (int y = 0; y < bs[0]; y++) {
            for (int x = 0; x < bs[1]; x++) {
                int src = (y * bs[1] + x) * run;
                int dst = ((y0 + y) * width + x0 + x) * samples + c0;
                System.arraycopy(block.data(), src, buffer, dst, run);
            }
        }
    }

    @Override
    public void commit() {
        if (finished) {
            throw new IllegalStateException("commit after commit or abort");
        }
        try {
            writeFile(tempFile);
            Files.move(tempFile, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            finished = true;
        } catch (IOException e) {
            abort();
            throw JilastikException.processing("cannot write the TIFF file " + target + " (" + e.getMessage()
                    + "); check free disk space and write permission", e);
        }
    }

    @Override
    public void abort() {
        if (finished) {
            return;
        }
        finished = true;
        try {
            Files.deleteIfExists(tempFile);
        } catch (IOException ignored) {
            // best effort: a hidden temporary never looks like a finished output
        }
    }

    @Override
    public void close() {
        abort();
    }

    private void writeFile(Path path) throws IOException {
        int rowsPerStrip = (int) Math.max(1, (1L << 20) / ((long) width * samples));
        int strips = (height + rowsPerStrip - 1) / rowsPerStrip;
        long[] offsets = new long[strips];
        long[] counts = new long[strips];
        TiffLzwWriter lzw = new TiffLzwWriter();
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            long pos = 8;
            ch.position(pos);
            for (int s = 0; s < strips; s++) {
                int rows = Math.min(rowsPerStrip, height - s * rowsPerStrip);
                byte[] raw = littleEndianBytes(s * rowsPerStrip * width * samples, rows * width * samples);
                byte[] packed = lzw.encode(raw, 0, raw.length);
                offsets[s] = pos;
                counts[s] = packed.length;
                writeFully(ch, ByteBuffer.wrap(packed));
                pos += packed.length;
                if ((pos & 1) != 0) { // keep the directory word-aligned
                    writeFully(ch, ByteBuffer.wrap(new byte[1]));
                    pos++;
                }
            }
            if (pos > 0xFFFF_FFFFL - 4096) {
                throw new IOException("the compressed image exceeds 4 GiB");
            }
            ByteBuffer ifd = new TiffDirectoryWriter(pos).directory(width, height, samples, dtype, rowsPerStrip,
                    offsets, counts);
            writeFully(ch, ifd);
            ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            header.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt((int) pos).flip();
            ch.position(0);
            writeFully(ch, header);
            ch.force(false);
        }
    }

    /** Samples {@code [from, from + n)} of the buffer as little-endian bytes. */
    private byte[] littleEndianBytes(int from, int n) {
        ByteBuffer b = ByteBuffer.allocate(n * dtype.byteSize()).order(ByteOrder.LITTLE_ENDIAN);
        switch (buffer) {
            case byte[] a -> b.put(a, from, n);
            case short[] a -> b.asShortBuffer().put(a, from, n);
            case int[] a -> b.asIntBuffer().put(a, from, n);
            case long[] a -> b.asLongBuffer().put(a, from, n);
            case float[] a -> b.asFloatBuffer().put(a, from, n);
            case double[] a -> b.asDoubleBuffer().put(a, from, n);
            default -> throw new IllegalStateException();
        }
        return b.array();
    }

    private static void writeFully(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }
}
