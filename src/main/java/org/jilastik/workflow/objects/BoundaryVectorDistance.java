package org.jilastik.workflow.objects;

/**
 * vigra's {@code boundaryVectorDistance(labels, dest, false, OuterBoundary)} in 2-D: for every pixel, the offset
 * to the nearest pixel of a different label (image borders are not boundaries), as integer vectors {@code (vx, vy)}
 * in vigra's axis order (x = dimension 0, y = dimension 1).
 *
 * <p>Data layout: a {@code w × h} image in flat row-major order ({@code i = y·w + x}); the vectors are written to
 * two int arrays of the same layout. Separable lower-envelope of parabolas: first along x (rows), then along y
 * (columns); within a line, every run of equal labels is a segment whose neighbouring pixels of another label are
 * boundary points at distance zero. Ties between parabolas are resolved exactly as vigra does (strict
 * comparisons, stack order), so the chosen support points are vigra's, which matters for the skeleton. Pixels
 * whose line holds no boundary keep a "far" vector based on {@code dmax} (vigra: twice the image shape), so pass
 * the shape of the whole frame, not of a cut-out, to reproduce a whole-frame run. Stateless.
 */
final class BoundaryVectorDistance {
    private BoundaryVectorDistance() {
    }

    /**
     * Computes the vectors.
     *
     * @param labels {@code w·h} labels (only equality matters)
     * @param dmaxX  vigra's far point, x component ({@code 2 ×} frame width)
     * @param dmaxY  vigra's far point, y component ({@code 2 ×} frame height)
     * @param vx     receives the x offsets ({@code w·h})
     * @param vy     receives the y offsets ({@code w·h})
     */
    static void compute(int[] labels, int w, int h, int dmaxX, int dmaxY, int[] vx, int[] vy) {
        java.util.Arrays.fill(vx, dmaxX);
        java.util.Arrays.fill(vy, dmaxY);
        Line line = new Line(Math.max(w, h) + 2);
        for (int y = 0; y < h; y++) {
            line.run(0, labels, y * w, 1, w, vx, vy, dmaxX, dmaxY);
        }
        for (int x = 0; x < w; x++) {
            line.run(1, labels, x, w, h, vx, vy, dmaxX, dmaxY);
        }
    }

    /** The parabola stack of one line (reused between lines). */
    private static final class Line {
        final double[] left;
        final double[] center;
        final double[] right;
        final double[] apex;
        final int[] px;
        final int[] py;
        int sp;

        Line(int cap) {
            left = new double[cap + 1];
            center = new double[cap + 1];
            right = new double[cap + 1];
            apex = new double[cap + 1];
            px = new int[cap + 1];
            py = new int[cap + 1];
        }

        void push(int x, int y, double a, double l, double c, double r) {
            px[sp] = x;
            py[sp] = y;
            apex[sp] = a;
            left[sp] = l;
            center[sp] = c;
            right[sp] = r;
            sp++;
        }

        static double partial(int d, int x, int y) {
            double sx = (double) x;
            return d == 0 ? sx * sx : sx * sx + (double) y * y;
        }

        void run(int d, int[] labels, int start, int stride, int n, int[] vx, int[] vy, int bx, int by) {
            if (n <= 0) {
                return;
            }
            double w = n;
            sp = 0;
            push(bx, by, partial(d, bx, by), 0.0, -1.0, w);
            int currentLabel = labels[start];
            int begin = 0;
            for (int cur = 0; cur <= n; cur++) {
                int idx = start + cur * stride;
                int ptx;
                int pty;
                if (cur < n) {
                    if (labels[idx] == currentLabel) {
                        ptx = vx[idx];
                        pty = vy[idx];
                    } else {
                        ptx = 0;
                        pty = 0;
                    }
                } else {
                    ptx = bx;
                    pty = by;
                }
                double a = partial(d, ptx, pty);
                while (true) {
                    int top = sp - 1;
                    double diff = cur - center[top];
                    double inter = cur + (a - apex[top] - diff * diff) / (2.0 * diff);
                    if (inter < left[top]) {
                        sp--;
                        if (sp == 0) {
                            inter = begin;
                        } else {
                            continue;
                        }
                    } else if (inter < right[top]) {
                        right[top] = inter;
                    }
                    if (inter < w) {
                        push(ptx, pty, a, inter, cur, w);
                    }
                    if (cur < n && currentLabel == labels[idx]) {
                        break;
                    }
                    // the label changes (or the line ends): write the finished segment
                    int it = 0;
                    for (int c = begin; c < cur; c++) {
                        while (c >= right[it]) {
                            it++;
                        }
                        int o = start + c * stride;
                        int off = (int) (center[it] - c);
                        if (d == 0) {
                            vx[o] = off;
                            vy[o] = py[it];
                        } else {
                            vx[o] = px[it];
                            vy[o] = off;
                        }
                    }
                    if (cur == n) {
                        break;
                    }
                    begin = cur;
                    currentLabel = labels[idx];
                    ptx = vx[idx];
                    pty = vy[idx];
                    a = partial(d, ptx, pty);
                    sp = 0;
                    push(0, 0, 0.0, begin - 1.0, begin - 1.0, w);
                }
            }
        }
    }
}
