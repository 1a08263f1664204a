package org.jilastik.workflow.objects;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.jilastik.project.ObjectSettings.ThresholdSettings;

/**
 * The threshold step of {@link Thresholding} block by block with bounded memory and the same result, value for
 * value, whatever the block shape: a label image with gaps whose kept components carry their number among all
 * components of the low-threshold mask in first-pixel raster order, exactly as {@link Thresholding#apply}.
 *
 * <p>Order of operations (spec object-classification §3, as {@link Thresholding}): rescale, smooth (each block is
 * read with a halo of the kernel radius per smoothed axis; the reflective border is taken in frame coordinates,
 * and the separable passes x, y, z round to float32 in between, as the whole-frame code does), then
 * <ul>
 * <li>simple: components of {@code main ≥ low}, kept iff their whole-frame size is within [min, max];</li>
 * <li>hysteresis: core components of {@code core ≥ high} whose size is within [min, max] are the valid cores;
 * a component of {@code final ≥ low} is kept iff it holds a pixel of a valid core and its own size is within
 * [min, max].</li>
 * </ul>
 * Sizes and the core overlap need the whole frame: both masks are labelled with {@link BinaryBlockLabeller}
 * (union-find across block faces; provisional ids in {@link LabelStore}s, which may live on disk), and every
 * block records its distinct (core id, final id) pairs. After the last block the decisions are made per
 * component; {@link Mask} then reads the kept labels box by box from the final mask's store.
 *
 * <p>Maps layout: flat {@code [z][y][x][c]} float32. Stateless, thread safe.
 */
public final class BlockwiseThresholding {
    /** Working bytes per pixel of a threshold block besides the maps: smoothing copies, masks, labels. */
    static final int BYTES_PER_PIXEL = 64;

    private BlockwiseThresholding() {
    }

    /** The prediction maps of any box of the frame. */
    @FunctionalInterface
    public interface Maps {
        /** All channels of the box {@code start..stop} ({@code {z, y, x}}), flat {@code [z][y][x][c]}; new array. */
        float[] read(int[] start, int[] stop);
    }

    /**
     * The thresholded frame: reads the label values of any box (0 = removed or background). Holds the final
     * mask's label store until {@link #close()}. Reads may run in parallel.
     */
    public static final class Mask implements BlockwiseLabelling.Values, AutoCloseable {
        private final LabelStore store;
        private final int[] valueOf;

        private Mask(LabelStore store, int[] valueOf) {
            this.store = store;
            this.valueOf = valueOf;
        }

        @Override
        public int[] read(int[] start, int[] stop) {
            int[] v = store.read(start, stop);
            for (int i = 0; i < v.length; i++) {
                v[i] = valueOf[v[i]];
            }
            return v;
        }

        @Override
        public void close() {
            store.close();
        }
    }

    /**
     * The threshold block shape {@code {z, y, x}}: the largest cube (square in 2-D) whose block, grown by the
     * smoothing halo, fits {@code bytes} at {@code 4·channels + 64 + extraBytesPerPixel} bytes per pixel; at least
     * 16 pixels an edge, at most {@code maxEdge}.
     *
     * @param extraBytesPerPixel what producing a pixel of the maps costs besides (the pixel stage's features), or 0
     */
    public static int[] blockFor(int[] shape, int channels, long extraBytesPerPixel, long bytes, long maxEdge) {
        long perPixel = 4L * channels + BYTES_PER_PIXEL + extraBytesPerPixel;
        return BlockwiseLabelling.blockFor(shape, bytes * BlockwiseLabelling.BYTES_PER_PIXEL / perPixel, maxEdge);
    }

    /**
     * The smoothing halo {@code {z, y, x}} of the settings on a frame of {@code shape}: the kernel radius on every
     * smoothed (non-singleton) axis, 0 elsewhere and when smoothing is off.
     */
    public static int[] halo(int[] shape, ThresholdSettings s) {
        double[] sigma = {s.sigma()[2], s.sigma()[1], s.sigma()[0]};
        int[] halo = new int[3];
        if (!Thresholding.smooths(shape, s.sigma())) {
            return halo;
        }
        for (int k = 0; k < 3; k++) {
            halo[k] = shape[k] > 1 ? GaussianSmoothing.kernel(sigma[k], 2.0).length / 2 : 0;
        }
        return halo;
    }

