package org.jilastik.export;

import org.jilastik.array.Block;
import org.jilastik.array.DType;

/**
 * ilastik's export normalisation and dtype conversion (spec cli-and-io §3.9), bit-exact, on flat arrays.
 *
 * <p>Without normalisation the result is {@code asarray(a, T)}: a C-style cast (float → integer truncates
 * toward zero, integers wrap, no clipping; {@link NumpyRules}). With normalisation ({@code (in0, in1) → (out0,
 * out1)}) it is NumPy's {@code out0 + (a - in0) * ratio} with {@code ratio = float32((float64(out1) −
 * float64(out0)) / (float64(in1) − float64(in0)))} (0 when the input spread is within 1e-8 of zero), each
 * operation in the dtype NumPy 1.x promotion gives it: a float32 block is computed in float32 (Java
 * {@code float} arithmetic, the scalars rounded to float32 first), a small integer block subtracts in its own
 * integer type (it can wrap below zero when {@code in0} is an integer literal) and then multiplies in float32,
 * wider integers in float64. The value is rounded half-to-even ({@link Math#rint}) when the source is floating
 * and the target an integer type, then cast as above. Integer sources are truncated, not rounded.
 *
 * <p>jilastik's {@code --clip} ({@link #withClip(boolean)}, not in ilastik): just before the cast (after the
 * normalisation and before the rounding) every value is clamped to the target dtype's range and, with a
 * normalisation, to the export range {@code [min(out0, out1), max(out0, out1)]}, so nothing wraps around; NaN
 * becomes 0 for integer targets (it stays NaN for float targets). The arithmetic before the clamp is unchanged
 * (an integer source still subtracts an integer {@code in0} in its own type, as NumPy does).
 *
 * <p>Immutable and thread safe; {@link #convert(Object)} allocates its result (or returns its argument when
 * the conversion is the identity).
 */
public final class PixelConverter {
    private final DType source;
    private final DType target;
    private final boolean normalize;
    private final Number in0;
    private final Number out0;
    private final float ratio;
    private final DType subtractType;
    private final DType arithmeticType;
    private final Number out1;
    private final boolean clip;
    private final double clipLow;
    private final double clipHigh;

    private PixelConverter(DType source, DType target, boolean normalize, Number in0, Number out0, Number out1,
            float ratio, boolean clip) {
        this.out1 = out1;
        this.clip = clip;
        double lo = lowest(target);
        double hi = highest(target);
        if (normalize) {
            lo = Math.max(lo, Math.min(out0.doubleValue(), out1.doubleValue()));
            hi = Math.min(hi, Math.max(out0.doubleValue(), out1.doubleValue()));
        }
        this.clipLow = lo;
        this.clipHigh = hi;
        this.source = source;
        this.target = target;
        this.normalize = normalize;
        this.in0 = in0;
        this.out0 = out0;
        this.ratio = ratio;
        this.subtractType = normalize ? NumpyRules.subtractScalar(source, in0) : null;
        this.arithmeticType = normalize ? NumpyRules.multiplyFloat32Scalar(subtractType) : null;
    }

    /** The plain cast {@code asarray(a, target)}. */
    public static PixelConverter cast(DType source, DType target) {
        return new PixelConverter(source, target, false, null, null, null, 0f, false);
    }

    /**
     * Normalisation from {@code (inMin, inMax)} to {@code (outMin, outMax)}, then the cast; each bound a
     * {@link Long} (Python int) or {@link Double} (Python float).
     */
    public static PixelConverter normalize(DType source, DType target, Number inMin, Number inMax, Number outMin,
            Number outMax) {
        double spreadIn = inMax.doubleValue() - inMin.doubleValue();
        double spreadOut = outMax.doubleValue() - outMin.doubleValue();
        float ratio = Math.abs(spreadIn) <= 1e-8 ? 0f : (float) (spreadOut / spreadIn);
        return new PixelConverter(source, target, true, inMin, outMin, outMax, ratio, false);
    }

    /** The same function applied to data of another source dtype (used for the drange metadata). */
    public PixelConverter withSource(DType newSource) {
        return new PixelConverter(newSource, target, normalize, in0, out0, out1, ratio, clip);
    }

    /** The same conversion with jilastik's {@code --clip} on or off. */
    public PixelConverter withClip(boolean on) {
        return new PixelConverter(source, target, normalize, in0, out0, out1, ratio, on);
    }

    /** Whether values are clamped before the cast ({@code --clip}). */
    public boolean clips() {
        return clip;
    }

    public DType sourceDtype() {
        return source;
    }

    public DType targetDtype() {
        return target;
    }

    /** Whether a range normalisation is applied. */
    public boolean normalizes() {
        return normalize;
    }

    /** The float32 ratio of the normalisation (0 without one). */
    public float ratio() {
        return ratio;
    }

    /** Whether {@link #convert(Object)} returns its argument unchanged. */
    public boolean isIdentity() {
        return !normalize && source == target;
    }

    /** A block of the target dtype with the same axes and box. */
    public Block convert(Block block) {
        if (block.dtype() != source) {
            throw new IllegalArgumentException("block is " + block.dtype() + ", converter expects " + source);
        }
        return isIdentity() ? block : new Block(block.axes(), block.box(), target, convert(block.data()));
    }

