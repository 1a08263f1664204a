package org.jilastik.workflow.multicut;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ilastikrag's edge feature table (spec multicut §2.5) for the voxel channels of one image: for each channel named
 * in the stored {@code FeatureNames}, its columns in {@link EdgeFeatureNames} order, channels in the given order;
 * one row per RAG edge. {@code standard_edge_*}: statistics of the edge's face values (each face: the float32 mean of
 * its two pixels; histogram range [min face value, max + 1]); {@code standard_sp_*}: statistics of each superpixel
 * (range [min, max] of the channel) combined per edge as float32 sum and |difference| (count and sum then raised to
 * 1/ndim); {@code edgeregion_edge_*}: radii of the faces' lower-pixel coordinates, area r0·r1, volume r0·r1·r2.
 *
 * <p>Memory: per channel, a few doubles per edge and per superpixel (plus 64 histogram ints each when quantiles are
 * asked); the channel data are read, not copied. Stateless, thread safe.
 */
public final class EdgeFeatures {
    private EdgeFeatures() {
    }

    /**
     * A named voxel channel.
     *
     * @param name channel name ({@code Raw Data}, {@code Probabilities-0}, {@code wsdt boundary channel}, ...)
     * @param data values, flat C-order {@code [z][y][x]} like the superpixels
     */
    public record Channel(String name, float[] data) {
    }

    /**
     * The feature table.
     *
     * @param names   column names {@code "<channel> <feature>"}
     * @param columns {@code columns[c][edge]}, float32
     */
    public record Table(List<String> names, List<float[]> columns) {
        /** Row-major matrix {@code [edge][column]} for the classifier. */
        public float[] rowMajor() {
            int c = columns.size();
            int rows = columns.isEmpty() ? 0 : columns.getFirst().length;
            float[] out = new float[rows * c];
            for (int j = 0; j < c; j++) {
                float[] col = columns.get(j);
                for (int i = 0; i < rows; i++) {
                    out[i * c + j] = col[i];
                }
            }
            return out;
        }
    }

    /** Computes the table for the channels named in {@code featureNames} (others are skipped). */
    public static Table compute(RegionAdjacencyGraph rag, List<Channel> channels,
            Map<String, List<String>> featureNames) {
        int ndim = rag.is3d() ? 3 : 2;
        List<String> names = new ArrayList<>();
        List<float[]> columns = new ArrayList<>();
        for (Channel ch : channels) {
            List<String> requested = featureNames.get(ch.name());
            if (requested == null || requested.isEmpty()) {
                continue;
            }
            List<EdgeFeatureNames.Column> cols = EdgeFeatureNames.columns(requested, ndim);
            RegionStats edgeStats = null;
            RegionStats spStats = null;
            double[][] spRadii = null;
            double[][] edgeRadii = null;
            for (EdgeFeatureNames.Column c : cols) {
                if (c.accumulator().equals("standard") && !c.sp() && edgeStats == null) {
                    edgeStats = edgeStats(rag, ch.data(), cols);
                } else if (c.sp() && c.stat().startsWith("regionradii")) {
                    spRadii = spRadii == null ? spRadii(rag) : spRadii;
                } else if (c.sp() && spStats == null) {
                    spStats = spStats(rag, ch.data(), cols);
                } else if (c.accumulator().equals("edgeregion") && edgeRadii == null) {
                    edgeRadii = edgeRadii(rag);
                }
            }
            for (EdgeFeatureNames.Column c : cols) {
                names.add(ch.name() + " " + c.name());
                columns.add(column(rag, c, edgeStats, spStats, spRadii, edgeRadii, ndim));
            }
        }
        return new Table(names, columns);
    }

    private static float[] column(RegionAdjacencyGraph rag, EdgeFeatureNames.Column c, RegionStats edgeStats,
            RegionStats spStats, double[][] spRadii, double[][] edgeRadii, int ndim) {
        int m = rag.edgeCount();
        float[] out = new float[m];
        for (int e = 0; e < m; e++) {
            if (!c.sp()) {
                if (c.accumulator().equals("standard")) {
                    out[e] = (float) edgeStats.value(e, c.stat());
                } else {
                    double[] r = edgeRadii[e];
                    out[e] = switch (c.stat()) {
                        case "area" -> (float) r[0] * (float) r[1];
                        case "volume" -> (float) r[0] * (float) r[1] * (float) r[2];
                        default -> (float) r[c.stat().charAt(c.stat().length() - 1) - '0'];
                    };
                }
                continue;
            }
            float a;
            float b;
            if (c.stat().startsWith("regionradii")) {
                int k = c.stat().charAt(c.stat().length() - 1) - '0';
                a = (float) spRadii[rag.u(e)][k];
                b = (float) spRadii[rag.v(e)][k];
            } else {
                a = (float) spStats.value(rag.u(e), c.stat());
                b = (float) spStats.value(rag.v(e), c.stat());
            }
            float x = c.difference() ? Math.abs(a - b) : a + b;
            if (c.stat().equals("count") || c.stat().equals("sum")) {
                x = (float) Math.pow(x, 1.0 / ndim);
            }
            out[e] = x;
        }
        return out;
    }

