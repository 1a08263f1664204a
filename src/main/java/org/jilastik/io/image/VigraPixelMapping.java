package org.jilastik.io.image;

import java.util.List;
import org.jilastik.array.DType;

/**
 * What vigra's {@code exportImage} does to the values of a 2-D image before a codec sees them (vigra
 * {@code impex.hxx}, {@code impexbase.hxx}, {@code codecmanager.cxx}):
 *
 * <ol>
 *   <li><b>Negotiation.</b> If the codec stores the array's pixel type, the values are written unchanged.
 *       Otherwise the file gets {@code UINT8} and the values are <i>downcast</i>.</li>
 *   <li><b>Range.</b> For a downcast, the source range is the minimum and maximum of the whole image, all
 *       channels together (a constant image {@code v} counts as {@code (v, v + 1)}); the destination range is
 *       the target type's full range ({@code 0..255}).</li>
 *   <li><b>Mapping.</b> When the two ranges differ, {@code scale = (d1 − d0) / (s1 − s0)},
 *       {@code offset = d0 / scale − s0}, {@code v = scale · (x + offset)}, all in double precision (so for
 *       {@code d0 = 0}: {@code v = (x − s0) · 255 / (s1 − s0)}).</li>
 *   <li><b>Cast.</b> vigra's {@code fromRealPromote}: clamp to the target range, then round half up
 *       ({@code (int) (v + 0.5)} for positive values, {@code (int) (v − 0.5)} for negative ones).</li>
 * </ol>
 *
 * Verified byte for byte on ilastik's PNG exports of float32 probabilities (0 differing bytes of 14,400 and 5 ×
 * 5,760). bool is treated as uint8 (values 0 and 1). Stateless, thread safe.
 */
public final class VigraPixelMapping {
    private VigraPixelMapping() {
    }

    /** The dtype vigra gives the file for {@code source} when the codec stores {@code supported}. */
    public static DType negotiate(DType source, List<DType> supported) {
        DType s = source == DType.BOOL ? DType.UINT8 : source;
        return supported.contains(s) ? s : DType.UINT8;
    }

    /** Whether {@code source} must be range-mapped for a codec storing {@code supported}. */
    public static boolean downcasts(DType source, List<DType> supported) {
        return !supported.contains(source == DType.BOOL ? DType.UINT8 : source);
    }

    /**
     * The values of {@code data} (flat storage of {@code source}) as vigra writes them into a file of
     * {@code target} (from {@link #negotiate}). Returns {@code data} itself when nothing changes; otherwise a new
     * array of {@code target}'s storage type.
     */
    public static Object convert(Object data, DType source, DType target) {
        DType s = source == DType.BOOL ? DType.UINT8 : source;
        if (s == target) {
            return data;
        }
        int n = java.lang.reflect.Array.getLength(data);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double v = value(data, source, i);
            if (v < lo) {
                lo = v;
            }
            if (v > hi) {
                hi = v;
            }
        }
        if (!(lo < hi)) {
            hi = lo + 1.0;
        }
        double d0 = minOf(target);
        double d1 = maxOf(target);
        boolean map = lo != d0 || hi != d1;
        double scale = (d1 - d0) / (hi - lo);
        double offset = d0 / scale - lo;
        Object out = org.jilastik.array.Block.newStorage(target, n);
        for (int i = 0; i < n; i++) {
            double x = value(data, source, i);
            double v = map ? scale * (x + offset) : x;
            store(out, target, i, v, d0, d1);
        }
        return out;
    }

    private static double minOf(DType t) {
        return switch (t) {
            case UINT8, UINT16, UINT32 -> 0;
            case INT16 -> Short.MIN_VALUE;
            case INT32 -> Integer.MIN_VALUE;
            case FLOAT32 -> -Float.MAX_VALUE;
            default -> throw new IllegalArgumentException("vigra writes no " + t + " images");
        };
    }

    private static double maxOf(DType t) {
        return switch (t) {
            case UINT8 -> 255;
            case UINT16 -> 65535;
            case UINT32 -> 4294967295.0;
            case INT16 -> Short.MAX_VALUE;
            case INT32 -> Integer.MAX_VALUE;
            case FLOAT32 -> Float.MAX_VALUE;
            default -> throw new IllegalArgumentException("vigra writes no " + t + " images");
        };
    }

    /** vigra's {@code NumericTraits<T>::fromRealPromote}: clamp, then round half away from zero. */
    private static void store(Object out, DType t, int i, double v, double lo, double hi) {
        if (t == DType.FLOAT32) {
            ((float[]) out)[i] = (float) v;
            return;
        }
        long r = v <= lo ? (long) lo : v >= hi ? (long) hi : v >= 0 ? (long) (v + 0.5) : (long) (v - 0.5);
        switch (out) {
            case byte[] a -> a[i] = (byte) r;
            case short[] a -> a[i] = (short) r;
            case int[] a -> a[i] = (int) r;
            default -> throw new IllegalStateException();
        }
    }

    /** Element {@code i} of flat storage of {@code dtype}, unsigned types read unsigned. */
    static double value(Object data, DType dtype, int i) {
        return switch (data) {
            case byte[] a -> dtype == DType.INT8 ? a[i] : a[i] & 0xff;
            case short[] a -> dtype == DType.UINT16 ? a[i] & 0xffff : a[i];
            case int[] a -> dtype == DType.UINT32 ? a[i] & 0xffffffffL : a[i];
            case long[] a -> dtype == DType.UINT64 && a[i] < 0 ? a[i] + 0x1p64 : a[i];
            case float[] a -> a[i];
            case double[] a -> a[i];
            default -> throw new IllegalStateException("storage " + data.getClass());
        };
    }
}
