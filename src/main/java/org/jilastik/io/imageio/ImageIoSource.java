package org.jilastik.io.imageio;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.jilastik.error.JilastikException;
import org.jilastik.io.AxesOrigin;
import org.jilastik.io.ImageSource;
import org.jilastik.io.Regions;

/**
 * A 2-D image file read through ImageIO (PNG, JPEG, BMP, GIF, PNM), the formats ilastik reads with vigra:
 * axes are always {@code yxc} (a grey image has c = 1); a file with several images (animated GIF) is
 * {@code zyxc}. Palette images are expanded to RGB(A), as vigra does. 8-bit samples are uint8, 16-bit uint16.
 *
 * <p>Like ilastik, the whole image is decoded once, on the first read, and kept. Thread safe (the decode is
 * synchronised; later reads copy from the cached array).
 */
public final class ImageIoSource implements ImageSource {
    /** File extensions this reader accepts (lower case, no dot). */
    public static final List<String> EXTENSIONS = List.of("png", "jpg", "jpeg", "bmp", "gif", "pnm", "pgm", "ppm",
            "pbm");

    private final Path path;
    private final long[] shape;
    private final DType dtype;
    private final Axes axes;
    private Object cache;

    private ImageIoSource(Path path, long[] shape, DType dtype) {
        this.path = path;
        this.shape = shape;
        this.dtype = dtype;
        this.axes = Axes.of(shape.length == 4 ? "zyxc" : "yxc");
    }

    /**
     * Reads the header of an image file.
     *
     * @throws JilastikException (processing) if no ImageIO reader decodes it or the sample type is unsupported
     */
    public static ImageIoSource open(Path path) {
        try (ImageInputStream in = ImageIO.createImageInputStream(path.toFile())) {
            ImageReader r = reader(in, path);
            try {
                r.setInput(in);
                int images = r.getNumImages(true);
                ImageTypeSpecifier type = r.getRawImageType(0);
                int bands;
                DType dtype;
                if (type == null || type.getColorModel() instanceof IndexColorModel) {
                    boolean alpha = type != null && type.getColorModel().hasAlpha();
                    bands = alpha ? 4 : 3;
                    dtype = DType.UINT8;
                } else {
                    bands = type.getSampleModel().getNumBands();
                    dtype = dtypeOf(type.getSampleModel().getDataType(), path);
                }
                long h = r.getHeight(0);
                long w = r.getWidth(0);
                long[] shape = images > 1 ? new long[] {images, h, w, bands} : new long[] {h, w, bands};
                return new ImageIoSource(path, shape, dtype);
            } finally {
                r.dispose();
            }
        } catch (IOException e) {
            throw JilastikException.processing("cannot read image " + path + " (" + e.getMessage() + ").", e);
        } catch (JilastikException e) {
            throw e;
        } catch (RuntimeException e) {
            // ImageIO's decoders throw unchecked exceptions on damaged files (found by fuzzing)
            throw JilastikException.processing("cannot read image " + path + " (" + e + "); the file may be "
                    + "damaged.", e);
        }
    }

    private static ImageReader reader(ImageInputStream in, Path path) {
        if (in == null) {
            throw JilastikException.processing("cannot open image " + path + ".");
        }
        Iterator<ImageReader> it = ImageIO.getImageReaders(in);
        if (!it.hasNext()) {
            throw JilastikException.processing(path + " is not an image format jilastik can decode "
                    + "(supported: PNG, JPEG, BMP, GIF, PNM, TIFF, HDF5, N5, Zarr, npy).");
        }
        return it.next();
    }

    private static DType dtypeOf(int dataBufferType, Path path) {
        return switch (dataBufferType) {
            case DataBuffer.TYPE_BYTE -> DType.UINT8;
            case DataBuffer.TYPE_USHORT -> DType.UINT16;
            default -> throw JilastikException.processing(path + " has a pixel type jilastik cannot read "
                    + "(ImageIO data type " + dataBufferType + "); save it with 8- or 16-bit samples.");
        };
    }

    @Override
    public Axes axes() {
        return axes;
    }

    @Override
    public AxesOrigin axesOrigin() {
        return AxesOrigin.FORMAT_CONVENTION;
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
    public Block read(Box box) {
        Regions.requireInside(this, box);
        Object all = decoded();
        Block out = Block.allocate(axes, box, dtype);
        Regions.copy(all, bounds(), out.data(), box, box);
        return out;
    }

    private synchronized Object decoded() {
        if (cache != null) {
            return cache;
        }
        int images = shape.length == 4 ? (int) shape[0] : 1;
        int h = (int) shape[shape.length - 3];
        int w = (int) shape[shape.length - 2];
        int bands = (int) shape[shape.length - 1];
        long elements = (long) h * w * bands * images;
        if (elements > Integer.MAX_VALUE - 8) {
            // these codecs decode whole images into one Java array
            throw JilastikException.processing("image " + path + " (" + java.util.Arrays.toString(shape) + ") is "
                    + "too large for jilastik's " + "reader of this format; convert it to TIFF or HDF5.");
        }
        int plane = h * w * bands;
        Object data = Block.newStorage(dtype, (int) elements);
        try (ImageInputStream in = ImageIO.createImageInputStream(path.toFile())) {
            ImageReader r = reader(in, path);
            try {
                r.setInput(in);
                for (int i = 0; i < images; i++) {
                    BufferedImage img = r.read(i);
                    if (img.getWidth() != w || img.getHeight() != h) {
                        throw JilastikException.processing("image " + i + " of " + path
                                + " has a different size than the first; split the file into single images.");
                    }
                    copy(img, data, i * plane, w, h, bands);
                }
            } finally {
                r.dispose();
            }
        } catch (IOException e) {
            throw JilastikException.processing("cannot decode image " + path + " (" + e.getMessage() + ").", e);
        } catch (JilastikException e) {
            throw e;
        } catch (RuntimeException e) {
            throw JilastikException.processing("cannot decode image " + path + " (" + e + "); the file may be "
                    + "damaged.", e);
        }
        cache = data;
        return data;
    }

    private void copy(BufferedImage img, Object dst, int base, int w, int h, int bands) {
        if (img.getColorModel() instanceof IndexColorModel) {
            int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
            byte[] d = (byte[]) dst;
            for (int i = 0; i < w * h; i++) {
                int p = argb[i];
                d[base + i * bands] = (byte) (p >> 16);
                d[base + i * bands + 1] = (byte) (p >> 8);
                d[base + i * bands + 2] = (byte) p;
                if (bands == 4) {
                    d[base + i * bands + 3] = (byte) (p >>> 24);
                }
            }
            return;
        }
        Raster r = img.getRaster();
        int[] px = r.getPixels(0, 0, w, h, (int[]) null);
        if (dtype == DType.UINT8) {
            byte[] d = (byte[]) dst;
            for (int i = 0; i < px.length; i++) {
                d[base + i] = (byte) px[i];
            }
        } else {
            short[] d = (short[]) dst;
            for (int i = 0; i < px.length; i++) {
                d[base + i] = (short) px[i];
            }
        }
    }

    @Override
    public String describe() {
        return path.getFileName().toString().toUpperCase(Locale.ROOT).replaceAll(".*\\.", "") + " image " + path
                + " " + Arrays.toString(shape) + " " + dtype + " " + axes;
    }

    @Override
    public void close() {
        synchronized (this) {
            cache = null;
        }
    }
}
