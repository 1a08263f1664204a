package org.jilastik.workflow.tracking;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jilastik.workflow.objects.ObjectFeatures;

/**
 * ilastik's {@code Cell Division Features} plugin (spec tracking §2.2): for every object of frame t, measures of its
 * nearest candidate children in frame t+1.
 *
 * <p>Facts reproduced (ilastik trackingFeatureExtraction, FeatureManager with n_best 3, template size 50, size
 * filter 4, default distance 9999, scales 1): the candidates are the objects of t+1 that occur in the window
 * {@code [max(c − 25, 0), min(c + 25, size))} around the object's rounded (half to even) float32 RegionCenter, per
 * axis of the data's dimensionality, that have at least 4 pixels; they are sorted by Euclidean distance between
 * centres (stable, ties in label order; the distance is computed in double from the float32 centres and stored as
 * float32). {@code SquaredDistances_i} (despite the name: distances) are the three smallest, 9999 where missing.
 * With at least two candidates, {@code ParentChildrenRatio_F} = F(parent) / (F(c0) + F(c1)) and
 * {@code ChildrenRatio_F} = F(c0) / F(c1), inverted when above 1, both in float32 per component, NaN → 0; otherwise 0.
 * {@code ParentChildrenAngle_RegionCenter} is the largest angle (degrees) between the vectors from the parent's
 * centre to any two of the (up to three) candidates (float32 differences, double angle; 0 when a vector has length
 * 0 or no pair exists). A name with {@code SquaredDistances} after the operator (e.g.
 * {@code ChildrenRatio_SquaredDistances}) is skipped, as ilastik skips it. Row 0 (background) holds the defaults.
 *
 * <p>Which frames see their successor: ilastik computes these features one time frame at a time and extends the
 * request by the next frame only when {@code t + 2 < T} (its test is off by one), so the last two frames get the
 * defaults everywhere (verified on all 8 frames of tracking-2dt: frame 6 of 8 stores only defaults although frame 7
 * exists); see {@link #seesNextFrame}. Stateless, thread safe.
 */
public final class CellDivisionFeatures {
    /** ilastik's plugin name. */
    public static final String PLUGIN = "Cell Division Features";
    private static final int N_BEST = 3;
    private static final int HALF_WINDOW = 25;
    private static final int SIZE_FILTER = 4;
    private static final double DEFAULT_DISTANCE = 9999;

    private CellDivisionFeatures() {
    }

    /** Whether ilastik gives frame {@code t} of {@code frames} its successor (else every feature is the default). */
    public static boolean seesNextFrame(int t, int frames) {
        return t + 2 < frames;
    }

    /**
     * Computes the division features of frame t.
     *
     * @param names      the feature names of the project's {@code FeatureNamesDivision} selection
     * @param current    features of frame t (needs RegionCenter, Count and every feature F the names use)
     * @param next       features of frame t+1, or null for the last frame
     * @param nextLabels labels of frame t+1, flat C-order over {@code shape}, or null for the last frame
     * @param shape      the frame shape {@code {z, y, x}}
     * @return feature name → {@code (count+1)·k} values (row 0 = background), in computation order
     */
    public static Map<String, double[]> compute(List<String> names, ObjectFeatures current, ObjectFeatures next,
            int[] nextLabels, int[] shape) {
        int n = current.count();
        int dims = shape[0] > 1 && shape[1] > 1 && shape[2] > 1 ? 3 : 2;
        Map<String, double[]> out = new LinkedHashMap<>();
        List<String[]> ops = new ArrayList<>();
        for (String name : names) {
            String[] parts = name.split("_", -1);
            if (List.of(parts).contains("SquaredDistances")) {
                continue;
            }
            if (parts.length != 2) {
                throw new IllegalArgumentException("a division feature is an operator and a feature name: " + name);
            }
            int k = parts[0].equals("ParentChildrenAngle") ? 1 : current.width(parts[1]);
            ops.add(new String[] {name, parts[0], parts[1]});
            out.put(name, new double[(n + 1) * k]);
        }
        for (int i = 0; i < N_BEST; i++) {
            double[] d = new double[n + 1];
            java.util.Arrays.fill(d, DEFAULT_DISTANCE);
            out.put("SquaredDistances_" + i, d);
        }
        if (next == null || nextLabels == null) {
            return out;
        }
        double[] centers = current.values().get("RegionCenter");
        double[] nextCenters = next.values().get("RegionCenter");
        double[] nextCounts = next.values().get("Count");
        int cw = current.width("RegionCenter");
        boolean[] seen = new boolean[next.count() + 1];
        for (int o = 1; o <= n; o++) {
            float[] c = new float[cw];
            for (int j = 0; j < cw; j++) {
                c[j] = (float) centers[o * cw + j];
            }
            int[] candidates = candidatesInWindow(c, nextLabels, shape, dims, seen);
            List<double[]> ranked = new ArrayList<>(); // {label, distance}
            for (int l : candidates) {
                if ((float) nextCounts[l] < SIZE_FILTER) {
                    continue;
                }
                double sq = 0;
                for (int j = 0; j < cw; j++) {
                    double diff = (double) (float) nextCenters[l * cw + j] - (double) c[j];
                    sq += diff * diff;
                }
                ranked.add(new double[] {l, Math.sqrt(sq)});
            }
            ranked.sort((a, b) -> Double.compare(a[1], b[1]));
            int best = Math.min(N_BEST, ranked.size());
            int[] children = new int[best];
            for (int i = 0; i < best; i++) {
                children[i] = (int) ranked.get(i)[0];
                out.get("SquaredDistances_" + i)[o] = (float) ranked.get(i)[1];
            }
            for (String[] op : ops) {
                double[] dst = out.get(op[0]);
                switch (op[1]) {
                    case "ParentChildrenAngle" -> dst[o] = maxAngle(c, children, nextCenters, cw);
                    case "ParentChildrenRatio", "ChildrenRatio" -> ratio(op[1], current, next, op[2], o, children, dst);
                    default -> throw new IllegalArgumentException("unknown division feature operator " + op[1]);
                }
            }
        }
        return out;
    }

