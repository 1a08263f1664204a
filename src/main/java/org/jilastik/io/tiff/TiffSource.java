package org.jilastik.io.tiff;

import java.awt.Rectangle;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
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
 * A TIFF file (single page, multi-page, ImageJ hyperstack, tifffile 'shaped'; classic or BigTIFF) read page by
 * page through ImageIO (TwelveMonkeys' reader): a box reads only the pages it covers, and of each page only the
 * requested rectangle (so only the strips or tiles that hold it). Axes follow {@link TiffLayout}. Supported
 * samples: 8/16/32-bit unsigned or signed integers, 32/64-bit floats; several samples per pixel become a
 * trailing {@code c} axis.
 *
 * <p>Thread safety: ImageIO readers are not thread safe, so reads are serialised on the reader.
 */
public final class TiffSource implements ImageSource {
    private final Path path;
    private final ImageInputStream stream;
    private final ImageReader reader;
    private final TiffLayout layout;
    private final DType dtype;
    private final int trailing;
    private final double[] zyxResolution;
    private final String imagejUnit;

    private TiffSource(Path path, ImageInputStream stream, ImageReader reader, TiffLayout layout, DType dtype,
            int trailing, double[] zyxResolution, String imagejUnit) {
        this.zyxResolution = zyxResolution;
        this.imagejUnit = imagejUnit;
        this.path = path;
        this.stream = stream;
        this.reader = reader;
        this.layout = layout;
        this.dtype = dtype;
        this.trailing = trailing;
    }

    /**
     * Opens a TIFF file and reads its metadata.
     *
     * @throws JilastikException (processing) if it is not a readable TIFF or uses an unsupported sample type
     */
    public static TiffSource open(Path path) {
        TiffInfo info;
        try {
            info = TiffInfo.read(path);
        } catch (IOException e) {
            throw JilastikException.processing("cannot read " + path + " as TIFF (" + e.getMessage()
                    + "); check that it is a TIFF file.", e);
        }
        DType dtype = dtypeOf(info, path);
        TiffLayout layout = TiffLayout.of(info, path.toString());
        ImageInputStream in = null;
        try {
            in = ImageIO.createImageInputStream(path.toFile());
            ImageReader r = tiffReader();
            r.setInput(in, false, true);
            return new TiffSource(path, in, r, layout, dtype, info.samplesPerPixel() > 1 ? 3 : 2,
                    calibration(info), imagejUnit(info));
        } catch (IOException | RuntimeException e) {
            closeQuietly(in);
            if (e instanceof JilastikException je) {
                throw je;
            }
            throw JilastikException.processing("cannot open " + path + " as TIFF (" + e.getMessage() + ").", e);
        }
    }

    // ilastik imports pixel sizes from ImageJ TIFFs only: x/y from the resolution tags (pixels per unit),
    // z from the description's "spacing="; other TIFFs get 0 (unknown) even when they carry resolution tags.
    private static double[] calibration(TiffInfo info) {
        String d = info.description();
        if (d == null || !d.startsWith("ImageJ=")) {
            return new double[3];
        }
        double z = 0;
        for (String line : d.split("\n")) {
            if (line.startsWith("spacing=")) {
                try {
                    z = Double.parseDouble(line.substring(8).trim());
                } catch (NumberFormatException e) {
                    z = 0;
                }
            }
        }
        return new double[] {z, info.yResolution() > 0 ? 1 / info.yResolution() : 0,
                info.xResolution() > 0 ? 1 / info.xResolution() : 0};
    }

    // ImageJ names one unit for all spatial axes ("unit="); none given means "" (ilastik then writes "").
    private static String imagejUnit(TiffInfo info) {
        String d = info.description();
        if (d == null || !d.startsWith("ImageJ=")) {
            return null;
        }
        for (String line : d.split("\n")) {
            if (line.startsWith("unit=")) {
                return line.substring(5).trim();
            }
        }
        return "";
    }

    @Override
    public String unit(char axis) {
        return imagejUnit == null || "zyx".indexOf(axis) < 0 || !layout.axes().has(axis) ? null : imagejUnit;
    }

    @Override
    public double resolution(char axis) {
        int i = "zyx".indexOf(axis);
        return i < 0 || !layout.axes().has(axis) ? 0 : zyxResolution[i];
    }

    private static ImageReader tiffReader() {
        ImageReader fallback = null;
        for (Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName("tiff"); it.hasNext(); ) {
            ImageReader r = it.next();
            if (r.getClass().getName().startsWith("com.twelvemonkeys")) {
                return r;
            }
            fallback = fallback == null ? r : fallback;
        }
        if (fallback == null) {
            throw JilastikException.processing("no TIFF reader is available in this Java runtime; "
                    + "reinstall jilastik.");
        }
        return fallback;
    }

    private static DType dtypeOf(TiffInfo info, Path path) {
        int bits = info.bitsPerSample();
        DType t = switch (info.sampleFormat()) {
            case 1 -> bits == 8 ? DType.UINT8 : bits == 16 ? DType.UINT16 : bits == 32 ? DType.UINT32 : null;
            case 2 -> bits == 8 ? DType.INT8 : bits == 16 ? DType.INT16 : bits == 32 ? DType.INT32 : null;
            case 3 -> bits == 32 ? DType.FLOAT32 : bits == 64 ? DType.FLOAT64 : null;
            default -> null;
        };
        if (t == null) {
            throw JilastikException.processing(path + " stores " + bits + "-bit samples of TIFF sample format "
                    + info.sampleFormat() + ", which jilastik cannot read; save it as 8/16/32-bit integer or "
                    + "32/64-bit float.");
        }
        return t;
    }

    @Override
    public Axes axes() {
        return layout.axes();
    }

    @Override
    public AxesOrigin axesOrigin() {
        return layout.origin();
    }

    @Override
    public long[] shape() {
        return layout.shape().clone();
    }

    @Override
    public DType dtype() {
        return dtype;
    }

    /** One page: leading axes 1, then the full page. */
    @Override
    public int[] chunkShape() {
        long[] s = layout.shape();
        int[] c = new int[s.length];
        Arrays.fill(c, 1);
        for (int i = s.length - trailing; i < s.length; i++) {
            c[i] = (int) s[i];
        }
        return c;
    }

    @Override
    public Block read(Box box) {
        Regions.requireInside(this, box);
        Block out = Block.allocate(layout.axes(), box, dtype);
        if (box.isEmpty()) {
            return out;
        }
        int nd = box.ndim();
        int lead = nd - trailing;
        long[] shape = layout.shape();
        int y0 = (int) box.start(lead);
        int x0 = (int) box.start(lead + 1);
        int h = (int) box.size(lead);
        int w = (int) box.size(lead + 1);
        int c0 = trailing == 3 ? (int) box.start(nd - 1) : 0;
        int nc = trailing == 3 ? (int) box.size(nd - 1) : 1;
        int pageSize = h * w * nc;
        long[] idx = new long[lead];
        for (int i = 0; i < lead; i++) {
            idx[i] = box.start(i);
        }
        int slot = 0;
        while (true) {
            long page = 0;
            for (int i = 0; i < lead; i++) {
                page = page * shape[i] + idx[i];
            }
            Raster r = readPage((int) page, new Rectangle(x0, y0, w, h));
            if (r.getWidth() < w || r.getHeight() < h || r.getNumBands() < c0 + nc) {
                // damaged tags: the decoder's raster disagrees with the layout read from them (found by fuzzing)
                throw JilastikException.processing("page " + page + " of " + path + " decodes to " + r.getWidth()
                        + " x " + r.getHeight() + " pixels with " + r.getNumBands() + " samples, not the " + w + " x "
                        + h + " with " + (c0 + nc) + " its tags promise; the file may be damaged.");
            }
            copyPage(r, out.data(), slot * pageSize, w, h, c0, nc);
            slot++;
            int k = lead - 1;
            while (k >= 0 && ++idx[k] >= box.stop(k)) {
                idx[k] = box.start(k);
                k--;
            }
            if (k < 0) {
                return out;
            }
        }
    }

    private Raster readPage(int page, Rectangle region) {
        synchronized (reader) {
            try {
                ImageReadParam p = reader.getDefaultReadParam();
                p.setSourceRegion(region);
                return reader.readRaster(page, p);
            } catch (IOException | RuntimeException e) {
                throw JilastikException.processing("cannot decode page " + page + " of " + path + " ("
                        + e.getMessage() + "); the file may be damaged or use an unsupported compression.", e);
            }
        }
    }

    /** Copies a decoded rectangle (all bands interleaved) into the block at {@code base}, keeping bands c0..c0+nc. */
    private void copyPage(Raster r, Object dst, int base, int w, int h, int c0, int nc) {
        int bands = r.getNumBands();
        int x = r.getMinX();
        int y = r.getMinY();
        int n = w * h;
        switch (dtype) {
            case FLOAT32 -> {
                float[] px = r.getPixels(x, y, w, h, (float[]) null);
                float[] d = (float[]) dst;
                for (int i = 0; i < n; i++) {
                    for (int c = 0; c < nc; c++) {
                        d[base + i * nc + c] = px[i * bands + c0 + c];
                    }
                }
            }
            case FLOAT64 -> {
                double[] px = r.getPixels(x, y, w, h, (double[]) null);
                double[] d = (double[]) dst;
                for (int i = 0; i < n; i++) {
                    for (int c = 0; c < nc; c++) {
                        d[base + i * nc + c] = px[i * bands + c0 + c];
                    }
                }
            }
            default -> {
                int[] px = r.getPixels(x, y, w, h, (int[]) null);
                for (int i = 0; i < n; i++) {
                    for (int c = 0; c < nc; c++) {
                        int v = px[i * bands + c0 + c];
                        int at = base + i * nc + c;
                        switch (dtype) {
                            case UINT8, INT8 -> ((byte[]) dst)[at] = (byte) v;
                            case UINT16, INT16 -> ((short[]) dst)[at] = (short) v;
                            default -> ((int[]) dst)[at] = v;
                        }
                    }
                }
            }
        }
    }

    /** Why the axes are what they are (for logs), e.g. the plain multi-page TIFF convention. */
    public String axesNote() {
        return layout.note();
    }

    @Override
    public String describe() {
        return "TIFF " + path + " " + Arrays.toString(layout.shape()) + " " + dtype + " " + layout.axes()
                + " (" + layout.note() + ")";
    }

    @Override
    public void close() {
        synchronized (reader) {
            reader.dispose();
            closeQuietly(stream);
        }
    }

    private static void closeQuietly(ImageInputStream s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }
}
