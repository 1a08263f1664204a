package org.jilastik.e2e;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.jilastik.io.hdf5.JhdfTestReads;
import org.jilastik.io.tiff.TiffSource;
import org.jilastik.io.tiff.TiffTestReads;

/**
 * One exported array read back whole: HDF5 through jhdf (independent of the libhdf5 writer), TIFF through
 * jilastik's {@link TiffSource}. {@code data} is flat C-order storage as {@link Block} stores {@code dtype}
 * (unsigned values in the signed Java type of the same width).
 *
 * @param file   the file read
 * @param dtype  element type
 * @param shape  extents, C-order
 * @param axes   HDF5: the {@code axistags} attribute's text; TIFF: the axes letters TiffSource reads
 * @param attrs  HDF5: every attribute of the dataset (name → value, arrays as Java arrays); TIFF: every tag of the
 *               first directory except the strip offsets and byte counts (which depend on the LZW encoder)
 * @param data   the values
 */
record ExportedFile(Path file, DType dtype, long[] shape, String axes, Map<String, Object> attrs, Object data) {

    /** Reads {@code file}: TIFF by extension, anything else as HDF5 dataset {@code datasetPath}. */
    static ExportedFile read(Path file, String datasetPath) throws IOException {
        String name = file.getFileName().toString().toLowerCase();
        if (name.endsWith(".png")) {
            return png(file);
        }
        return name.endsWith(".tif") || name.endsWith(".tiff") ? tiff(file) : hdf5(file, datasetPath);
    }

    static ExportedFile hdf5(Path file, String datasetPath) {
        try (HdfFile f = new HdfFile(file)) {
            Dataset d = f.getDatasetByPath(datasetPath);
            DType dtype = JhdfTestReads.dtypeOf(d);
            long[] shape = Arrays.stream(d.getDimensions()).mapToLong(i -> i).toArray();
            Object flat = d.getDataFlat();
            Object data = dtype == DType.FLOAT32 && flat instanceof float[] ? flat
                    : dtype == DType.FLOAT64 && flat instanceof double[] ? flat
                    : JhdfTestReads.toStorage(flat, dtype);
            Map<String, Object> attrs = new TreeMap<>();
            for (Map.Entry<String, Attribute> e : d.getAttributes().entrySet()) {
                attrs.put(e.getKey(), e.getValue().getData());
            }
            Object tags = attrs.get("axistags");
            return new ExportedFile(file, dtype, shape, tags == null ? null : tags.toString(), attrs, data);
        }
    }

    static ExportedFile tiff(Path file) throws IOException {
        try (TiffSource s = TiffSource.open(file)) {
            long[] shape = s.shape();
            Block b = s.read(new Box(new long[shape.length], shape.clone()));
            Map<String, Object> tags = new TreeMap<>();
            java.util.List<Map<Integer, Object>> pages = org.jilastik.io.tiff.TiffPages.read(file);
            if (pages.size() > 1) {
                // a multi-page OME-TIFF: every page's tags but offsets and texts, and the OME-XML without ids
                tags.put("pages", org.jilastik.io.tiff.TiffPages.layoutTags(file).toArray(new String[0]));
                Object xml = pages.getFirst().get(270);
                tags.put("ome", xml == null ? null
                        : xml.toString().replaceAll(" UUID=\"[^\"]*\"\\s+Creator=\"[^\"]*\"", ""));
                return new ExportedFile(file, s.dtype(), shape, s.axes().toString(), tags, b.data());
            }
            for (Map.Entry<Integer, long[]> e : TiffTestReads.tags(file).entrySet()) {
                if (e.getKey() != 273 && e.getKey() != 279) {
                    tags.put("tag " + e.getKey(), e.getValue());
                }
            }
            return new ExportedFile(file, s.dtype(), shape, s.axes().toString(), tags, b.data());
        }
    }

    /** A PNG through jilastik's {@link org.jilastik.io.imageio.ImageIoSource} (yxc); no attributes. */
    static ExportedFile png(Path file) {
        try (org.jilastik.io.imageio.ImageIoSource s = org.jilastik.io.imageio.ImageIoSource.open(file)) {
            Block b = s.readAll();
            return new ExportedFile(file, s.dtype(), s.shape(), s.axes().toString(), new TreeMap<>(), b.data());
        }
    }

    int size() {
        return java.lang.reflect.Array.getLength(data);
    }

    /** Value {@code i} as a double (unsigned types read unsigned). */
    double value(int i) {
        return switch (data) {
            case float[] a -> a[i];
            case double[] a -> a[i];
            case byte[] a -> dtype == DType.UINT8 ? a[i] & 0xff : a[i];
            case short[] a -> dtype == DType.UINT16 ? a[i] & 0xffff : a[i];
            case int[] a -> dtype == DType.UINT32 ? a[i] & 0xffffffffL : a[i];
            case long[] a -> a[i];
            default -> throw new IllegalStateException("storage " + data.getClass());
        };
    }

    /** The C-order position of flat index {@code flat} in {@code shape}, as text. */
    static String position(long flat, long[] shape) {
        long[] idx = new long[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            idx[d] = flat % shape[d];
            flat /= shape[d];
        }
        return Arrays.toString(idx);
    }
}