    /** Converts a flat array stored as {@link Block} stores {@link #sourceDtype()}. */
    public Object convert(Object data) {
        if (isIdentity()) {
            return data;
        }
        boolean round = source.isFloating() && target.isInteger();
        if (clip) {
            return clippedConvert(data, round);
        }
        if (!normalize) {
            return switch (data) {
                case float[] a -> PixelStores.fromFloats(a, target, false);
                case double[] a -> PixelStores.fromDoubles(a, target, false);
                default -> PixelStores.fromLongs(PixelStores.readLongs(data, source), source, target);
            };
        }
        if (arithmeticType == DType.FLOAT32) {
            return PixelStores.fromFloats(normalizedFloats(data), target, round);
        }
        return PixelStores.fromDoubles(normalizedDoubles(data), target, round);
    }

    /** {@link #convert(Object)} with the clamp of {@code --clip} before the cast. */
    private Object clippedConvert(Object data, boolean round) {
        if (!normalize && !source.isFloating()) {
            return PixelStores.fromLongs(clampLongs(PixelStores.readLongs(data, source)), source, target);
        }
        double[] y;
        if (!normalize) {
            y = data instanceof float[] a ? widen(a) : ((double[]) data).clone();
        } else if (arithmeticType == DType.FLOAT32) {
            y = widen(normalizedFloats(data)); // float32 values are exact in double; rint gives the same result
        } else {
            y = normalizedDoubles(data);
        }
        boolean integerTarget = target.isInteger() || target == DType.BOOL;
        for (int i = 0; i < y.length; i++) {
            double v = y[i];
            y[i] = v != v ? (integerTarget ? 0.0 : v) : v < clipLow ? clipLow : v > clipHigh ? clipHigh : v;
        }
        return PixelStores.fromDoubles(y, target, normalize && round); // a plain cast truncates, as NumPy
    }

    private static double[] widen(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i];
        }
        return d;
    }

    /** Integer values clamped to the target's range; unsigned 64-bit sources compare unsigned. */
    private long[] clampLongs(long[] v) {
        long[] out = new long[v.length];
        boolean unsignedSource = source == DType.UINT64;
        for (int i = 0; i < v.length; i++) {
            double x = unsignedSource ? NumpyRules.unsignedToDouble(v[i]) : v[i];
            out[i] = x < clipLow ? (long) clipLow : x > clipHigh ? (long) clipHigh : v[i];
        }
        return out;
    }

    /** The smallest value of {@code t} (for the clamp). */
    private static double lowest(DType t) {
        return switch (t) {
            case INT8 -> Byte.MIN_VALUE;
            case INT16 -> Short.MIN_VALUE;
            case INT32 -> Integer.MIN_VALUE;
            case INT64 -> -0x1p63;
            case FLOAT32 -> -Float.MAX_VALUE;
            case FLOAT64 -> Double.NEGATIVE_INFINITY;
            default -> 0; // unsigned types and bool
        };
    }

    /** The largest value of {@code t} representable exactly in a double (for the clamp). */
    private static double highest(DType t) {
        return switch (t) {
            case BOOL -> 1;
            case UINT8 -> 255;
            case INT8 -> Byte.MAX_VALUE;
            case UINT16 -> 65535;
            case INT16 -> Short.MAX_VALUE;
            case UINT32 -> 4294967295.0;
            case INT32 -> Integer.MAX_VALUE;
            case INT64 -> Math.nextDown(0x1p63);
            case UINT64 -> Math.nextDown(0x1p64);
            case FLOAT32 -> Float.MAX_VALUE;
            case FLOAT64 -> Double.POSITIVE_INFINITY;
        };
    }

    /** {@code out0 + (a - in0) * ratio} in float32 (float32 data, or integers up to 16 bits). */
    private float[] normalizedFloats(Object data) {
        float o0 = toFloat(out0);
        if (data instanceof float[] a) {
            float i0 = toFloat(in0);
            float[] y = new float[a.length];
            for (int i = 0; i < a.length; i++) {
                y[i] = o0 + (a[i] - i0) * ratio;
            }
            return y;
        }
        long[] v = PixelStores.readLongs(data, source);
        long i0 = in0.longValue();
        float[] y = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            y[i] = o0 + (float) NumpyRules.wrap(v[i] - i0, subtractType) * ratio;
        }
        return y;
    }

    /** {@code out0 + (a - in0) * ratio} in float64. */
    private double[] normalizedDoubles(Object data) {
        double o0 = out0.doubleValue();
        double r = ratio;
        double[] y;
        if (data instanceof double[] a) {
            double i0 = in0.doubleValue();
            y = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                y[i] = o0 + (a[i] - i0) * r;
            }
            return y;
        }
        long[] v = PixelStores.readLongs(data, source);
        y = new double[v.length];
        if (subtractType.isFloating()) {
            double i0 = in0.doubleValue();
            for (int i = 0; i < v.length; i++) {
                double a = source == DType.UINT64 ? NumpyRules.unsignedToDouble(v[i]) : v[i];
                y[i] = o0 + (a - i0) * r;
            }
        } else {
            long i0 = in0.longValue();
            for (int i = 0; i < v.length; i++) {
                long d = NumpyRules.wrap(v[i] - i0, subtractType);
                double dd = subtractType == DType.UINT64 ? NumpyRules.unsignedToDouble(d) : d;
                y[i] = o0 + dd * r;
            }
        }
        return y;
    }

    /** A Python scalar as NumPy converts it to float32. */
    private static float toFloat(Number n) {
        return n instanceof Long l ? (float) l : (float) n.doubleValue();
    }

    @Override
    public String toString() {
        return (normalize ? "normalize " + source + " (" + in0 + " +" + ratio + "x) → " + target
                : "cast " + source + " → " + target) + (clip ? " clipped" : "");
    }
}
