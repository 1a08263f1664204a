package org.jilastik.io.hdf5;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import java.lang.reflect.Array;
import java.math.BigInteger;
import java.nio.file.Path;
import org.jilastik.array.Block;
import org.jilastik.array.DType;

/** Reads HDF5 datasets with jhdf (pure Java, independent of libhdf5) into jilastik's flat storage. */
public final class JhdfTestReads {
    private JhdfTestReads() {
    }

    /** The whole dataset, flat C-order, stored as {@link Block} stores {@code dtype}. */
    public static Object readFlat(Path file, String path, DType dtype) {
        try (HdfFile f = new HdfFile(file)) {
            return toStorage(f.getDatasetByPath(path).getDataFlat(), dtype);
        }
    }

    /** jhdf's array (possibly widened for unsigned types) as the storage of {@code dtype}. */
    public static Object toStorage(Object flat, DType dtype) {
        int n = Array.getLength(flat);
        Object out = Block.newStorage(dtype, n);
        for (int i = 0; i < n; i++) {
            Object v = Array.get(flat, i);
            switch (out) {
                case byte[] a -> a[i] = v instanceof Boolean b ? (byte) (b ? 1 : 0) : ((Number) v).byteValue();
                case short[] a -> a[i] = ((Number) v).shortValue();
                case int[] a -> a[i] = ((Number) v).intValue();
                case long[] a -> a[i] = v instanceof BigInteger b ? b.longValue() : ((Number) v).longValue();
                case float[] a -> a[i] = ((Number) v).floatValue();
                case double[] a -> a[i] = ((Number) v).doubleValue();
                default -> throw new IllegalStateException();
            }
        }
        return out;
    }

    /** The dataset's dtype as jhdf reports it, in NumPy terms. */
    public static DType dtypeOf(Dataset d) {
        var t = d.getDataType();
        String cls = t.getClass().getSimpleName();
        int size = t.getSize();
        if (cls.equals("FloatingPoint")) {
            return size == 4 ? DType.FLOAT32 : DType.FLOAT64;
        }
        boolean signed = ((io.jhdf.object.datatype.FixedPoint) t).isSigned();
        return switch (size) {
            case 1 -> signed ? DType.INT8 : DType.UINT8;
            case 2 -> signed ? DType.INT16 : DType.UINT16;
            case 4 -> signed ? DType.INT32 : DType.UINT32;
            default -> signed ? DType.INT64 : DType.UINT64;
        };
    }
}
