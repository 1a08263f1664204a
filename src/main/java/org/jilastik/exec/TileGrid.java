package org.jilastik.exec;

import java.util.ArrayList;
import java.util.List;
import org.jilastik.array.Box;

/**
 * Cuts a region into tiles of a fixed shape aligned to the region's start; the last tile on each axis is
 * clipped. Tiles are listed in C-order (last axis fastest). Immutable, thread safe.
 */
public final class TileGrid {
    private final Box region;
    private final long[] tileShape;

    /**
     * @param region    the region to cover
     * @param tileShape tile extent per axis (≥ 1 each), same rank as the region
     */
    public TileGrid(Box region, long[] tileShape) {
        if (tileShape.length != region.ndim()) {
            throw new IllegalArgumentException("tile rank " + tileShape.length + " != region rank " + region.ndim());
        }
        for (long t : tileShape) {
            if (t < 1) {
                throw new IllegalArgumentException("tile extents must be >= 1");
            }
        }
        this.region = region;
        this.tileShape = tileShape.clone();
    }

    /** Number of tiles along axis {@code i}. */
    public long count(int i) {
        return Math.ceilDiv(region.size(i), tileShape[i]);
    }

    /** All tiles, C-order. */
    public List<Box> tiles() {
        int n = region.ndim();
        long total = 1;
        for (int i = 0; i < n; i++) {
            total *= count(i);
        }
        if (region.isEmpty()) {
            return List.of();
        }
        List<Box> out = new ArrayList<>(Math.toIntExact(total));
        long[] idx = new long[n];
        for (long k = 0; k < total; k++) {
            long[] a = new long[n];
            long[] b = new long[n];
            for (int i = 0; i < n; i++) {
                a[i] = region.start(i) + idx[i] * tileShape[i];
                b[i] = Math.min(region.stop(i), a[i] + tileShape[i]);
            }
            out.add(new Box(a, b));
            for (int i = n - 1; i >= 0; i--) {
                if (++idx[i] < count(i)) {
                    break;
                }
                idx[i] = 0;
            }
        }
        return out;
    }
}
