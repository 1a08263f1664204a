package org.jilastik.workflow.autocontext;

import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;

/**
 * Forms the input of Autocontext stage k ≥ 2 (spec autocontext §3): the raw channels, then the probabilities of
 * stage k−1 converted to the raw dtype, along the channel axis.
 *
 * <p>The conversion is ilastik's {@code DtypeConvertFunction}: for an integer dtype with range [min, max] each
 * value becomes {@code (max − min)·p − min}, evaluated in float32 (numpy keeps a float32 array float32 when it is
 * combined with a Python integer), then cast to the dtype as C casts a float: truncation toward zero, and for
 * out-of-range results the low bits of the integer (so uint8 is {@code trunc(255·p)}, uint16
 * {@code trunc(65535·p)}, and the signed types wrap as in ilastik, which does not guard against it). Floating
 * dtypes receive the probabilities unchanged (float64: widened); {@code bool} receives {@code p != 0}. The exact
 * integers matter: the next stage's features are computed on them.
 *
 * <p>Blocks are in pipeline axes {@code (t)(z)yxc} with the channel axis last; stateless and thread safe.
 */
public final class StageInput {
    private StageInput() {
    }

    /**
     * Converts probabilities to {@code dtype} as ilastik feeds them to the next stage.
     *
     * @param p     probabilities (any layout; converted element by element), not modified
     * @param dtype the raw data's dtype
     * @return a new primitive array of {@code p.length} elements in {@link Block}'s storage for {@code dtype}
     */
    public static Object convert(float[] p, DType dtype) {
        int n = p.length;
        switch (dtype) {
            case FLOAT32 -> {
                return p.clone();
            }
            case FLOAT64 -> {
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    out[i] = p[i];
                }
                return out;
            }
            case BOOL -> {
                byte[] out = new byte[n];
                for (int i = 0; i < n; i++) {
                    out[i] = (byte) (p[i] != 0f ? 1 : 0);
                }
                return out;
            }
            case UINT8, INT8 -> {
                float spread = spread(dtype);
                float offset = -min(dtype);
                byte[] out = new byte[n];
                for (int i = 0; i < n; i++) {
                    out[i] = (byte) (long) (spread * p[i] + offset);
                }
                return out;
            }
            case UINT16, INT16 -> {
                float spread = spread(dtype);
                float offset = -min(dtype);
                short[] out = new short[n];
                for (int i = 0; i < n; i++) {
                    out[i] = (short) (long) (spread * p[i] + offset);
                }
                return out;
            }
            case UINT32, INT32 -> {
                float spread = spread(dtype);
                float offset = -min(dtype);
                int[] out = new int[n];
                for (int i = 0; i < n; i++) {
                    out[i] = (int) (long) (spread * p[i] + offset);
                }
                return out;
            }
            case UINT64, INT64 -> {
                float spread = spread(dtype);
                float offset = -min(dtype);
                long[] out = new long[n];
                for (int i = 0; i < n; i++) {
                    out[i] = (long) (spread * p[i] + offset);
                }
                return out;
            }
            default -> throw new IllegalStateException(dtype.toString());
        }
    }

    // max − min of an integer dtype, rounded to float32 as numpy rounds the Python integer (e.g. 2^32 − 1 → 2^32).
    private static float spread(DType d) {
        return switch (d) {
            case UINT8, INT8 -> 255f;
            case UINT16, INT16 -> 65535f;
            case UINT32, INT32 -> 4294967295f;
            default -> 18446744073709551615f;
        };
    }

    private static float min(DType d) {
        return switch (d) {
            case INT8 -> -128f;
            case INT16 -> -32768f;
            case INT32 -> -2147483648f;
            case INT64 -> -9223372036854775808f;
            default -> 0f;
        };
    }

    /**
     * The stage input over the box of {@code probabilities}: every raw channel, then every probability channel
     * converted with {@link #convert}, in the raw dtype.
     *
     * @param raw           the raw image block (pipeline axes, all channels), covering the probabilities' box
     *                      spatially
     * @param probabilities float32 probabilities of the previous stage (same axes, channel last)
     * @return a new block over the probabilities' box with {@code rawChannels + classes} channels
     */
    public static Block stack(Block raw, Block probabilities) {
        Axes axes = raw.axes();
        if (!axes.equals(probabilities.axes()) || axes.get(axes.size() - 1) != 'c') {
            throw new IllegalArgumentException("stage inputs need the same axes with c last, got " + axes + " and "
                    + probabilities.axes());
        }
        int c = axes.size() - 1;
        int rawChannels = Math.toIntExact(raw.box().size(c));
        int classes = Math.toIntExact(probabilities.box().size(c));
        int channels = rawChannels + classes;
        long[] start = probabilities.box().start();
        long[] stop = probabilities.box().stop();
        start[c] = 0;
        stop[c] = channels;
        Box box = new Box(start, stop);
        Object converted = convert((float[]) probabilities.data(), raw.dtype());
        Object out = Block.newStorage(raw.dtype(), Math.toIntExact(box.numElements()));

        // Walk the pixels of the box in C order; each raw row (fastest spatial axis) is contiguous in the raw block.
        int ndim = axes.size();
        int[] rawStrides = raw.strides();
        long[] rawStart = raw.box().start();
        int pixels = Math.toIntExact(box.numElements() / channels);
        int rowLength = Math.toIntExact(box.size(ndim - 2));
        long[] pos = new long[ndim - 1];
        for (int d = 0; d < ndim - 1; d++) {
            pos[d] = start[d];
        }
        for (int first = 0; first < pixels; first += rowLength) {
            long rawOffset = 0;
            for (int d = 0; d < ndim - 1; d++) {
                rawOffset += (pos[d] - rawStart[d]) * rawStrides[d];
            }
            for (int x = 0; x < rowLength; x++) {
                int pixel = first + x;
                System.arraycopy(raw.data(), Math.toIntExact(rawOffset + (long) x * rawChannels), out,
                        pixel * channels, rawChannels);
                System.arraycopy(converted, pixel * classes, out, pixel * channels + rawChannels, classes);
            }
            for (int d = ndim - 3; d >= 0; d--) {
                if (++pos[d] < stop[d]) {
                    break;
                }
                pos[d] = start[d];
            }
        }
        return new Block(axes, box, raw.dtype(), out);
    }
}
