package org.jilastik.e2e;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.jilastik.io.ImageSource;
import org.jilastik.io.hdf5.JhdfTestReads;
import org.jilastik.io.imageio.ImageIoSource;
import org.jilastik.io.n5.N5Source;
import org.jilastik.io.npy.NpySource;
import org.jilastik.io.tiff.TiffSource;
import org.jilastik.io.zarr.ZarrSource;

/**
 * One exported pixel array read back whole, in C order, the way the export-options README describes its files:
 * HDF5 through jhdf, {@code .npy} through {@link NpySource}, TIFF through {@link TiffSource} (pages in file
 * order, so a multi-page file reads page-major), PNG and the other 2-D image formats through
 * {@link ImageIoSource} as {@code (y, x, c)}, N5 through {@link N5Source}, (OME-)Zarr through {@link ZarrSource}.
 *
 * @param shape extents as read, C-order
 * @param dtype element type
 * @param axes  the axis letters the reader reports (HDF5: from the {@code axistags} attribute)
 * @param data  flat C-order storage as {@link Block} stores {@code dtype}
 */
record PixelArray(long[] shape, DType dtype, String axes, Object data) {

    /**
     * Reads {@code path}: a file by its extension, or a container ({@code .h5}, {@code .n5}, {@code .zarr}) at
     * {@code internalPath} (for OME-Zarr the scale, e.g. {@code s0}).
     */
    static PixelArray read(Path path, String internalPath) {
        String name = path.getFileName().toString().toLowerCase();
        if (name.endsWith(".h5")) {
            return hdf5(path, internalPath);
        }
        ImageSource source = name.endsWith(".npy") ? NpySource.open(path)
                : name.endsWith(".tif") || name.endsWith(".tiff") ? TiffSource.open(path)
                : name.endsWith(".n5") ? N5Source.open(path, internalPath)
                : name.endsWith(".zarr") ? ZarrSource.open(path, internalPath)
                : ImageIoSource.open(path);
        try (source) {
            long[] shape = source.shape();
            Block b = source.read(Box.ofShape(shape));
            return new PixelArray(shape, source.dtype(), source.axes().letters(), b.data());
        }
    }

    private static PixelArray hdf5(Path file, String datasetPath) {
        try (HdfFile f = new HdfFile(file)) {
            Dataset d = f.getDatasetByPath(datasetPath);
            DType dtype = JhdfTestReads.dtypeOf(d);
            long[] shape = Arrays.stream(d.getDimensions()).mapToLong(i -> i).toArray();
            Object flat = d.getDataFlat();
            Object data = dtype == DType.FLOAT32 && flat instanceof float[] ? flat
                    : dtype == DType.FLOAT64 && flat instanceof double[] ? flat
                    : JhdfTestReads.toStorage(flat, dtype);
            Object tags = d.getAttribute("axistags") == null ? null : d.getAttribute("axistags").getData();
            return new PixelArray(shape, dtype, tags == null ? null : axisKeys(tags.toString()), data);
        }
    }

    /** The axis keys of a vigra {@code axistags} JSON text, in order ({@code "key": "y"} ...). */
    static String axisKeys(String axistags) {
        StringBuilder b = new StringBuilder();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"key\"\\s*:\\s*\"(\\w)\"").matcher(axistags);
        while (m.find()) {
            b.append(m.group(1));
        }
        return b.toString();
    }

    int size() {
        return java.lang.reflect.Array.getLength(data);
    }

    /** Value {@code i} as a double (unsigned types read unsigned). */
    double value(int i) {
        return switch (data) {
            case float[] a -> a[i];
            case double[] a -> a[i];
            case byte[] a -> dtype == DType.INT8 ? a[i] : a[i] & 0xff;
            case short[] a -> dtype == DType.UINT16 ? a[i] & 0xffff : a[i];
            case int[] a -> dtype == DType.UINT32 ? a[i] & 0xffffffffL : a[i];
            case long[] a -> a[i];
            default -> throw new IllegalStateException("storage " + data.getClass());
        };
    }

    /**
     * The SHA-256 (hex) of the array as NumPy's {@code a.tobytes()} gives it for a C-contiguous little-endian
     * array: elements in C order, each in its dtype's width, little-endian (bool as one byte 0/1).
     */
    String sha256() {
        int n = size();
        ByteBuffer buf = ByteBuffer.allocate(n * (dtype == DType.BOOL ? 1 : dtype.byteSize()))
                .order(ByteOrder.LITTLE_ENDIAN);
        switch (data) {
            case byte[] a -> buf.put(a);
            case short[] a -> buf.asShortBuffer().put(a);
            case int[] a -> buf.asIntBuffer().put(a);
            case long[] a -> buf.asLongBuffer().put(a);
            case float[] a -> buf.asFloatBuffer().put(a);
            case double[] a -> buf.asDoubleBuffer().put(a);
            default -> throw new IllegalStateException("storage " + data.getClass());
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(buf.array()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The sub-array {@code [start, stop)} (C-order boxes of this array's rank), copied. */
    PixelArray slice(long[] start, long[] stop) {
        Box box = new Box(start, stop);
        Block whole = new Block(org.jilastik.array.Axes.of("tzyxc".substring(5 - shape.length)), Box.ofShape(shape),
                dtype, data);
        Block part = Block.allocate(whole.axes(), box, dtype);
        org.jilastik.io.Regions.copy(whole.data(), whole.box(), part.data(), box, box);
        return new PixelArray(box.shape(), dtype, axes, part.data());
    }
}
