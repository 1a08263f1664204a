package org.jilastik.workflow.objects;

import java.util.Arrays;

/**
 * vigra's 2-D skeleton features ({@code extractSkeletonFeatures} with {@code pruneSalienceRelative(0.2)}, the
 * mode ilastik's "2D Skeleton Features" plugin uses) for ONE region given as a binary cut-out.
 *
 * <p>Data layout: the cut-out is {@code w × h}, flat row-major ({@code i = y·w + x}); coordinates follow vigra's
 * axis order (x = dimension 0, scanned fastest). The cut-out must contain the region's bounding box plus one
 * pixel on every side that is not at the frame border, so that the region's boundary and the frame border fall
 * where they fall in the whole frame; vigra's per-region steps then see exactly the pixels they see in a
 * whole-frame run (the boundary distances depend only on "same label or not", the thinning and the graph
 * searches only on the region's own skeleton pixels), and the results are the same numbers.
 *
 * <p>Steps (vigra skeleton.hxx): boundary vector distance; raw skeleton from 4-adjacent pixel pairs whose support
 * points are neither equal nor adjacent; thinning of simple points in order of increasing squared distance
 * (first-in first-out among equals); the skeleton graph (8-neighbourhood, edge weights 1 or √2, other edges
 * "infinite"); two Dijkstra runs for the longest path (the center line), a third from its arc-length midpoint
 * (the eccentricity center) that makes the skeleton a tree; subtree length and salience; loop (hole) detection;
 * pruning by relative salience; the features. Dijkstra uses vigra's binary heap (ChangeablePriorityQueue), whose
 * tie order decides which of several equally long paths is taken. Not thread safe: one instance per thread.
 */
final class SkeletonKernel {
    /** Feature slots of {@link #compute}'s result. */
    static final int DIAMETER = 0;
    static final int EUCLIDEAN_DIAMETER = 1;
    static final int TOTAL_LENGTH = 2;
    static final int AVERAGE_LENGTH = 3;
    static final int BRANCH_COUNT = 4;
    static final int HOLE_COUNT = 5;
    static final int CENTER_X = 6;
    static final int TERMINAL1_X = 8;
    static final int TERMINAL2_X = 10;
    /** 1 when the region has a skeleton (vigra reports zeros otherwise). */
    static final int HAS_SKELETON = 12;
    static final int SLOTS = 13;

    /** vigra's 8-neighbourhood in its order (sorted by stride: y, then x); the first four are the back arcs. */
    private static final int[] DX = {-1, 0, 1, -1, 1, -1, 0, 1};
    private static final int[] DY = {-1, -1, -1, 0, 0, 1, 1, 1};
    private static final double INFINITE = 0.5 * Double.MAX_VALUE;
    private static final double SQRT2 = Math.sqrt(2.0);
    /** vigra's isSimplePreserveEndPoints table, indexed by the 8-neighbour configuration (first neighbour = MSB). */
    private static final boolean[] SIMPLE = table(
            "000000010011001100110011" + "000000000000000001110011" + "000000000000000000000000"
                    + "110000001000100000000000" + "000000001100000010001000" + "000000000000000000000000"
                    + "001110110000000000000000" + "000000000000000000000000" + "000000001100000010001000"
                    + "000000001000000011000000" + "1000100000000000");

    private int w;
    private int h;
    private int n;
    private int[] labels;
    private int[] vx;
    private int[] vy;
    private long[] sq;
    private byte[] skel;
    private double[] weights;
    // Dijkstra
    private int[] pred;
    private double[] dist;
    private int[] heap;
    private int[] heapIndex;
    private double[] prio;
    private int heapSize;
    private int[] discovered;
    private int discoveredCount;
    private int roiX0;
    private int roiY0;
    private int roiX1;
    private int roiY1;
    // skeleton tree
    private int[] parent;
    private int[] principal;
    private double[] length;
    private double[] salience;
    private long[] partialArea;
    private boolean[] loop;

    private static boolean[] table(String bits) {
        boolean[] t = new boolean[256];
        for (int i = 0; i < 256; i++) {
            t[i] = bits.charAt(i) == '1';
        }
        return t;
    }