    private static boolean wantsQuantiles(List<EdgeFeatureNames.Column> cols, boolean sp) {
        for (EdgeFeatureNames.Column c : cols) {
            if (c.sp() == sp && c.stat().startsWith("quantiles")) {
                return true;
            }
        }
        return false;
    }

    private static RegionStats edgeStats(RegionAdjacencyGraph rag, float[] data, List<EdgeFeatureNames.Column> cols) {
        int nf = rag.faceCount();
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < nf; i++) {
            float f = (data[rag.faceLow(i)] + data[rag.faceHigh(i)]) * 0.5f;
            lo = Math.min(lo, f);
            hi = Math.max(hi, f);
        }
        RegionStats s = new RegionStats(rag.edgeCount(), lo, (double) hi + 1.0, wantsQuantiles(cols, false));
        for (int e = 0; e < rag.edgeCount(); e++) {
            for (int i = rag.faceStart(e); i < rag.faceEnd(e); i++) {
                s.first(e, (data[rag.faceLow(i)] + data[rag.faceHigh(i)]) * 0.5f);
            }
            for (int i = rag.faceStart(e); i < rag.faceEnd(e); i++) {
                s.second(e, (data[rag.faceLow(i)] + data[rag.faceHigh(i)]) * 0.5f);
            }
        }
        return s;
    }

    private static RegionStats spStats(RegionAdjacencyGraph rag, float[] data, List<EdgeFeatureNames.Column> cols) {
        int[] sp = rag.superpixels();
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float v : data) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        RegionStats s = new RegionStats(rag.maxId() + 1, lo, hi, wantsQuantiles(cols, true));
        for (int i = 0; i < sp.length; i++) {
            s.first(sp[i], data[i]);
        }
        for (int i = 0; i < sp.length; i++) {
            s.second(sp[i], data[i]);
        }
        return s;
    }

    // per superpixel: radii of its pixel coordinates
    private static double[][] spRadii(RegionAdjacencyGraph rag) {
        int[] sp = rag.superpixels();
        int[] shape = rag.shape();
        int d = rag.is3d() ? 3 : 2;
        int n = rag.maxId() + 1;
        double[] count = new double[n];
        double[][] s = new double[n][d];
        double[][][] ss = new double[n][d][d];
        double[] c = new double[d];
        for (int i = 0; i < sp.length; i++) {
            coords(i, shape, d, c);
            accumulate(count, s, ss, sp[i], c);
        }
        double[][] out = new double[n][];
        for (int r = 0; r < n; r++) {
            out[r] = RegionStats.radii(count[r], s[r], ss[r]);
        }
        return out;
    }

    // per edge: radii of its faces' lower-pixel coordinates, float32 as ilastikrag
    private static double[][] edgeRadii(RegionAdjacencyGraph rag) {
        int[] shape = rag.shape();
        int d = rag.is3d() ? 3 : 2;
        int m = rag.edgeCount();
        double[][] out = new double[m][];
        double[] c = new double[d];
        float[] buf = new float[16 * d];
        for (int e = 0; e < m; e++) {
            int n = rag.faceEnd(e) - rag.faceStart(e);
            if (buf.length < n * d) {
                buf = new float[n * d * 2];
            }
            for (int i = 0; i < n; i++) {
                coords(rag.faceLow(rag.faceStart(e) + i), shape, d, c);
                for (int a = 0; a < d; a++) {
                    buf[i * d + a] = (float) c[a];
                }
            }
            float[] r = EdgeRegionRadii.radii(buf, n, d);
            out[e] = new double[d];
            for (int a = 0; a < d; a++) {
                out[e][a] = r[a];
            }
        }
        return out;
    }

    private static void coords(int p, int[] shape, int d, double[] c) {
        int x = p % shape[2];
        int y = (p / shape[2]) % shape[1];
        int z = p / (shape[2] * shape[1]);
        if (d == 3) {
            c[0] = z;
            c[1] = y;
            c[2] = x;
        } else {
            c[0] = y;
            c[1] = x;
        }
    }

    private static void accumulate(double[] count, double[][] s, double[][][] ss, int r, double[] c) {
        count[r]++;
        for (int a = 0; a < c.length; a++) {
            s[r][a] += c[a];
            for (int b = 0; b < c.length; b++) {
                ss[r][a][b] += c[a] * c[b];
            }
        }
    }
}
