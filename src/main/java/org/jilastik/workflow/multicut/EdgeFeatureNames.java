package org.jilastik.workflow.multicut;

import java.util.ArrayList;
import java.util.List;
import org.jilastik.error.JilastikException;

/**
 * Expands one channel's stored ilastikrag feature names into the columns {@code rag.compute_features} produces, in
 * its order (spec multicut §2.5): {@code *_edge_*} features first, grouped by accumulator alphabetically
 * ({@code edgeregion} before {@code standard}), in the given order within a group with shorthands expanded in place
 * ({@code quantiles} → 0, 10, 25, 50, 75, 90, 100; {@code regionradii} → 0..ndim−1); then the {@code *_sp_*}
 * features, each as {@code _sum} and {@code _difference}. If a channel asks for both {@code edgeregion_edge_*} and
 * {@code standard_edge_*}, the edgeregion columns are dropped, as ilastikrag silently does. Stateless.
 */
public final class EdgeFeatureNames {
    static final int[] QUANTILES = {0, 10, 25, 50, 75, 90, 100};
    private static final List<String> STANDARD = List.of("count", "sum", "minimum", "maximum", "mean", "variance",
            "kurtosis", "skewness");

    private EdgeFeatureNames() {
    }

    /**
     * One output column (sp features give two: {@code combine} SUM and DIFFERENCE).
     *
     * @param accumulator {@code standard} or {@code edgeregion}
     * @param sp          a superpixel feature combined per edge (else an edge feature)
     * @param stat        the statistic, expanded ({@code quantiles_10}, {@code regionradii_1}, {@code mean}, ...)
     * @param difference  for sp features: the |a − b| column (else the a + b column)
     * @param name        the column name without channel ({@code standard_sp_mean_sum})
     */
    public record Column(String accumulator, boolean sp, String stat, boolean difference, String name) {
    }

    /**
     * The columns of one channel.
     *
     * @param requested the stored names for this channel, in stored order
     * @param ndim      2 or 3
     * @throws JilastikException (processing) for a feature jilastik does not compute
     */
    public static List<Column> columns(List<String> requested, int ndim) {
        List<Column> edgeregion = new ArrayList<>();
        List<Column> standard = new ArrayList<>();
        List<Column> sp = new ArrayList<>();
        for (String raw : requested) {
            String f = raw.trim().toLowerCase(java.util.Locale.ROOT);
            String[] parts = f.split("_", 3);
            if (parts.length < 3 || !(parts[1].equals("edge") || parts[1].equals("sp"))) {
                throw unsupported(raw);
            }
            String acc = parts[0];
            boolean isSp = parts[1].equals("sp");
            List<String> stats = expand(acc, isSp, parts[2], ndim, raw);
            for (String stat : stats) {
                String base = acc + "_" + parts[1] + "_" + stat;
                if (!isSp) {
                    (acc.equals("edgeregion") ? edgeregion : standard).add(new Column(acc, false, stat, false, base));
                } else {
                    sp.add(new Column(acc, true, stat, false, base + "_sum"));
                    sp.add(new Column(acc, true, stat, true, base + "_difference"));
                }
            }
        }
        List<Column> out = new ArrayList<>();
        if (standard.isEmpty()) {
            out.addAll(edgeregion);
        }
        out.addAll(standard);
        out.addAll(sp);
        return out;
    }

    private static List<String> expand(String acc, boolean sp, String stat, int ndim, String raw) {
        List<String> out = new ArrayList<>();
        if (acc.equals("standard")) {
            if (stat.equals("quantiles")) {
                for (int q : QUANTILES) {
                    out.add("quantiles_" + q);
                }
            } else if (stat.startsWith("quantiles_") && isQuantile(stat.substring(10))) {
                out.add(stat);
            } else if (STANDARD.contains(stat)) {
                out.add(stat);
            } else if (sp && stat.startsWith("regionradii")) {
                radii(stat, ndim, raw, out);
            } else {
                throw unsupported(raw);
            }
        } else if (acc.equals("edgeregion") && !sp) {
            if (stat.equals("area") || (stat.equals("volume") && ndim == 3)) {
                out.add(stat);
            } else if (stat.startsWith("regionradii")) {
                radii(stat, ndim, raw, out);
            } else {
                throw unsupported(raw);
            }
        } else {
            throw unsupported(raw);
        }
        return out;
    }

    private static void radii(String stat, int ndim, String raw, List<String> out) {
        if (stat.equals("regionradii")) {
            for (int i = 0; i < ndim; i++) {
                out.add("regionradii_" + i);
            }
        } else if (stat.matches("regionradii_[0-2]") && stat.charAt(12) - '0' < ndim) {
            out.add(stat);
        } else {
            throw unsupported(raw);
        }
    }

    private static boolean isQuantile(String q) {
        for (int x : QUANTILES) {
            if (q.equals(Integer.toString(x))) {
                return true;
            }
        }
        return false;
    }

    private static JilastikException unsupported(String name) {
        return JilastikException.processing("the project's edge feature \"" + name + "\" is not supported by "
                + "jilastik (it computes the standard statistics, quantiles, region radii and edge area/volume, not "
                + "region axes); deselect it in ilastik's Training applet and retrain");
    }
}
