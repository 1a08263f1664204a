package org.jilastik.workflow.objects;

import org.jilastik.array.Block;

/**
 * Converts one channel of a segmentation image to the {@code int} values that labelling compares: integers
 * up to 32 bits as they are (unsigned 32-bit values keep their bits), 64-bit integers folded to 32 bits, floats
 * by their bit pattern (equal values stay equal; {@code -0.0} and {@code 0.0} are both background). Stateless.
 */
public final class SegmentationValues {
    private SegmentationValues() {
    }

    /** The block's values (all elements, C order). */
    public static int[] of(Block b) {
        int n = b.size();
        int[] out = new int[n];
        switch (b.data()) {
            case byte[] d -> {
                boolean unsigned = !b.dtype().isSigned();
                for (int i = 0; i < n; i++) {
                    out[i] = unsigned ? d[i] & 0xff : d[i];
                }
            }
            case short[] d -> {
                boolean unsigned = !b.dtype().isSigned();
                for (int i = 0; i < n; i++) {
                    out[i] = unsigned ? d[i] & 0xffff : d[i];
                }
            }
            case int[] d -> System.arraycopy(d, 0, out, 0, n);
            case long[] d -> {
                for (int i = 0; i < n; i++) {
                    long v = d[i];
                    out[i] = v == 0 ? 0 : ((int) (v ^ (v >>> 32))) == 0 ? 1 : (int) (v ^ (v >>> 32));
                }
            }
            case float[] d -> {
                for (int i = 0; i < n; i++) {
                    out[i] = d[i] == 0f ? 0 : Float.floatToIntBits(d[i]);
                }
            }
            case double[] d -> {
                for (int i = 0; i < n; i++) {
                    long v = Double.doubleToLongBits(d[i]);
                    out[i] = d[i] == 0.0 ? 0 : ((int) (v ^ (v >>> 32))) == 0 ? 1 : (int) (v ^ (v >>> 32));
                }
            }
            default -> throw new IllegalArgumentException("unsupported storage " + b.data().getClass());
        }
        return out;
    }
}