    /**
     * Thresholds one frame block by block.
     *
     * @param maps     reads the prediction maps of any box
     * @param channels channels of the maps
     * @param shape    frame extent {@code {z, y, x}}
     * @param drange   the input's data range, or null (see {@link Thresholding#apply})
     * @param block    block shape {@code {z, y, x}}
     * @param stores   makes an empty label store of the frame's shape (in memory or on disk); the stores are
     *                 closed here except the final mask's, which the returned {@link Mask} owns
     * @throws org.jilastik.error.JilastikException (processing) as {@link Thresholding#apply}
     */
    public static Mask apply(Maps maps, int channels, int[] shape, ThresholdSettings s, double[] drange,
            int[] block, Supplier<LabelStore> stores) {
        Thresholding.check(channels, s);
        boolean hysteresis = s.method() == Thresholding.HYSTERESIS;
        boolean twoChannels = hysteresis && s.coreChannel() != s.channel();
        int[] halo = halo(shape, s);
        int[] edge = new int[3];
        for (int k = 0; k < 3; k++) {
            edge[k] = Math.max(1, Math.min(block[k], shape[k]));
        }
        List<int[][]> blocks = ObjectFeatureComputer.blocks(shape, edge);
        LabelStore finalStore = stores.get();
        LabelStore coreStore = null;
        try {
            BinaryBlockLabeller fin = new BinaryBlockLabeller(finalStore);
            BinaryBlockLabeller core = null;
            if (hysteresis) {
                coreStore = stores.get();
                core = new BinaryBlockLabeller(coreStore);
            }
            PairList pairs = new PairList();
            float low = (float) s.low();
            float high = (float) s.high();
            for (int[][] b : blocks) {
                int[] start = b[0];
                int[] stop = b[1];
                int[] rs = new int[3];
                int[] re = new int[3];
                for (int k = 0; k < 3; k++) {
                    rs[k] = Math.max(0, start[k] - halo[k]);
                    re[k] = Math.min(shape[k], stop[k] + halo[k]);
                }
                float[] region = maps.read(rs, re);
                float[] main = smoothedBlock(region, channels, s.channel(), rs, re, start, stop, shape, s, drange);
                int n = main.length;
                int[] binary = new int[n];
                if (!hysteresis) {
                    for (int i = 0; i < n; i++) {
                        binary[i] = main[i] >= low ? 1 : 0;
                    }
                    fin.add(start, stop, binary);
                    continue;
                }
                float[] coreValues = twoChannels
                        ? smoothedBlock(region, channels, s.coreChannel(), rs, re, start, stop, shape, s, drange)
                        : main;
                region = null;
                int[] coreBinary = new int[n];
                for (int i = 0; i < n; i++) {
                    coreBinary[i] = coreValues[i] >= high ? 1 : 0;
                    float f = twoChannels ? main[i] + coreValues[i] : main[i];
                    binary[i] = f >= low ? 1 : 0;
                }
                int[] coreIds = core.add(start, stop, coreBinary);
                int[] finIds = fin.add(start, stop, binary);
                pairs.addBlock(coreIds, finIds);
            }
            fin.finish();
            boolean[] holdsCore = new boolean[fin.ids()];
            if (hysteresis) {
                core.finish();
                long[] p = pairs.values();
                for (int i = 0; i < pairs.size(); i++) {
                    int c = (int) (p[i] >>> 32);
                    long cs = core.componentSize(c);
                    if (cs >= s.minSize() && cs <= s.maxSize()) {
                        holdsCore[fin.root((int) p[i])] = true;
                    }
                }
            }
            int[] valueOf = new int[fin.ids()];
            for (int p = 1; p < valueOf.length; p++) {
                long size = fin.componentSize(p);
                boolean keep = (!hysteresis || holdsCore[fin.root(p)]) && size >= s.minSize()
                        && size <= s.maxSize();
                valueOf[p] = keep ? fin.componentNumber(p) : 0;
            }
            Mask mask = new Mask(finalStore, valueOf);
            finalStore = null;
            return mask;
        } finally {
            if (coreStore != null) {
                coreStore.close();
            }
            if (finalStore != null) {
                finalStore.close();
            }
        }
    }

