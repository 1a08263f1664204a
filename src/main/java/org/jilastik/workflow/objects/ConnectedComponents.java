package org.jilastik.workflow.objects;

import java.util.Arrays;

/**
 * Connected-component labelling as vigra's {@code labelMultiArrayWithBackground} does it for ilastik (spec
 * object-classification §4): background value 0, direct neighbours only (4 in 2-D, 6 in 3-D), pixels of equal
 * non-zero value connect, touching regions of different values stay separate. Components are numbered 1..N in
 * the order of their first pixel in a C-order scan of the {@code zyx} volume (x fastest).
 *
 * <p>Data layout: {@code values} is one frame, flat C-order {@code [z][y][x]}; 2-D data is a volume with
 * {@code z = 1}. The output is a new {@code int[]} of the same layout (uint32 label values). Two passes over the
 * volume with a union-find over provisional labels; memory is the output plus one int per provisional label.
 * Stateless, thread safe.
 */
public final class ConnectedComponents {
    private ConnectedComponents() {
    }

    /** The labelling of one frame and its object count. */
    public record Labels(int[] labels, int count) {
    }

    /**
     * Labels one frame.
     *
     * @param values pixel values, flat {@code [z][y][x]}; 0 is background; equal values connect
     * @param shape  {@code {z, y, x}}
     */
    public static Labels label(int[] values, int[] shape) {
        int nz = shape[0];
        int ny = shape[1];
        int nx = shape[2];
        int plane = ny * nx;
        int n = Math.multiplyExact(plane, nz);
        int[] out = new int[n];
        int[] parent = new int[64];
        int next = 1;
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                int row = z * plane + y * nx;
                for (int x = 0; x < nx; x++) {
                    int i = row + x;
                    int v = values[i];
                    if (v == 0) {
                        continue;
                    }
                    int l = 0;
                    if (x > 0 && values[i - 1] == v) {
                        l = out[i - 1];
                    }
                    if (y > 0 && values[i - nx] == v) {
                        l = l == 0 ? out[i - nx] : union(parent, l, out[i - nx]);
                    }
                    if (z > 0 && values[i - plane] == v) {
                        l = l == 0 ? out[i - plane] : union(parent, l, out[i - plane]);
                    }
                    if (l == 0) {
                        if (next == parent.length) {
                            parent = Arrays.copyOf(parent, parent.length * 2);
                        }
                        parent[next] = next;
                        l = next++;
                    }
                    out[i] = l;
                }
            }
        }
        // Provisional labels grow with the scan, so the first provisional label met of each component is the one
        // made at its first pixel: numbering roots in provisional order numbers components by first occurrence.
        int[] finalId = new int[next];
        int count = 0;
        for (int p = 1; p < next; p++) {
            int r = find(parent, p);
            if (finalId[r] == 0) {
                finalId[r] = ++count;
            }
            finalId[p] = finalId[r];
        }
        for (int i = 0; i < n; i++) {
            out[i] = finalId[out[i]];
        }
        return new Labels(out, count);
    }

    /**
     * Relabels a label image consecutively as ilastik's {@code relabelConsecutive(start_label=1, keep_zeros=True)}
     * does: the distinct non-zero values in ascending order become 1..N (values compared as unsigned 32-bit).
     *
     * @param values label values, any layout; not modified
     * @return the new labels and, in {@code originalIds[k]}, the original value of object k (index 0 = 0)
     */
    public static Relabelled relabelConsecutive(int[] values) {
        int[] sorted = values.clone();
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] ^= Integer.MIN_VALUE; // unsigned order through signed sort
        }
        Arrays.sort(sorted);
        int distinct = 0;
        int[] uniq = new int[Math.max(1, sorted.length)];
        for (int i = 0; i < sorted.length; i++) {
            int v = sorted[i] ^ Integer.MIN_VALUE;
            if (v != 0 && (distinct == 0 || uniq[distinct - 1] != v)) {
                uniq[distinct++] = v;
            }
        }
        long[] original = new long[distinct + 1];
        int[] keys = new int[distinct];
        for (int k = 0; k < distinct; k++) {
            original[k + 1] = uniq[k] & 0xffffffffL;
            keys[k] = uniq[k] ^ Integer.MIN_VALUE;
        }
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            int v = values[i];
            out[i] = v == 0 ? 0 : Arrays.binarySearch(keys, v ^ Integer.MIN_VALUE) + 1;
        }
        return new Relabelled(out, distinct, original);
    }

    /** A consecutively relabelled image; {@code originalIds[k]} is object k's value before (index 0 = 0). */
    public record Relabelled(int[] labels, int count, long[] originalIds) {
    }

    private static int find(int[] parent, int a) {
        while (parent[a] != a) {
            parent[a] = parent[parent[a]];
            a = parent[a];
        }
        return a;
    }

    private static int union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra == rb) {
            return ra;
        }
        // the smaller provisional label (earlier in the scan) stays the root
        if (ra < rb) {
            parent[rb] = ra;
            return ra;
        }
        parent[ra] = rb;
        return rb;
    }
}
