package org.jilastik.workflow.tracking.graph;

/**
 * hytra's {@code convexifyCosts} (spec tracking §2.6, ε = 1e-6): makes a per-state energy vector convex before
 * dpct sees it. From the first minimum b, walk outwards in each direction (lower states first) with slope
 * {@code prev = 0}: the step g away from b is kept when it is at least {@code prev} (and not within ε of it), else
 * the value is raised to {@code f[previous] + prev + ε} and prev grows by ε. Stateless.
 */
public final class ConvexCosts {
    /** hytra's epsilon. */
    public static final double EPSILON = 1e-6;

    private ConvexCosts() {
    }

    /** Returns a convexified copy of {@code f} (which is not modified); {@code null} stays {@code null}. */
    public static double[] convexify(double[] f) {
        if (f == null) {
            return null;
        }
        double[] c = f.clone();
        int best = 0;
        for (int i = 1; i < c.length; i++) {
            if (c[i] < c[best]) {
                best = i;
            }
        }
        for (int dir = -1; dir <= 1; dir += 2) {
            double prev = 0;
            for (int pos = best + dir; pos >= 0 && pos < c.length; pos += dir) {
                double g = c[pos] - c[pos - dir];
                if (Math.abs(g - prev) < EPSILON || g < prev) {
                    prev += EPSILON;
                    c[pos] = c[pos - dir] + prev;
                } else {
                    prev = g;
                }
            }
        }
        return c;
    }
}
