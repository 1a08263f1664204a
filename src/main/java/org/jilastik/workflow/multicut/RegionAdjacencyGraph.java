package org.jilastik.workflow.multicut;

import java.util.Arrays;

/**
 * ilastikrag's region adjacency graph of a superpixel image (spec multicut §2.4): nodes are the ids 0..max, edges
 * the pairs (u &lt; v) of ids that touch along an axis, sorted lexicographically; an edge consists of its pixel
 * faces (pairs of neighbouring pixels along one axis with different ids).
 *
 * <p>Layout: faces are numbered axis by axis (z, y, x) in C order of their lower pixel and grouped by edge in
 * compressed rows: the faces of edge e are {@code faceLow[faceStart[e] .. faceStart[e+1])} (index of the lower
 * pixel) with {@code faceAxis} (0 = z, 1 = y, 2 = x) at the same positions. The superpixel array is kept (not
 * copied). Immutable after construction, thread safe.
 */
public final class RegionAdjacencyGraph {
    private final int[] superpixels;
    private final int[] shape;
    private final boolean is3d;
    private final int maxId;
    private final int[] u;
    private final int[] v;
    private final int[] faceStart;
    private final int[] faceLow;
    private final byte[] faceAxis;

    private RegionAdjacencyGraph(int[] superpixels, int[] shape, boolean is3d, int maxId, int[] u, int[] v,
            int[] faceStart, int[] faceLow, byte[] faceAxis) {
        this.superpixels = superpixels;
        this.shape = shape;
        this.is3d = is3d;
        this.maxId = maxId;
        this.u = u;
        this.v = v;
        this.faceStart = faceStart;
        this.faceLow = faceLow;
        this.faceAxis = faceAxis;
    }

    /**
     * Builds the RAG.
     *
     * @param superpixels ids ≥ 0, flat C-order {@code [z][y][x]} (z = 1 in 2-D); kept by reference
     * @param shape       extents {z, y, x}
     */
    public static RegionAdjacencyGraph of(int[] superpixels, int[] shape, boolean is3d) {
        int nz = shape[0];
        int ny = shape[1];
        int nx = shape[2];
        int[] strides = {ny * nx, nx, 1};
        int maxId = 0;
        for (int s : superpixels) {
            maxId = Math.max(maxId, s);
        }
        // pass 1: count faces; pass 2: their (edge key) and lower pixel in axis, C order
        long faces = 0;
        for (int a = 0; a < 3; a++) {
            faces += countFaces(superpixels, shape, a, strides[a]);
        }
        if (faces > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("too many superpixel faces: " + faces);
        }
        int nf = (int) faces;
        long[] key = new long[nf];
        int[] low = new int[nf];
        byte[] axis = new byte[nf];
        int f = 0;
        for (int a = 0; a < 3; a++) {
            int stride = strides[a];
            for (int z = 0; z < nz; z++) {
                for (int y = 0; y < ny; y++) {
                    for (int x = 0; x < nx; x++) {
                        if ((a == 0 && z + 1 >= nz) || (a == 1 && y + 1 >= ny) || (a == 2 && x + 1 >= nx)) {
                            continue;
                        }
                        int p = (z * ny + y) * nx + x;
                        int s = superpixels[p];
                        int t = superpixels[p + stride];
                        if (s != t) {
                            key[f] = ((long) Math.min(s, t) << 32) | Math.max(s, t);
                            low[f] = p;
                            axis[f] = (byte) a;
                            f++;
                        }
                    }
                }
            }
        }
        long[] sorted = key.clone();
        Arrays.sort(sorted);
        int m = 0;
        for (int i = 0; i < nf; i++) {
            if (m == 0 || sorted[m - 1] != sorted[i]) {
                sorted[m++] = sorted[i];
            }
        }
        int[] eu = new int[m];
        int[] ev = new int[m];
        for (int e = 0; e < m; e++) {
            eu[e] = (int) (sorted[e] >>> 32);
            ev[e] = (int) sorted[e];
        }
        int[] edgeOfFace = new int[nf];
        int[] start = new int[m + 1];
        for (int i = 0; i < nf; i++) {
            int e = Arrays.binarySearch(sorted, 0, m, key[i]);
            edgeOfFace[i] = e;
            start[e + 1]++;
        }
        for (int e = 0; e < m; e++) {
            start[e + 1] += start[e];
        }
        int[] fill = Arrays.copyOf(start, m);
        int[] faceLow = new int[nf];
        byte[] faceAxis = new byte[nf];
        for (int i = 0; i < nf; i++) {
            int at = fill[edgeOfFace[i]]++;
            faceLow[at] = low[i];
            faceAxis[at] = axis[i];
        }
        return new RegionAdjacencyGraph(superpixels, shape, is3d, maxId, eu, ev, start, faceLow, faceAxis);
    }

    private static long countFaces(int[] sp, int[] shape, int a, int stride) {
        long c = 0;
        int nz = shape[0];
        int ny = shape[1];
        int nx = shape[2];
        for (int z = 0; z < nz - (a == 0 ? 1 : 0); z++) {
            for (int y = 0; y < ny - (a == 1 ? 1 : 0); y++) {
                int row = (z * ny + y) * nx;
                for (int x = 0; x < nx - (a == 2 ? 1 : 0); x++) {
                    if (sp[row + x] != sp[row + x + stride]) {
                        c++;
                    }
                }
            }
        }
        return c;
    }

    /** The graph the solvers run on: nodes 0..max id, these edges. */
    public EdgeGraph graph() {
        return EdgeGraph.of(maxId + 1, u, v);
    }

    /** Number of edges. */
    public int edgeCount() {
        return u.length;
    }

    /** Largest superpixel id. */
    public int maxId() {
        return maxId;
    }

    /** Lower id of edge e. */
    public int u(int e) {
        return u[e];
    }

    /** Higher id of edge e. */
    public int v(int e) {
        return v[e];
    }

    /** The superpixel image (live array). */
    public int[] superpixels() {
        return superpixels;
    }

    /** Image extents {z, y, x}. */
    public int[] shape() {
        return shape.clone();
    }

    /** Whether the image is 3-D. */
    public boolean is3d() {
        return is3d;
    }

    int faceStart(int e) {
        return faceStart[e];
    }

    int faceEnd(int e) {
        return faceStart[e + 1];
    }

    int faceLow(int i) {
        return faceLow[i];
    }

    /** Index of the other pixel of face i. */
    int faceHigh(int i) {
        int a = faceAxis[i];
        return faceLow[i] + (a == 2 ? 1 : a == 1 ? shape[2] : shape[1] * shape[2]);
    }

    int faceCount() {
        return faceLow.length;
    }
}