    /**
     * The features of the region {@code labels[i] != 0} of a cut-out.
     *
     * @param labels   {@code w·h}, non-zero = the region (read only)
     * @param frameW   width of the whole frame (for vigra's far point)
     * @param frameH   height of the whole frame
     * @return {@link #SLOTS} values (diameter, euclidean diameter, total length, average length, branch count,
     *         hole count, center x/y, terminal 1 x/y, terminal 2 x/y in cut-out coordinates); all zero when the
     *         region has no skeleton
     */
    double[] compute(int[] labels, int w, int h, int frameW, int frameH) {
        this.w = w;
        this.h = h;
        this.n = w * h;
        this.labels = labels;
        vx = new int[n];
        vy = new int[n];
        sq = new long[n];
        skel = new byte[n];
        BoundaryVectorDistance.compute(labels, w, h, 2 * frameW, 2 * frameH, vx, vy);
        for (int i = 0; i < n; i++) {
            sq[i] = (long) vx[i] * vx[i] + (long) vy[i] * vy[i];
        }
        rawSkeleton();
        thin();
        return features();
    }

    private boolean in(int x, int y) {
        return x >= 0 && y >= 0 && x < w && y < h;
    }

    /** Marks the raw skeleton (vigra: loop over the 4-neighbourhood edges, u = node, v = its back neighbour). */
    private void rawSkeleton() {
        int[] ends = new int[16];
        int endCount = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int e = 0; e < 2; e++) {
                    int x2 = e == 0 ? x : x - 1;
                    int y2 = e == 0 ? y - 1 : y;
                    if (x2 < 0 || y2 < 0) {
                        continue;
                    }
                    int p1 = y * w + x;
                    int p2 = y2 * w + x2;
                    int l1 = labels[p1] != 0 ? 1 : 0;
                    int l2 = labels[p2] != 0 ? 1 : 0;
                    if (l1 == l2) {
                        if (l1 == 0) {
                            continue;
                        }
                        long dpx = x2 - x;
                        long dpy = y2 - y;
                        long dvx = (long) vx[p2] - vx[p1] + dpx;
                        long dvy = (long) vy[p2] - vy[p1] + dpy;
                        if (Math.max(Math.abs(dvx), Math.abs(dvy)) <= 1) {
                            continue;
                        }
                        long d1 = dvx * dpx + dvy * dpy;
                        long d2 = dvx * ((long) vx[p1] + vx[p2]) + dvy * ((long) vy[p1] + vy[p2]);
                        int mark = d1 * d2 <= 0 ? p1 : p2;
                        skel[mark] = 1;
                        if (sq[mark] == 4) {
                            if (endCount == ends.length) {
                                ends = Arrays.copyOf(ends, 2 * endCount);
                            }
                            ends[endCount++] = mark;
                        }
                    } else {
                        if (l1 > 0 && Math.max(Math.abs((long) vx[p1] + x - x2), Math.abs((long) vy[p1] + y - y2)) > 1) {
                            skel[p1] = 1;
                        }
                        if (l2 > 0 && Math.max(Math.abs((long) vx[p2] + x2 - x), Math.abs((long) vy[p2] + y2 - y)) > 1) {
                            skel[p2] = 1;
                        }
                    }
                }
            }
        }
        // a skeleton line that stops one pixel short of the boundary gets the pixel half way to its support point
        for (int k = 0; k < endCount; k++) {
            int p1 = ends[k];
            int x = p1 % w;
            int y = p1 / w;
            int count = 0;
            for (int a = 0; a < 8; a++) {
                int qx = x + DX[a];
                int qy = y + DY[a];
                if (in(qx, qy) && skel[qy * w + qx] == skel[p1] && sq[qy * w + qx] < 4) {
                    count++;
                }
            }
            if (count == 0) {
                int tx = x + vx[p1] / 2;
                int ty = y + vy[p1] / 2;
                skel[ty * w + tx] = skel[p1];
            }
        }
    }

    private int configuration(int p) {
        int x = p % w;
        int y = p / w;
        int v = 0;
        for (int a = 0; a < 8; a++) {
            v = (v << 1) | (skel[(y + DY[a]) * w + x + DX[a]] == skel[p] ? 1 : 0);
        }
        return v;
    }

    private boolean interior(int p) {
        int x = p % w;
        int y = p / w;
        return x > 0 && y > 0 && x < w - 1 && y < h - 1;
    }

    /** vigra skeletonThinning(preserve_endpoints = true): delete simple points, smallest distance first. */
    private void thin() {
        ThinningQueue q = new ThinningQueue();
        for (int p = 0; p < n; p++) {
            if (interior(p) && skel[p] > 0 && SIMPLE[configuration(p)]) {
                q.push(sq[p], p);
            }
        }
        while (q.size > 0) {
            int p = q.pop();
            if (skel[p] == 0 || !SIMPLE[configuration(p)]) {
                continue;
            }
            skel[p] = 0;
            int x = p % w;
            int y = p / w;
            for (int a = 0; a < 8; a++) {
                int qq = (y + DY[a]) * w + x + DX[a];
                if (interior(qq) && skel[qq] > 0 && SIMPLE[configuration(qq)]) {
                    q.push(sq[qq], qq);
                }
            }
        }
    }

    /** The edge id of the arc from {@code p} along neighbour {@code a} (edges live at their later node). */
    private int edge(int p, int a) {
        if (a < 4) {
            return p * 4 + a;
        }
        int q = p + DY[a] * w + DX[a];
        return q * 4 + (7 - a);
    }

    private double[] features() {
        double[] out = new double[SLOTS];
        int anchor = -1;
        int x0 = Integer.MAX_VALUE;
        int y0 = Integer.MAX_VALUE;
        int x1 = Integer.MIN_VALUE;
        int y1 = Integer.MIN_VALUE;
        weights = new double[4 * n];
        parent = new int[n];
        Arrays.fill(parent, -1);
        for (int p = 0; p < n; p++) {
            if (skel[p] == 0) {
                continue;
            }
            int x = p % w;
            int y = p / w;
            anchor = p;
            parent[p] = p;
            x0 = Math.min(x0, x);
            y0 = Math.min(y0, y);
            x1 = Math.max(x1, x);
            y1 = Math.max(y1, y);
            for (int a = 0; a < 8; a++) {
                int qx = x + DX[a];
                int qy = y + DY[a];
                if (in(qx, qy)) {
                    weights[edge(p, a)] = skel[qy * w + qx] != 0 ? (a == 1 || a == 3 || a == 4 || a == 6 ? 1.0 : SQRT2)
                            : INFINITE;
                }
            }
        }
        if (anchor < 0) {
            return out;
        }
        initDijkstra(x0, y0, x1 + 1, y1 + 1);
        double maxWeight = edgeCount() * SQRT2;
        run(anchor, -1, maxWeight);
        anchor = discovered[discoveredCount - 1];
        run(anchor, -1, maxWeight);
        int terminal1 = discovered[discoveredCount - 1];
        int[] centerLine = new int[discoveredCount];
        int cl = 0;
        centerLine[cl++] = terminal1;
        while (pred[centerLine[cl - 1]] != centerLine[cl - 1]) {
            centerLine[cl] = pred[centerLine[cl - 1]];
            cl++;
        }
        double[] arc = new double[cl];
        for (int k = 1; k < cl; k++) {
            arc[k] = arc[k - 1] + norm(centerLine[k], centerLine[k - 1]);
        }
        int center = centerLine[roundi(arcLengthQuantile(arc, cl, 0.5))];
        run(center, -1, maxWeight);
        int[] raw = Arrays.copyOf(discovered, discoveredCount);
        tree(raw, center);
        double[] totals = loopsAndPruning(raw, center);
        out[DIAMETER] = arc[cl - 1];
        out[TOTAL_LENGTH] = totals[0];
        out[AVERAGE_LENGTH] = totals[1];
        out[BRANCH_COUNT] = totals[2];
        out[HOLE_COUNT] = totals[3];
        out[CENTER_X] = center % w;
        out[CENTER_X + 1] = center / w;
        int terminal2 = centerLine[cl - 1];
        out[TERMINAL1_X] = terminal1 % w;
        out[TERMINAL1_X + 1] = terminal1 / w;
        out[TERMINAL2_X] = terminal2 % w;
        out[TERMINAL2_X + 1] = terminal2 / w;
        out[EUCLIDEAN_DIAMETER] = norm(terminal1, terminal2);
        out[HAS_SKELETON] = 1;
        return out;
    }

    private long edgeCount() {
        // vigra GridGraph 8-neighbourhood edge count: (prod(3·shape − 2) − prod(shape)) / 2, as int
        return (int) (((long) (3 * w - 2) * (3 * h - 2) - (long) w * h) / 2);
    }

    private double norm(int p, int q) {
        int dx = p % w - q % w;
        int dy = p / w - q / w;
        return Math.sqrt((double) (dx * dx + dy * dy));
    }

    private static int roundi(double t) {
        return t >= 0.0 ? (int) (t + 0.5) : (int) (t - 0.5);
    }

    private static double arcLengthQuantile(double[] arc, int size, double quantile) {
        if (size == 1) {
            return 0.0;
        }
        double len = quantile * arc[size - 1];
        int k = 0;
        for (; k < size; k++) {
            if (arc[k] >= len) {
                break;
            }
        }
        k--;
        return k + (len - arc[k]) / (arc[k + 1] - arc[k]);
    }

    /** Tree, subtree lengths, salience and partial areas (vigra's first two passes). */
    private void tree(int[] raw, int center) {
        principal = new int[n];
        Arrays.fill(principal, -1);
        length = new double[n];
        salience = new double[n];
        Arrays.fill(salience, 1.0);
        partialArea = new long[n];
        loop = new boolean[n];
        for (int k = raw.length - 1; k >= 0; k--) {
            int p1 = raw[k];
            int p2 = pred[p1];
            parent[p1] = p2;
            int x = p1 % w;
            int y = p1 / w;
            for (int a = 0; a < 4; a++) {
                int qx = x + DX[a];
                int qy = y + DY[a];
                if (!in(qx, qy)) {
                    continue;
                }
                int p = qy * w + qx;
                int e = edge(p1, a);
                if (weights[e] == INFINITE || p == p2 || pred[p] == p1) {
                    continue;
                }
                if (principal[p1] == -1 || principal[p] == -1) {
                    continue;
                }
                weights[e] = INFINITE;
            }
            double l = length[p1] + norm(p1, p2);
            if (length[p2] < l) {
                length[p2] = l;
                principal[p2] = p1;
            }
            if (length[p1] >= 4.0) {
                salience[p1] = Math.max(salience[p1], (length[p1] + 0.5) / Math.sqrt((double) sq[p1]));
                if (salience[p2] < salience[p1]) {
                    salience[p2] = salience[p1];
                }
            }
        }
        for (int p1 : raw) {
            int p2 = parent[p1];
            if (p1 == principal[p2]) {
                length[p1] = length[p2];
                salience[p1] = salience[p2];
            } else {
                length[p1] += norm(p2, p1);
            }
            long cross = (long) (p1 % w) * (p2 / w) - (long) (p1 / w) * (p2 % w);
            partialArea[p1] = partialArea[p2] + cross;
        }
        loop[center] = true;
    }

    /** Loops (holes), removal of inner branches, pruning; returns total length, average length, branches, holes. */
    private double[] loopsAndPruning(int[] raw, int center) {
        int holes = 0;
        double total = 0.0;
        for (int k = raw.length - 1; k >= 0; k--) {
            int p1 = raw[k];
            int start = p1;
            if (principal[p1] == -1) {
                int x = p1 % w;
                int y = p1 / w;
                for (int a = 0; a < 8; a++) {
                    int qx = x + DX[a];
                    int qy = y + DY[a];
                    if (!in(qx, qy)) {
                        continue;
                    }
                    int p2 = qy * w + qx;
                    int e = edge(p1, a);
                    if (parent[p1] == p2 || weights[e] == INFINITE) {
                        continue;
                    }
                    long cross = (long) x * qy - (long) y * qx;
                    long area2 = Math.abs(partialArea[p1] - cross - partialArea[p2]);
                    if (area2 <= 3) {
                        continue;
                    }
                    weights[e] = INFINITE;
                    run(p1, p2, Double.MAX_VALUE);
                    int[] poly = new int[discoveredCount + 2];
                    int m = 0;
                    poly[m++] = p1;
                    poly[m++] = p2;
                    int p = p2;
                    do {
                        p = pred[p];
                        if (m == poly.length) {
                            poly = Arrays.copyOf(poly, 2 * m);
                        }
                        poly[m++] = p;
                    } while (p != pred[p]);
                    if (polygonEnclosesOtherPixels(poly, m)) {
                        holes++;
                        total += length[p1] + length[p2];
                        double max = Math.max(salience[p1], salience[p2]);
                        for (int j = 1; j < m; j++) {
                            loop[poly[j]] = true;
                            salience[poly[j]] = Math.max(salience[poly[j]], max);
                        }
                    }
                }
                if (!loop[p1] && sq[p1] >= 4) {
                    int q = p1;
                    while (true) {
                        salience[q] = 0;
                        int qx = q % w;
                        int qy = q / w;
                        for (int a = 0; a < 8; a++) {
                            if (in(qx + DX[a], qy + DY[a])) {
                                weights[edge(q, a)] = INFINITE;
                            }
                        }
                        if (principal[parent[q]] != q) {
                            break;
                        }
                        q = parent[q];
                    }
                }
            }
            if (loop[start]) {
                loop[parent[start]] = true;
            }
        }
        double threshold = 0.2 * salience[center];
        int branches = 0;
        double average = 0.0;
        for (int p1 : raw) {
            if (principal[p1] == -1 && salience[p1] >= threshold && !loop[p1]) {
                branches++;
                average += length[p1];
                total += length[p1];
            }
        }
        if (branches > 0) {
            average /= branches;
        }
        return new double[] {total, average, branches, holes};
    }

    /**
     * vigra {@code inspectPolygon(poly, label == region)} negated: whether a pixel inside the closed polygon
     * (scan intervals of {@code createScanIntervals}, contour included) is not the region's.
     */
    private boolean polygonEnclosesOtherPixels(int[] poly, int m) {
        long[] pts = new long[2 * (m + 4)];
        int cnt = 0;
        boolean dropNextStart = false;
        for (int k = 0; k < m - 1; k++) {
            long x1 = poly[k] % w;
            long y1 = poly[k] / w;
            long x2 = poly[k + 1] % w;
            long y2 = poly[k + 1] / w;
            if (y1 == y2) {
                continue;
            }
            double t = (double) ((x2 - x1) / (y2 - y1)); // integer points: C++ integer division
            double y;
            double yend;
            double dy;
            if (y1 < y2) {
                y = y1;
                yend = y2;
                dy = 1.0;
            } else {
                y = y1;
                yend = y2;
                dy = -1.0;
            }
            if (dropNextStart) {
                y += dy;
                dropNextStart = false;
            }
            for (; (y - yend) * dy < 0.0; y += dy) {
                double x = x1 + (y - y1) * t;
                if (2 * cnt + 2 > pts.length) {
                    pts = Arrays.copyOf(pts, 2 * pts.length);
                }
                pts[2 * cnt] = (long) x;
                pts[2 * cnt + 1] = (long) y;
                cnt++;
            }
            // integer knots always lie on a scanline: the degenerate case
            int j = (k + 2) % m;
            long jx = poly[j] % w;
            long jy = poly[j] / w;
            boolean convex = (x2 - x1) * (jy - y1) - (y2 - y1) * (jx - x1) <= 0;
            if (convex) {
                if (2 * cnt + 2 > pts.length) {
                    pts = Arrays.copyOf(pts, 2 * pts.length);
                }
                pts[2 * cnt] = x2;
                pts[2 * cnt + 1] = y2;
                cnt++;
            }
            for (; j != k + 1; j = (j + 1) % m) {
                double bend = dy * (poly[j] / w - yend);
                if (bend == 0.0) {
                    continue;
                }
                if ((convex && bend > 0.0) || (!convex && bend < 0.0)) {
                    dropNextStart = true;
                }
                break;
            }
        }
        int first = 0;
        if (dropNextStart) {
            first = 1;
        }
        int len = cnt - first;
        Integer[] order = new Integer[len];
        for (int i = 0; i < len; i++) {
            order[i] = first + i;
        }
        final long[] pp = pts;
        Arrays.sort(order, (a, b) -> {
            int c = Long.compare(pp[2 * a + 1], pp[2 * b + 1]);
            return c != 0 ? c : Long.compare(pp[2 * a], pp[2 * b]);
        });
        for (int k = 0; k + 1 < len; k += 2) {
            long xs = pp[2 * order[k]];
            long yy = pp[2 * order[k] + 1];
            long xe = pp[2 * order[k + 1]];
            for (long x = xs; x <= xe; x++) {
                if (x < 0 || yy < 0 || x >= w || yy >= h || labels[(int) (yy * w + x)] == 0) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---- Dijkstra with vigra's ChangeablePriorityQueue ------------------------------------------------------

    private void initDijkstra(int x0, int y0, int x1, int y1) {
        pred = new int[n];
        Arrays.fill(pred, -1);
        dist = new double[n];
        heap = new int[n + 1];
        heapIndex = new int[n];
        Arrays.fill(heapIndex, -1);
        prio = new double[n];
        discovered = new int[n];
        discoveredCount = 0;
        roiX0 = x0;
        roiY0 = y0;
        roiX1 = x1;
        roiY1 = y1;
    }

    private boolean inRoi(int x, int y) {
        return x >= roiX0 && y >= roiY0 && x < roiX1 && y < roiY1;
    }

    /** vigra ShortestPathDijkstra::run/reRun restricted to the ROI; discovery order in {@link #discovered}. */
    private void run(int source, int target, double maxDistance) {
        for (int i = 0; i < discoveredCount; i++) {
            pred[discovered[i]] = -1;
        }
        dist[source] = 0.0;
        pred[source] = source;
        discoveredCount = 0;
        push(source, 0.0);
        while (heapSize > 0) {
            int top = heap[1];
            if (dist[top] > maxDistance) {
                break;
            }
            pop();
            discovered[discoveredCount++] = top;
            if (top == target) {
                break;
            }
            int x = top % w;
            int y = top / w;
            for (int a = 0; a < 8; a++) {
                int qx = x + DX[a];
                int qy = y + DY[a];
                if (!in(qx, qy)) {
                    continue;
                }
                int q = qy * w + qx;
                if (heapIndex[q] != -1) {
                    double alt = dist[top] + weights[edge(top, a)];
                    if (alt < dist[q]) {
                        push(q, alt);
                        dist[q] = alt;
                        pred[q] = top;
                    }
                } else if (inRoi(qx, qy) && pred[q] == -1) {
                    double init = dist[top] + weights[edge(top, a)];
                    if (init <= maxDistance) {
                        push(q, init);
                        dist[q] = init;
                        pred[q] = top;
                    }
                }
            }
        }
        while (heapSize > 0) {
            pred[heap[1]] = -1;
            pop();
        }
    }

    private void push(int i, double p) {
        if (heapIndex[i] == -1) {
            heapSize++;
            heapIndex[i] = heapSize;
            heap[heapSize] = i;
            prio[i] = p;
            bubbleUp(heapSize);
        } else if (p > prio[i]) {
            prio[i] = p;
            bubbleDown(heapIndex[i]);
        } else if (p < prio[i]) {
            prio[i] = p;
            bubbleUp(heapIndex[i]);
        }
    }

    private void pop() {
        int min = heap[1];
        swap(1, heapSize--);
        bubbleDown(1);
        heapIndex[min] = -1;
        heap[heapSize + 1] = -1;
    }

    private void swap(int i, int j) {
        int t = heap[i];
        heap[i] = heap[j];
        heap[j] = t;
        heapIndex[heap[i]] = i;
        heapIndex[heap[j]] = j;
    }

    private void bubbleUp(int k) {
        while (k > 1 && prio[heap[k / 2]] > prio[heap[k]]) {
            swap(k, k / 2);
            k = k / 2;
        }
    }

    private void bubbleDown(int k) {
        while (2 * k <= heapSize) {
            int j = 2 * k;
            if (j < heapSize && prio[heap[j]] > prio[heap[j + 1]]) {
                j++;
            }
            if (prio[heap[k]] <= prio[heap[j]]) {
                break;
            }
            swap(k, j);
            k = j;
        }
    }

    /** Min-queue of (squared distance, insertion number) for the thinning; stale entries are allowed. */
    private static final class ThinningQueue {
        long[] cost = new long[64];
        long[] seq = new long[64];
        int[] node = new int[64];
        int size;
        long next;

        void push(long c, int p) {
            if (size == cost.length) {
                cost = Arrays.copyOf(cost, 2 * size);
                seq = Arrays.copyOf(seq, 2 * size);
                node = Arrays.copyOf(node, 2 * size);
            }
            int k = size++;
            cost[k] = c;
            seq[k] = next++;
            node[k] = p;
            while (k > 0) {
                int up = (k - 1) / 2;
                if (!less(k, up)) {
                    break;
                }
                swap(k, up);
                k = up;
            }
        }

        int pop() {
            int out = node[0];
            size--;
            cost[0] = cost[size];
            seq[0] = seq[size];
            node[0] = node[size];
            int k = 0;
            while (true) {
                int l = 2 * k + 1;
                if (l >= size) {
                    break;
                }
                int c = l + 1 < size && less(l + 1, l) ? l + 1 : l;
                if (!less(c, k)) {
                    break;
                }
                swap(c, k);
                k = c;
            }
            return out;
        }

        boolean less(int a, int b) {
            return cost[a] < cost[b] || (cost[a] == cost[b] && seq[a] < seq[b]);
        }

        void swap(int a, int b) {
            long c = cost[a];
            cost[a] = cost[b];
            cost[b] = c;
            long s = seq[a];
            seq[a] = seq[b];
            seq[b] = s;
            int t = node[a];
            node[a] = node[b];
            node[b] = t;
        }
    }
}
