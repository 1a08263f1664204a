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
 * An {@link ImageSink} for a multi-page OME-TIFF as ilastik's {@code multipage tiff} export writes it (through
 * tifffile): little-endian, uncompressed, one page per index of the leading axes (for ilastik's {@code tzcyx}:
 * t-major, then z, then c), each page one strip of {@code y × x} samples of the dtype (bool as uint8).
 *
 * <p>Layout, as tifffile's: the header, the first page's directory (which alone carries the OME-XML
 * ImageDescription and Software), all pages' pixel data contiguously in page order, then the directories of the
 * other pages. Per page: ImageWidth, ImageLength, RowsPerStrip (LONG), BitsPerSample, Compression 1, Photometric
 * MinIsBlack, StripOffsets, SamplesPerPixel 1, StripByteCounts, XResolution = YResolution = 1/1, ResolutionUnit 1,
 * SampleFormat (only for signed and floating types). A BigTIFF when the file would pass 4 GiB.
 *
 * <p>Streaming: every sample has a fixed place in the file, so blocks are written straight there (one positional
 * write per page row run, one per page when a block spans whole rows); nothing is buffered and never-written
 * samples stay zero. Written under a hidden temporary name, renamed at commit. Thread safety: concurrent
 * {@link #write(Block)} calls for disjoint blocks are safe.
 */
public final class MultipageTiffWriter implements ImageSink {
    private static final long CLASSIC_LIMIT = 0xFFFF_FFFFL;

    private final Path target;
    private final Axes axes;
    private final long[] shape;
    private final DType dtype;
    private final String description;
    private final String software;
    private final long pages;
    private final int height;
    private final int width;
    private final long pageBytes;
    private final boolean big;
    private final long dataStart;
    private final Path tempFile;
    private final Object lock = new Object();
    private FileChannel channel;
    private volatile boolean finished;

    /**
     * Creates the temporary file for an image of {@code shape} in {@code axes} (any leading axes, then {@code y},
     * {@code x}).
     *
     * @param description the first page's ImageDescription (OME-XML, see {@link OmeTiffXml})
     * @param software    the first page's Software tag
     * @throws JilastikException (usage) for 64-bit integer dtypes, which OME-TIFF cannot describe
     */
    public MultipageTiffWriter(Path file, Axes axes, long[] shape, DType dtype, String description, String software) {
        int n = axes.size();
        if (n < 2 || axes.get(n - 2) != 'y' || axes.get(n - 1) != 'x' || shape.length != n) {
            throw new IllegalArgumentException("a multi-page TIFF needs axes ending in yx, got " + axes);
        }
        if (dtype == DType.INT64 || dtype == DType.UINT64) {
            throw JilastikException.usage("multipage tiff cannot store " + dtype + " data; give --export_dtype "
                    + "(for example uint32 or float64) or export as hdf5");
        }
        this.target = file.toAbsolutePath();
        this.axes = axes;
        this.shape = shape.clone();
        this.dtype = dtype;
        this.description = description;
        this.software = software;
        long p = 1;
        for (int i = 0; i < n - 2; i++) {
            p *= shape[i];
        }
        this.pages = p;
        if (shape[n - 2] > Integer.MAX_VALUE || shape[n - 1] > Integer.MAX_VALUE || pages < 1) {
            throw JilastikException.usage("the image " + Arrays.toString(shape) + " cannot be written as a "
                    + "multipage tiff; export as hdf5 instead");
        }
        this.height = (int) shape[n - 2];
        this.width = (int) shape[n - 1];
        this.pageBytes = (long) height * width * dtype.byteSize();
        long classicEnd = 8 + firstDirectory(false).byteSize(false) + pages * pageBytes
                + (pages - 1) * otherDirectory(0, false).byteSize(false) + 16;
        this.big = classicEnd > CLASSIC_LIMIT;
        long start = (big ? 16 : 8) + firstDirectory(big).byteSize(big);
        this.dataStart = start + (start & 1);
        this.tempFile = StagedOutput.temporarySibling(target);
        try {
            channel = FileChannel.open(tempFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
            if (pages * pageBytes > 0) { // extend the file: unwritten samples read as zeros
                put(ByteBuffer.allocate(1), dataStart + pages * pageBytes - 1);
            }
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

    @Override
    public void write(Block block) {
        ImageSink.requireFits(this, block);
        if (finished) {
            throw new IllegalStateException("write after commit or abort");
        }
        int n = axes.size();
        int[] bs = block.shape();
        int lead = 1;
        for (int i = 0; i < n - 2; i++) {
            lead *= bs[i];
        }
        int rows = bs[n - 2];
        int cols = bs[n - 1];
        long y0 = block.box().start(n - 2);
        long x0 = block.box().start(n - 1);
        boolean wholeRows = cols == width;
        int size = dtype.byteSize();
        try {
            for (int l = 0; l < lead; l++) {
                long page = pageIndex(block, l);
                long base = dataStart + page * pageBytes;
                if (wholeRows) {
                    put(bytes(block.data(), l * rows * cols, rows * cols), base + y0 * width * size);
                } else {
                    for (int y = 0; y < rows; y++) {
                        put(bytes(block.data(), (l * rows + y) * cols, cols), base + ((y0 + y) * width + x0) * size);
                    }
                }
            }
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** The page of the {@code l}-th leading index combination of {@code block} (C-order over leading axes). */
    private long pageIndex(Block block, int l) {
        int n = axes.size();
        int[] bs = block.shape();
        long page = 0;
        int rem = l;
        int[] idx = new int[n - 2];
        for (int i = n - 3; i >= 0; i--) {
            idx[i] = rem % bs[i];
            rem /= bs[i];
        }
        for (int i = 0; i < n - 2; i++) {
            page = page * shape[i] + block.box().start(i) + idx[i];
        }
        return page;
    }

    @Override
    public void commit() {
        if (finished) {
            throw new IllegalStateException("commit after commit or abort");
        }
        try {
            synchronized (lock) {
                long pos = dataStart + pages * pageBytes;
                pos += pos & 1;
                long next = pages > 1 ? pos : 0;
                put(firstDirectory(big).serialise(big ? 16 : 8, next, big), big ? 16 : 8);
                for (long p = 1; p < pages; p++) {
                    TiffIfd d = otherDirectory(dataStart + p * pageBytes, big);
                    long following = p + 1 < pages ? pos + d.byteSize(big) : 0;
                    put(d.serialise(pos, following, big), pos);
                    pos = following;
                }
                put(TiffIfd.header(big ? 16 : 8, big), 0);
                channel.force(false);
                channel.close();
                channel = null;
            }
            StagedOutput.moveIntoPlace(tempFile, target);
            finished = true;
        } catch (IOException e) {
            abort();
            throw failure(e);
        }
    }

    private TiffIfd firstDirectory(boolean bigTiff) {
        TiffIfd d = common(dataStart(bigTiff), bigTiff);
        d.addAscii(270, description);
        d.addAscii(305, software);
        return d;
    }

    private long dataStart(boolean bigTiff) {
        // before the constructor has fixed the layout the offset value does not change the directory's size
        return bigTiff == big ? dataStart : 0;
    }

    private TiffIfd otherDirectory(long offset, boolean bigTiff) {
        return common(offset, bigTiff);
    }

    private TiffIfd common(long offset, boolean bigTiff) {
        TiffIfd d = new TiffIfd();
        d.add(256, TiffIfd.LONG, width);
        d.add(257, TiffIfd.LONG, height);
        d.add(258, TiffIfd.SHORT, dtype == DType.BOOL ? 8 : dtype.byteSize() * 8L);
        d.add(259, TiffIfd.SHORT, 1);
        d.add(262, TiffIfd.SHORT, 1);
        d.addOffsets(273, bigTiff, offset);
        d.add(277, TiffIfd.SHORT, 1);
        d.add(278, TiffIfd.LONG, height);
        d.addOffsets(279, bigTiff, pageBytes);
        d.add(282, TiffIfd.RATIONAL, 1, 1);
        d.add(283, TiffIfd.RATIONAL, 1, 1);
        d.add(296, TiffIfd.SHORT, 1);
        if (dtype.isFloating() || (dtype.isSigned() && dtype != DType.BOOL)) {
            d.add(339, TiffIfd.SHORT, dtype.isFloating() ? 3 : 2);
        }
        return d;
    }

    @Override
    public void abort() {
        if (finished) {
            return;
        }
        finished = true;
        synchronized (lock) {
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException ignored) {
                // deleted next
            }
            channel = null;
        }
        StagedOutput.deleteQuietly(tempFile);
    }

    @Override
    public void close() {
        abort();
    }

    private void put(ByteBuffer b, long position) throws IOException {
        FileChannel ch = channel;
        if (ch == null) {
            throw new IllegalStateException("write after commit or abort");
        }
        long p = position;
        while (b.hasRemaining()) {
            p += ch.write(b, p);
        }
    }

    private ByteBuffer bytes(Object data, int from, int n) {
        ByteBuffer b = ByteBuffer.allocate(n * dtype.byteSize()).order(ByteOrder.LITTLE_ENDIAN);
        switch (data) {
            case byte[] a -> b.put(a, from, n);
            case short[] a -> b.asShortBuffer().put(a, from, n);
            case int[] a -> b.asIntBuffer().put(a, from, n);
            case long[] a -> b.asLongBuffer().put(a, from, n);
            case float[] a -> b.asFloatBuffer().put(a, from, n);
            case double[] a -> b.asDoubleBuffer().put(a, from, n);
            default -> throw new IllegalStateException();
        }
        b.position(0);
        return b;
    }

    private JilastikException failure(IOException e) {
        return JilastikException.processing("cannot write the TIFF file " + target + " (" + e.getMessage()
                + "); check free disk space and write permission", e);
    }
}
