package org.jilastik.io.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.DType;
import org.jilastik.error.JilastikException;
import org.jilastik.io.ImageSink;
import org.jilastik.io.StagedOutput;

/**
 * An {@link ImageSink} for one 2-D image in a {@link VigraImageFormat} (png, bmp, gif, jpeg, pnm family, ras,
 * hdr), written as ilastik writes it through {@code vigra.impex.writeImage}: values converted by
 * {@link VigraPixelMapping} (unchanged when the codec stores the dtype, else stretched from the image's own
 * min..max to 0..255), then encoded.
 *
 * <p>Layout: three axes {@code (rows, columns, c)}. Memory: these codecs need the whole image and its range
 * before the first byte is written, so the image is held in memory until {@link #commit()} (about twice its
 * size while converting); the export planner says so in the log. The file is written under a hidden temporary
 * name and renamed at commit. Thread safety: concurrent {@link #write(Block)} calls for disjoint blocks are safe.
 */
public final class VigraImageWriter implements ImageSink {

    private final VigraImageFormat format;
    private final Path target;
    private final Axes axes;
    private final long[] shape;
    private final DType dtype;
    private final int height;
    private final int width;
    private final int bands;
    private final Object buffer;
    private final Path tempFile;
    private volatile boolean finished;

    /**
     * Prepares an image of {@code shape = (rows, columns, channels)}.
     *
     * @param format the codec
     * @param file   final file; its directory must exist
     * @throws JilastikException (usage) when the codec cannot store this channel count or dtype, or the image is
     *                           too large to hold in memory
     */
    public VigraImageWriter(VigraImageFormat format, Path file, Axes axes, long[] shape, DType dtype) {
        if (axes.size() != 3 || axes.get(2) != 'c' || shape.length != 3) {
            throw new IllegalArgumentException("a 2-D image needs axes (row, column, c), got " + axes);
        }
        requireStorable(format, shape, dtype);
        long n = shape[0] * shape[1] * shape[2];
        this.format = format;
        this.target = file.toAbsolutePath();
        this.axes = axes;
        this.shape = shape.clone();
        this.dtype = dtype;
        this.height = (int) shape[0];
        this.width = (int) shape[1];
        this.bands = (int) shape[2];
        this.buffer = Block.newStorage(dtype, (int) n);
        this.tempFile = StagedOutput.temporarySibling(target);
    }

    /**
     * Refuses, before anything is computed, an image the codec cannot store: a channel count it lacks, a dtype that
     * is neither stored nor mapped to one it stores (hdr), or more values than fit in memory.
     *
     * @param shape {@code (rows, columns, channels)}
     * @throws JilastikException (usage) naming the limit and the way out
     */
    public static void requireStorable(VigraImageFormat format, long[] shape, DType dtype) {
        String name = format.name().toLowerCase(Locale.ROOT);
        if (!format.channels().contains((int) shape[2])) {
            throw JilastikException.usage("the " + name + " format stores " + format.channels()
                    + " channels per pixel, but the export has " + shape[2] + "; export as tif or hdf5 instead");
        }
        if (!format.pixelTypes().contains(VigraPixelMapping.negotiate(dtype, format.pixelTypes()))) {
            throw JilastikException.usage("the " + name + " format stores only " + format.pixelTypes()
                    + " images, but the export is " + dtype + "; export as tif or hdf5 instead");
        }
        long n = shape[0] * shape[1] * shape[2];
        if (shape[0] < 1 || shape[1] < 1 || n > Integer.MAX_VALUE - 8) {
            throw JilastikException.usage("the image " + Arrays.toString(shape) + " cannot be written as " + name
                    + " (it must fit in memory, at most 2^31 values); export as tif or hdf5 instead");
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
        int[] bs = block.shape();
        int y0 = (int) block.box().start(0);
        int x0 = (int) block.box().start(1);
        int c0 = (int) block.box().start(2);
        for (int y = 0; y < bs[0]; y++) {
            for (int x = 0; x < bs[1]; x++) {
                System.arraycopy(block.data(), (y * bs[1] + x) * bs[2], buffer,
                        ((y0 + y) * width + x0 + x) * bands + c0, bs[2]);
            }
        }
    }

    @Override
    public void commit() {
        if (finished) {
            throw new IllegalStateException("commit after commit or abort");
        }
        try {
            DType fileType = VigraPixelMapping.negotiate(dtype, format.pixelTypes());
            Object values = VigraPixelMapping.convert(buffer, dtype, fileType);
            Files.deleteIfExists(tempFile);
            format.encode(tempFile, height, width, bands, fileType, values);
            StagedOutput.moveIntoPlace(tempFile, target);
            finished = true;
        } catch (IOException | RuntimeException e) {
            abort();
            if (e instanceof JilastikException j) {
                throw j;
            }
            throw JilastikException.processing("cannot write the image " + target + " (" + e.getMessage()
                    + "); check free disk space and write permission", e);
        }
    }

    @Override
    public void abort() {
        if (finished) {
            return;
        }
        finished = true;
        StagedOutput.deleteQuietly(tempFile);
    }

    @Override
    public void close() {
        abort();
    }
}