    // labels of the window around the centre, ascending (np.unique of the window), 0 excluded
    private static int[] candidatesInWindow(float[] c, int[] labels, int[] shape, int dims, boolean[] seen) {
        // vigra order x, y, z → frame axes index 2, 1, 0
        int[] lo = {0, 0, 0};
        int[] hi = {shape[0], shape[1], shape[2]};
        for (int j = 0; j < dims; j++) {
            int axis = 2 - j;
            long r = (long) Math.rint(c[j]);
            lo[axis] = (int) Math.max(r - HALF_WINDOW, 0);
            hi[axis] = (int) Math.min(r + HALF_WINDOW, shape[axis]);
        }
        List<Integer> found = new ArrayList<>();
        for (int z = lo[0]; z < hi[0]; z++) {
            for (int y = lo[1]; y < hi[1]; y++) {
                int row = (z * shape[1] + y) * shape[2];
                for (int x = lo[2]; x < hi[2]; x++) {
                    int l = labels[row + x];
                    if (l != 0 && !seen[l]) {
                        seen[l] = true;
                        found.add(l);
                    }
                }
            }
        }
        int[] out = found.stream().mapToInt(Integer::intValue).sorted().toArray();
        for (int l : out) {
            seen[l] = false;
        }
        return out;
    }

    private static void ratio(String op, ObjectFeatures current, ObjectFeatures next, String feature, int o,
            int[] children, double[] dst) {
        int k = current.width(feature);
        if (children.length < 2) {
            return; // default 0
        }
        double[] cur = current.values().get(feature);
        double[] nxt = next.values().get(feature);
        for (int j = 0; j < k; j++) {
            float a = (float) nxt[children[0] * k + j];
            float b = (float) nxt[children[1] * k + j];
            float r;
            if (op.equals("ParentChildrenRatio")) {
                r = (float) cur[o * k + j] / (a + b);
            } else {
                r = a / b;
                if (!Float.isNaN(r) && r > 1) {
                    r = 1f / r;
                }
            }
            dst[o * k + j] = Float.isNaN(r) ? 0 : r;
        }
    }

    private static double maxAngle(float[] c, int[] children, double[] nextCenters, int cw) {
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < children.length; i++) {
            double[] v1 = difference(nextCenters, children[i], c, cw);
            for (int j = i + 1; j < children.length; j++) {
                double[] v2 = difference(nextCenters, children[j], c, cw);
                best = Math.max(best, angle(v1, v2));
            }
        }
        return best == Double.NEGATIVE_INFINITY ? 0 : best;
    }

    private static double[] difference(double[] centers, int l, float[] c, int cw) {
        double[] v = new double[cw];
        for (int j = 0; j < cw; j++) {
            v[j] = (float) ((float) centers[l * cw + j] - c[j]); // float32 difference, then scaled by 1.0 in double
        }
        return v;
    }

    private static double angle(double[] v1, double[] v2) {
        double l1 = Math.sqrt(dot(v1, v1));
        double l2 = Math.sqrt(dot(v2, v2));
        if (l1 * l2 == 0) {
            return 0;
        }
        double cos = dot(v1, v2) / (l1 * l2);
        if (cos > 1 || cos < -1 || Double.isNaN(cos)) {
            return 0; // Python's math.acos raises; ilastik catches it and uses 0
        }
        double deg = Math.acos(cos) * 180 / Math.PI;
        return deg > 180 ? 360 - deg : deg;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
