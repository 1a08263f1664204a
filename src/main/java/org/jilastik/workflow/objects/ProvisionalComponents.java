package org.jilastik.workflow.objects;

import java.util.Arrays;

/**
 * The union-find state of block-by-block connected-component labelling: provisional ids {@code 1..ids()-1}, handed
 * out block after block as {@code base + local label}, each with its pixel count and its first pixel (C-order frame
 * index). Blocks of one grid come in raster order, and a block's C-order scan meets a component's pixels in
 * increasing frame index, so a local label's first pixel in the block is its earliest one there. {@link #finish()}
 * merges the parts of every component and numbers the components 1..N by their earliest first pixel: the
 * first-occurrence raster numbering of {@link ConnectedComponents#label} (vigra's).
 *
 * <p>Memory: an int and two longs per provisional id. Not thread safe.
 */
final class ProvisionalComponents {
    private int[] parent = new int[1024];
    private long[] first = new long[1024];
    private long[] size = new long[1024];
    private int next = 1;
    private int[] number;

    /**
     * Gives the local labels of the block {@code start..stop} ({@code {z, y, x}}) of a frame of extent
     * {@code frameShape} their provisional ids, in place, and records their first pixels and sizes.
     *
     * @return the block's provisional ids (0 = background): {@code local.labels()}, rewritten
     */
    int[] add(ConnectedComponents.Labels local, int[] start, int[] stop, int[] frameShape) {
        int base = next - 1;
        if ((long) base + local.count() >= Integer.MAX_VALUE) {
            throw new IllegalStateException("more than 2^31 provisional labels in one frame");
        }
        next += local.count();
        if (next > parent.length) {
            int cap = Math.max(next, parent.length * 2);
            parent = Arrays.copyOf(parent, cap);
            first = Arrays.copyOf(first, cap);
            size = Arrays.copyOf(size, cap);
        }
        int[] prov = local.labels();
        int seen = 0;
        int i = 0;
        for (int z = start[0]; z < stop[0]; z++) {
            for (int y = start[1]; y < stop[1]; y++) {
                for (int x = start[2]; x < stop[2]; x++, i++) {
                    int l = prov[i];
                    if (l == 0) {
                        continue;
                    }
                    int p = base + l;
                    if (l > seen) { // local labels first occur in increasing order
                        seen = l;
                        parent[p] = p;
                        first[p] = ((long) z * frameShape[1] + y) * frameShape[2] + x;
                    }
                    size[p]++;
                    prov[i] = p;
                }
            }
        }
        return prov;
    }

    /** Provisional ids given so far plus one (ids are {@code 1..ids()-1}). */
    int ids() {
        return next;
    }

    /** Joins the components of provisional ids {@code a} and {@code b} (the smaller root survives). */
    void union(int a, int b) {
        int ra = root(a);
        int rb = root(b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }

    /** The root of provisional id {@code p} (fixed once {@link #finish()} ran). */
    int root(int p) {
        while (parent[p] != p) {
            parent[p] = parent[parent[p]];
            p = parent[p];
        }
        return p;
    }

    /**
     * Merges every component's parts and numbers the components 1..N by their earliest first pixel; afterwards
     * {@link #size} and {@link #number} answer per provisional id.
     *
     * @return N, the number of components
     */
    int finish() {
        int roots = 0;
        for (int p = 1; p < next; p++) {
            int r = root(p);
            if (r == p) {
                roots++;
            } else {
                size[r] += size[p];
                size[p] = 0;
                if (first[p] < first[r]) {
                    first[r] = first[p];
                }
            }
        }
        long[] order = new long[roots];
        int q = 0;
        for (int p = 1; p < next; p++) {
            if (parent[p] == p) {
                order[q++] = first[p];
            }
        }
        // first pixels are distinct pixels: a root's number is the rank of its first pixel
        Arrays.sort(order);
        number = new int[next];
        for (int p = 1; p < next; p++) {
            if (parent[p] == p) {
                number[p] = Arrays.binarySearch(order, first[p]) + 1;
            }
        }
        for (int p = 1; p < next; p++) {
            number[p] = number[root(p)];
        }
        return roots;
    }

    /** The pixel count of the component of provisional id {@code p} (after {@link #finish()}). */
    long size(int p) {
        return size[root(p)];
    }

    /** The number 1..N of the component of provisional id {@code p} (after {@link #finish()}); 0 for id 0. */
    int number(int p) {
        return number[p];
    }
}