    /*
     * Channel ch of the block start..stop, rescaled and smoothed, from the maps of the grown region rs..re
     * (flat [z][y][x][c]). The passes go x, y, z over the non-singleton axes; each pass computes only the block's
     * range along its axis (and the whole region along the axes still to be smoothed), with taps reflected at the
     * frame border, double sums and a float32 result per pass: the numbers of GaussianSmoothing.along on the frame.
     */
    static float[] smoothedBlock(float[] region, int channels, int ch, int[] rs, int[] re, int[] start, int[] stop,
            int[] shape, ThresholdSettings s, double[] drange) {
        int[] from = rs.clone();
        int[] vshape = {re[0] - rs[0], re[1] - rs[1], re[2] - rs[2]};
        int n = vshape[0] * vshape[1] * vshape[2];
        float[] v = new float[n];
        boolean rescale = drange != null && !(drange[0] == 0 && drange[1] == 1);
        for (int i = 0; i < n; i++) {
            float x = region[i * channels + ch];
            v[i] = rescale ? (float) ((x - drange[0]) / (drange[1] - drange[0])) : x;
        }
        if (Thresholding.smooths(shape, s.sigma())) {
            double[] sigma = {s.sigma()[2], s.sigma()[1], s.sigma()[0]};
            for (int k = 2; k >= 0; k--) {
                if (shape[k] > 1) {
                    v = along(v, from, vshape, k, start[k], stop[k], GaussianSmoothing.kernel(sigma[k], 2.0),
                            shape[k]);
                    vshape[k] = stop[k] - start[k];
                    from[k] = start[k];
                }
            }
        }
        // axes not smoothed still carry no halo; cut the block out of what is left
        if (Arrays.equals(from, start) && vshape[0] == stop[0] - start[0] && vshape[1] == stop[1] - start[1]
                && vshape[2] == stop[2] - start[2]) {
            return v;
        }
        int[] bshape = {stop[0] - start[0], stop[1] - start[1], stop[2] - start[2]};
        float[] out = new float[bshape[0] * bshape[1] * bshape[2]];
        int o = 0;
        for (int z = 0; z < bshape[0]; z++) {
            for (int y = 0; y < bshape[1]; y++) {
                int src = ((z + start[0] - from[0]) * vshape[1] + y + start[1] - from[1]) * vshape[2]
                        + start[2] - from[2];
                System.arraycopy(v, src, out, o, bshape[2]);
                o += bshape[2];
            }
        }
        return out;
    }

    /*
     * One smoothing pass along axis k of v (box from..from+vshape): the result covers the same box but only
     * lo..hi along k. Tap t of output coordinate i reads frame coordinate reflect(i - (t - r)), which lies in the
     * box because the box holds the kernel radius around lo..hi (or reaches the frame border).
     */
    private static float[] along(float[] v, int[] from, int[] vshape, int k, int lo, int hi, double[] kern,
            int len) {
        int r = kern.length / 2;
        int[] oshape = vshape.clone();
        oshape[k] = hi - lo;
        int vstride = k == 2 ? 1 : k == 1 ? vshape[2] : vshape[1] * vshape[2];
        int ostride = k == 2 ? 1 : k == 1 ? oshape[2] : oshape[1] * oshape[2];
        int[][] taps = new int[hi - lo][kern.length];
        for (int i = lo; i < hi; i++) {
            for (int j = -r; j <= r; j++) {
                taps[i - lo][j + r] = (GaussianSmoothing.reflect(i - j, len) - from[k]) * vstride;
            }
        }
        float[] out = new float[oshape[0] * oshape[1] * oshape[2]];
        // every line along k: its base in v (coordinate 0 along k) and in out
        int outerCount = k == 0 ? 1 : k == 1 ? vshape[0] : vshape[0] * vshape[1];
        int innerCount = vstride;
        for (int outer = 0; outer < outerCount; outer++) {
            int vbase0 = outer * vstride * vshape[k];
            int obase0 = outer * ostride * oshape[k];
            for (int inner = 0; inner < innerCount; inner++) {
                int vbase = vbase0 + inner;
                int obase = obase0 + inner;
                for (int i = 0; i < hi - lo; i++) {
                    int[] tp = taps[i];
                    double acc = 0;
                    for (int t = 0; t < tp.length; t++) {
                        acc += kern[t] * v[vbase + tp[t]];
                    }
                    out[obase + i * ostride] = (float) acc;
                }
            }
        }
        return out;
    }

    /** Distinct (core id, final id) pairs, packed {@code core << 32 | final}, gathered block by block. */
    private static final class PairList {
        private long[] values = new long[256];
        private int size;

        void addBlock(int[] coreIds, int[] finIds) {
            long[] block = new long[64];
            int n = 0;
            long last = -1;
            for (int i = 0; i < coreIds.length; i++) {
                if (coreIds[i] == 0 || finIds[i] == 0) {
                    continue;
                }
                long pair = (long) coreIds[i] << 32 | (finIds[i] & 0xffffffffL);
                if (pair == last) {
                    continue;
                }
                last = pair;
                if (n == block.length) {
                    block = Arrays.copyOf(block, n * 2);
                }
                block[n++] = pair;
            }
            Arrays.sort(block, 0, n);
            for (int i = 0; i < n; i++) {
                if (i > 0 && block[i] == block[i - 1]) {
                    continue;
                }
                if (size == values.length) {
                    values = Arrays.copyOf(values, size * 2);
                }
                values[size++] = block[i];
            }
        }

        long[] values() {
            return values;
        }

        int size() {
            return size;
        }
    }
}
