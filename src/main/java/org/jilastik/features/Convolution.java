package org.jilastik.features;

/**
 * One separable pass: a 1-D {@link Kernel1D} applied along one axis of a flat float32 array.
 *
 * <p>Data layout: {@code src} covers {@code srcFrame} and {@code dst} covers {@code dstFrame}, both C-order
 * {@code (z, y, x)} (see {@link Frame}). Every output value at image coordinate p reads the input at
 * {@code p ± t} (t = 0..R) along the axis; coordinates outside the image are mirrored without repeating the edge
 * pixel (reflect-101: {@code -m → m}, {@code N-1+m → N-1-m}). Mirroring happens only at the true image borders,
 * so a source region that carries its own halo gives exactly the values a whole-image pass gives. The source
 * must cover every (mirrored) coordinate read; on the other axes the destination region must lie inside the
 * source region.
 *
 * <p>Arithmetic: bit-identical to fastfilters (AVX2/FMA build) when its arrays are whole image rows, as in
 * ilastik. Per output, float32: {@code acc = k0·f[p]}, then for t = 1..R {@code acc += k[t]·(f[p+t] ± f[p-t])}
 * (+ symmetric, − antisymmetric kernels). fastfilters' y and z passes run every output through
 * {@code _mm256_fmadd_ps}, so each tap is one fused multiply-add ({@link Math#fma}); its x pass does so only on
 * the range of {@link #fusedRangeX} and multiplies then adds elsewhere (its scalar C code is compiled as ISO C99,
 * which does not contract to FMA). Which rounding an output gets depends only on its image x coordinate and the
 * image width, never on the block, so the result of each output value depends only on its inputs: independent of
 * blocking, threads and vector width. (Java never fuses on its own.)
 *
 * <p>Stateless and thread safe; callers own the arrays and must not share a destination between threads.
 */
public final class Convolution {
    private Convolution() {
    }

    /** Reflect-101 of image coordinate {@code q} into {@code [0, n)} (repeatedly, for any q). */
    public static int reflect(int q, int n) {
        if (n == 1) {
            return 0;
        }
        while (q < 0 || q >= n) {
            q = q < 0 ? -q : 2 * (n - 1) - q;
        }
        return q;
    }

    /**
     * Convolves {@code src} (covering {@code srcFrame}) with {@code k} along {@code axis} ({@link Frame#Z},
     * {@link Frame#Y} or {@link Frame#X}) into {@code dst} (covering {@code dstFrame}).
     *
     * @throws IllegalArgumentException if the source does not cover what the destination needs, or an array is
     *                                  shorter than its frame
     */
    public static void convolve(float[] src, Frame srcFrame, int axis, Kernel1D k, float[] dst, Frame dstFrame) {
        if (src.length < srcFrame.numElements() || dst.length < dstFrame.numElements()) {
            throw new IllegalArgumentException("array shorter than its frame");
        }
        for (int a = 0; a < 3; a++) {
            if (a != axis && (dstFrame.start(a) < srcFrame.start(a) || dstFrame.stop(a) > srcFrame.stop(a))) {
                throw new IllegalArgumentException(dstFrame + " is not inside " + srcFrame + " on axis " + a);
            }
        }
        if (dstFrame.numElements() == 0) {
            return;
        }
        int r = k.radius();
        int[] map = tapMap(srcFrame, dstFrame, axis, r);
        switch (axis) {
            case Frame.X -> passX(src, srcFrame, k, dst, dstFrame, map);
            case Frame.Y -> passY(src, srcFrame, k, dst, dstFrame, map);
            case Frame.Z -> passZ(src, srcFrame, k, dst, dstFrame, map);
            default -> throw new IllegalArgumentException("axis must be 0 (z), 1 (y) or 2 (x), got " + axis);
        }
    }

    /**
     * For destination index i along the axis and tap t in [-R, R], {@code map[i + R + t]} is the local source
     * index of the (mirrored) coordinate {@code dstStart + i + t}.
     */
    private static int[] tapMap(Frame sf, Frame df, int axis, int r) {
        int n = df.size(axis);
        int[] map = new int[n + 2 * r];
        int image = df.image(axis);
        for (int j = 0; j < map.length; j++) {
            int q = reflect(df.start(axis) + j - r, image) - sf.start(axis);
            if (q < 0 || q >= sf.size(axis)) {
                throw new IllegalArgumentException("source " + sf + " lacks coordinate " + (q + sf.start(axis))
                        + " on axis " + axis + " needed for " + df + " with kernel radius " + r);
            }
            map[j] = q;
        }
        return map;
    }

    private static void passX(float[] src, Frame sf, Kernel1D k, float[] dst, Frame df, int[] map) {
        int r = k.radius();
        int dnx = df.size(Frame.X);
        int sny = sf.size(Frame.Y);
        int snx = sf.size(Frame.X);
        int dny = df.size(Frame.Y);
        float[] buf = new float[dnx + 2 * r];
        int[] off = new int[2 * r + 1];
        for (int t = -r; t <= r; t++) {
            off[r + t] = r + t;
        }
        // The middle of the tap map is never mirrored (it is the destination range itself), so it is copied in
        // one block; only the first and last R entries may be mirrored.
        int mid0 = map[r];
        int[] fused = fusedRangeX(df.image(Frame.X), r);
        int x0 = df.start(Frame.X);
        int fusedFrom = Math.clamp(fused[0] - x0, 0, dnx);
        int fusedTo = Math.clamp(fused[1] - x0, fusedFrom, dnx);
        for (int z = 0; z < df.size(Frame.Z); z++) {
            int sz = z + df.start(Frame.Z) - sf.start(Frame.Z);
            for (int y = 0; y < dny; y++) {
                int sy = y + df.start(Frame.Y) - sf.start(Frame.Y);
                int srcRow = (sz * sny + sy) * snx;
                int dstRow = (z * dny + y) * dnx;
                for (int j = 0; j < r; j++) {
                    buf[j] = src[srcRow + map[j]];
                    buf[r + dnx + j] = src[srcRow + map[r + dnx + j]];
                }
                System.arraycopy(src, srcRow + mid0, buf, r, dnx);
                RowKernels.row(buf, off, k, dst, dstRow, 0, fusedFrom, false);
                RowKernels.row(buf, off, k, dst, dstRow, fusedFrom, fusedTo, true);
                RowKernels.row(buf, off, k, dst, dstRow, fusedTo, dnx, false);
            }
        }
    }

