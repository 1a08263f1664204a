package org.jilastik.features;

import java.util.List;
import java.util.Locale;
import org.jilastik.error.JilastikException;

/**
 * Parses the feature selection that {@code jilastik train --features} takes into a {@link FeatureSelection} with
 * ilastik's stored layout (the six feature ids in ilastik's row order, the seven scales
 * {@code 0.3, 0.7, 1.0, 1.6, 3.5, 5.0, 10.0}).
 *
 * <p>Syntax: {@code all} (the default: every feature at every scale, except the ones ilastik's GUI forbids, i.e.
 * only Gaussian Smoothing at σ 0.3 — what ilastik's "select all" gives), or a comma-separated list of
 * {@code NAME@SIGMA} items, where {@code NAME} is an ilastik id ({@code GaussianSmoothing}) or its short form
 * ({@code gs}, {@code log}, {@code ggm}, {@code dog}, {@code ste}, {@code hoge}; case-insensitive) and
 * {@code SIGMA} one of the seven scales; e.g. {@code gs@1.0,log@1.6,hoge@3.5}. Stateless.
 */
public final class FeatureSpec {
    /** ilastik's feature rows, in stored order. */
    public static final List<String> IDS = List.of("GaussianSmoothing", "LaplacianOfGaussian",
            "GaussianGradientMagnitude", "DifferenceOfGaussians", "StructureTensorEigenvalues",
            "HessianOfGaussianEigenvalues");
    private static final List<String> SHORT = List.of("gs", "log", "ggm", "dog", "ste", "hoge");
    /** ilastik's scale columns. */
    public static final double[] SCALES = {0.3, 0.7, 1.0, 1.6, 3.5, 5.0, 10.0};

    private FeatureSpec() {
    }

    /**
     * The selection {@code spec} names.
     *
     * @param spec      the {@code --features} value, or null for {@code all}
     * @param computeIn2d ilastik's stored per-scale flag (true for 2-D images, false for 3-D)
     * @throws JilastikException (usage) naming the item that is not understood
     */
    public static FeatureSelection parse(String spec, boolean computeIn2d) {
        boolean[][] selected = new boolean[IDS.size()][SCALES.length];
        String s = spec == null ? "all" : spec.strip();
        if (s.equalsIgnoreCase("all")) {
            for (int i = 0; i < IDS.size(); i++) {
                for (int j = 0; j < SCALES.length; j++) {
                    selected[i][j] = j > 0 || i == 0;
                }
            }
        } else {
            for (String item : s.split(",")) {
                String[] parts = item.strip().split("@");
                if (parts.length != 2) {
                    throw bad(item, "is not NAME@SIGMA");
                }
                int row = row(parts[0].strip());
                if (row < 0) {
                    throw bad(item, "names no feature");
                }
                int col = column(parts[1].strip());
                if (col < 0) {
                    throw bad(item, "uses a scale other than 0.3, 0.7, 1.0, 1.6, 3.5, 5.0, 10.0");
                }
                if (col == 0 && row != 0) {
                    throw bad(item, "asks for σ 0.3, which ilastik allows for GaussianSmoothing only");
                }
                selected[row][col] = true;
            }
        }
        boolean[] in2d = new boolean[SCALES.length];
        java.util.Arrays.fill(in2d, computeIn2d);
        return new FeatureSelection(IDS, SCALES.clone(), selected, in2d);
    }

    private static int row(String name) {
        for (int i = 0; i < IDS.size(); i++) {
            if (IDS.get(i).equalsIgnoreCase(name) || SHORT.get(i).equals(name.toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return -1;
    }

    private static int column(String sigma) {
        try {
            double v = Double.parseDouble(sigma);
            for (int j = 0; j < SCALES.length; j++) {
                if (Math.abs(SCALES[j] - v) < 1e-9) {
                    return j;
                }
            }
        } catch (NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private static JilastikException bad(String item, String why) {
        return JilastikException.usage("--features item \"" + item.strip() + "\" " + why + "; write items like "
                + "gs@1.0,log@1.6,hoge@3.5 or give --features=all");
    }
}
