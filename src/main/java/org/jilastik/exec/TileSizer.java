package org.jilastik.exec;

/**
 * Chooses a tile shape whose working memory fits a byte budget.
 *
 * <p>The memory of one tile is modelled as {@code bytesPerPixel × Π min(tile_i + 2·halo_i, image_i)} over the
 * spatial axes: everything a block needs (input with halo, feature channels, probabilities) scales with the
 * pixels of the block grown by its halo, and a halo never reaches past the image (borders are mirrored). Tiles are as isotropic as the image allows (a cube, or a square for 2-D), never
 * larger than the image, and at least {@code minEdge} pixels per axis where the image is that large, so that the
 * halo overhead stays bounded. Non-spatial axes (t, c) are tiled with extent 1 for t and whole for c by the
 * caller. Stateless.
 */
public final class TileSizer {
    private TileSizer() {
    }

    /**
     * @param imageShape    spatial extents of the image, C-order
     * @param halo          halo per spatial axis
     * @param bytesPerPixel working bytes per pixel of the grown tile
     * @param budgetBytes   bytes one tile may use
     * @param minEdge       smallest edge worth having (clipped to the image)
     * @return the tile extents per spatial axis
     */
    public static long[] choose(long[] imageShape, long[] halo, long bytesPerPixel, long budgetBytes, long minEdge) {
        int n = imageShape.length;
        long[] tile = imageShape.clone();
        // Halve the largest axis until the grown tile fits; isotropic shrinking keeps the halo share small.
        while (bytes(imageShape, tile, halo, bytesPerPixel) > budgetBytes) {
            int largest = -1;
            for (int i = 0; i < n; i++) {
                long floor = Math.min(minEdge, imageShape[i]);
                if (tile[i] > floor && (largest < 0 || tile[i] > tile[largest])) {
                    largest = i;
                }
            }
            if (largest < 0) {
                break;
            }
            tile[largest] = Math.max(Math.min(minEdge, imageShape[largest]), Math.ceilDiv(tile[largest], 2));
        }
        return tile;
    }

    /** Working bytes of one tile of extents {@code tile} grown by {@code halo}, clipped to {@code imageShape}. */
    public static long bytes(long[] imageShape, long[] tile, long[] halo, long bytesPerPixel) {
        long px = 1;
        for (int i = 0; i < tile.length; i++) {
            long grown = Math.min(tile[i] + 2 * halo[i], Math.max(tile[i], imageShape[i]));
            px = Math.multiplyHigh(px, grown) != 0 ? Long.MAX_VALUE : px * grown;
        }
        return px > Long.MAX_VALUE / Math.max(1, bytesPerPixel) ? Long.MAX_VALUE : px * bytesPerPixel;
    }

    /**
     * Refuses a run whose memory budget cannot hold even the smallest block {@link #choose} allows: one sentence
     * naming the memory one block needs and the memory the budget gives it, instead of running out of memory
     * later. {@code budgetBytes} is a block's working share, three quarters of its share of the whole budget
     * (the rest is kept for caches and buffers, see {@code ResourceBudget#workingBytesPerThread}); the budget is
     * advisory, as in ilastik, so a block may use its whole share, and only a block larger than that is refused.
     *
     * @param imageShape    spatial extents of the image, C-order
     * @param tile          the tile {@link #choose} returned
     * @param halo          halo per spatial axis
     * @param bytesPerPixel working bytes per pixel of the grown tile
     * @param budgetBytes   working bytes one block may use
     * @throws org.jilastik.error.JilastikException (processing) when the tile needs more than its whole share
     */
    public static void requireFits(long[] imageShape, long[] tile, long[] halo, long bytesPerPixel, long budgetBytes) {
        long needed = bytes(imageShape, tile, halo, bytesPerPixel);
        long share = budgetBytes / 3 * 4;
        if (needed <= share) {
            return;
        }
        StringBuilder shape = new StringBuilder();
        for (long t : tile) {
            shape.append(shape.isEmpty() ? "" : "x").append(t);
        }
        throw org.jilastik.error.JilastikException.processing(String.format(java.util.Locale.ROOT,
                "the memory budget gives each block computed at once %.1f MB but the smallest block of this image "
                        + "(%s pixels plus a halo of %d) needs %.1f MB; raise LAZYFLOW_TOTAL_RAM_MB (and the Java "
                        + "heap, -Xmx) or lower LAZYFLOW_THREADS", Math.floor(share / 104857.6) / 10.0, shape,
                java.util.Arrays.stream(halo).max().orElse(0), Math.ceil(needed / 104857.6) / 10.0));
    }
}