    private static void passY(float[] src, Frame sf, Kernel1D k, float[] dst, Frame df, int[] map) {
        int r = k.radius();
        int dnx = df.size(Frame.X);
        int dny = df.size(Frame.Y);
        int sny = sf.size(Frame.Y);
        int snx = sf.size(Frame.X);
        int sx = df.start(Frame.X) - sf.start(Frame.X);
        int[] off = new int[2 * r + 1];
        for (int z = 0; z < df.size(Frame.Z); z++) {
            int sz = z + df.start(Frame.Z) - sf.start(Frame.Z);
            for (int y = 0; y < dny; y++) {
                for (int t = 0; t <= 2 * r; t++) {
                    off[t] = (sz * sny + map[y + t]) * snx + sx;
                }
                RowKernels.row(src, off, k, dst, (z * dny + y) * dnx, 0, dnx, true);
            }
        }
    }

    private static void passZ(float[] src, Frame sf, Kernel1D k, float[] dst, Frame df, int[] map) {
        int r = k.radius();
        int dnx = df.size(Frame.X);
        int dny = df.size(Frame.Y);
        int sny = sf.size(Frame.Y);
        int snx = sf.size(Frame.X);
        int sy = df.start(Frame.Y) - sf.start(Frame.Y);
        int sx = df.start(Frame.X) - sf.start(Frame.X);
        int nz = df.size(Frame.Z);
        int snz = sf.size(Frame.Z);
        // Cache blocking. Output plane z reads 2R+1 source planes; read in place, those are 2R+1 streams one plane
        // apart (64 KB for 128², a multiple of the L1 set period), which all fall into the same few cache sets
        // and evict each other. So a stretch of CHUNK floats is first copied out of every source plane into a
        // dense tile (source plane q at q·CHUNK), and all output planes of the stretch are computed from the tile.
        // Each output is the same sequence of operations on the same values, so the result is unchanged.
        boolean wholePlanes = dny == sny && dnx == snx;
        int rows = wholePlanes ? 1 : dny;
        int len = wholePlanes ? dny * dnx : dnx;
        int[] off = new int[2 * r + 1];
        if (r < TILED_Z_MIN_RADIUS) {
            // few streams: reading in place is cheaper than copying
            for (int z = 0; z < nz; z++) {
                for (int y = 0; y < rows; y++) {
                    for (int t = 0; t <= 2 * r; t++) {
                        off[t] = (map[z + t] * sny + sy + y) * snx + sx;
                    }
                    RowKernels.row(src, off, k, dst, (z * dny + y) * dnx, 0, len, true);
                }
            }
            return;
        }
        int qLo = Integer.MAX_VALUE;
        int qHi = -1;
        for (int q : map) {
            qLo = Math.min(qLo, q);
            qHi = Math.max(qHi, q);
        }
        float[] tile = new float[snz * CHUNK];
        for (int y = 0; y < rows; y++) {
            for (int c0 = 0; c0 < len; c0 += CHUNK) {
                int w = Math.min(CHUNK, len - c0);
                for (int q = qLo; q <= qHi; q++) {
                    System.arraycopy(src, (q * sny + sy + y) * snx + sx + c0, tile, q * CHUNK, w);
                }
                for (int z = 0; z < nz; z++) {
                    for (int t = 0; t <= 2 * r; t++) {
                        off[t] = map[z + t] * CHUNK;
                    }
                    RowKernels.row(tile, off, k, dst, (z * dny + y) * dnx + c0, 0, w, true);
                }
            }
        }
    }

    /** Floats per stretch in the z pass (see {@link #passZ}); a multiple of every vector length. */
    private static final int CHUNK = 128;

    /** Smallest z radius for which the tiled z pass is faster (measured on 128³: r = 3 in place, r = 7 tiled). */
    private static final int TILED_Z_MIN_RADIUS = 5;

    /**
     * The x range {@code [lo, hi)} (image coordinates) where fastfilters' inner (x) pass uses its FMA vector loops
     * on a row of {@code n} pixels with a radius-{@code r} kernel; elsewhere (the first R pixels, the scalar
     * alignment prefix up to the next multiple of 8, and everything from {@code (n-R) & ~31} on) it uses plain
     * scalar code, multiply then add. The vector loops run only if {@code (n-R) & ~31} exceeds the 32-aligned start.
     * Returns {@code {0, 0}} when no output is fused.
     */
    static int[] fusedRangeX(int n, int r) {
        if (r == 0) {
            return new int[] {0, 0};
        }
        int align8 = (r + 7) & ~7;
        int align32 = (align8 + 31) & ~31;
        int end = n - r < 0 ? 0 : (n - r) & ~31;
        return end > align32 ? new int[] {align8, end} : new int[] {0, 0};
    }
}
