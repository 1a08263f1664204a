package org.jilastik.array;

/**
 * Reorders the axes of a {@link Block} by axis letter: axes present in both orders are permuted, singleton
 * axes missing from the target are dropped, target axes missing from the source are inserted with extent 1.
 *
 * <p>The copy walks the destination in C-order and the source with precomputed strides, one primitive
 * {@code System.arraycopy}-free loop per storage type; a permutation that keeps the order returns the block's
 * storage unchanged (no copy). Stateless, thread safe.
 */
public final class Transpose {
    private Transpose() {
    }

    /**
     * The block reordered to {@code target} axes.
     *
     * @param startOf start coordinate for target axes absent from the source (the box gets {@code [s, s+1)}); may
     *                be null for 0
     * @throws IllegalArgumentException if a non-singleton source axis is missing from {@code target}
     */
    public static Block to(Block src, Axes target, long[] startOf) {
        Axes sa = src.axes();
        int[] shape = src.shape();
        int n = target.size();
        int[] srcStrides = src.strides();
        int[] dstShape = new int[n];
        int[] strideInSrc = new int[n];
        long[] start = new long[n];
        long[] stop = new long[n];
        for (int i = 0; i < n; i++) {
            int k = sa.indexOf(target.get(i));
            if (k >= 0) {
                dstShape[i] = shape[k];
                strideInSrc[i] = srcStrides[k];
                start[i] = src.box().start(k);
            } else {
                dstShape[i] = 1;
                start[i] = startOf == null ? 0 : startOf[i];
            }
            stop[i] = start[i] + dstShape[i];
        }
        for (int k = 0; k < sa.size(); k++) {
            if (!target.has(sa.get(k)) && shape[k] != 1) {
                throw new IllegalArgumentException("cannot drop axis '" + sa.get(k) + "' of extent " + shape[k]
                        + " when reordering " + sa + " to " + target);
            }
        }
        Box box = new Box(start, stop);
        if (keepsOrder(sa, target, shape)) {
            return new Block(target, box, src.dtype(), src.data());
        }
        Object dst = Block.newStorage(src.dtype(), src.size());
        copy(src.data(), dst, dstShape, strideInSrc);
        return new Block(target, box, src.dtype(), dst);
    }

    private static boolean keepsOrder(Axes sa, Axes target, int[] shape) {
        int last = -1;
        for (int i = 0; i < target.size(); i++) {
            int k = sa.indexOf(target.get(i));
            if (k < 0) {
                continue;
            }
            if (shape[k] != 1) {
                if (k < last) {
                    return false;
                }
                last = k;
            }
        }
        return true;
    }

    // Destination index runs 0..n-1 in C-order; the source offset is updated incrementally like an odometer.
    private static void copy(Object src, Object dst, int[] dstShape, int[] strideInSrc) {
        int n = dstShape.length;
        int total = 1;
        for (int s : dstShape) {
            total *= s;
        }
        if (total == 0) {
            return;
        }
        int[] idx = new int[n];
        int inner = n - 1;
        int innerLen = dstShape[inner];
        int innerStride = strideInSrc[inner];
        int off = 0;
        for (int d = 0; d < total; d += innerLen) {
            switch (src) {
                case byte[] s -> {
                    byte[] t = (byte[]) dst;
                    for (int j = 0, o = off; j < innerLen; j++, o += innerStride) {
                        t[d + j] = s[o];
                    }
                }
                case short[] s -> {
                    short[] t = (short[]) dst;
                    for (int j = 0, o = off; j < innerLen; j++, o += innerStride) {
                        t[d + j] = s[o];
                    }
                }
                case int[] s -> {
                    int[] t = (int[]) dst;
                    for (int j = 0, o = off; j < innerLen; j++, o += innerStride) {
                        t[d + j] = s[o];
                    }
                }
                case long[] s -> {
                    long[] t = (long[]) dst;
                    for (int j = 0, o = off; j < innerLen; j++, o += innerStride) {
                        t[d + j] = s[o];
                    }
                }
                case float[] s -> {
                    float[] t = (float[]) dst;
                    for (int j = 0, o = off; j < innerLen; j++, o += innerStride) {
                        t[d + j] = s[o];
                    }
                }
                case double[] s -> {
                    double[] t = (double[]) dst;
                    for (int j = 0, o = off; j < innerLen; j++, o += innerStride) {
                        t[d + j] = s[o];
                    }
                }
                default -> throw new IllegalArgumentException("not a primitive array: " + src.getClass());
            }
            for (int i = inner - 1; i >= 0; i--) {
                off += strideInSrc[i];
                if (++idx[i] < dstShape[i]) {
                    break;
                }
                off -= strideInSrc[i] * dstShape[i];
                idx[i] = 0;
            }
        }
    }
}
