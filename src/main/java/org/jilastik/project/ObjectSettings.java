package org.jilastik.project;

import java.util.List;

/**
 * The object-workflow parts of a project (spec object-classification §3, §5, §7, §8) that {@link Project} does not
 * model: which object features are computed and which feed the classifier, the threshold step, the blockwise
 * block and halo shapes, and the table-export settings. Read by {@link ObjectSettingsReader}. Plain data; treat
 * arrays as read-only.
 *
 * @param extracted  {@code ObjectExtraction/Features}: the computed features, in stored order
 * @param selected   {@code ObjectClassification/SelectedFeatures}: the classifier's features, in stored order
 * @param blockShape blockwise block shape {@code {x, y, z}} (default 512 each)
 * @param halo       blockwise halo {@code {x, y, z}} (default 64 each)
 * @param threshold  the threshold step, or null when the project has none
 * @param table      the configured table export, or null when not configured ({@code (None, None)} or absent)
 */
public record ObjectSettings(List<ObjectFeatureSpec> extracted, List<ObjectFeatureSpec> selected, long[] blockShape,
                             long[] halo, ThresholdSettings threshold, TableExport table) {

    /**
     * One object feature of a plugin.
     *
     * @param plugin      plugin name, e.g. {@code Standard Object Features}
     * @param name        feature name as vigra spells it without spaces, e.g. {@code Coord<Maximum>}, or with the
     *                    neighbourhood suffix, e.g. {@code Mean in neighborhood}
     * @param displayText the table column name ({@code displaytext}), or the name when not stored
     * @param margin      the {@code margin} parameter {@code x, y(, z)}, or null when absent
     */
    public record ObjectFeatureSpec(String plugin, String name, String displayText, long[] margin) {
    }

    /**
     * The threshold step's parameters ({@code ThresholdTwoLevels}), legacy fixes applied.
     *
     * @param method      0 simple, 1 hysteresis, 2 graph cut, 3 identity-preserving hysteresis
     * @param sigma       smoothing sigma {@code {x, y, z}}
     */
    public record ThresholdSettings(int method, long minSize, long maxSize, double high, double low, double[] sigma,
                                    int channel, int coreChannel) {
    }

    /**
     * The configured object-table export ({@code ObjectClassification/ExportSettings}).
     *
     * @param filePath         {@code file path}, e.g. {@code objects.csv}
     * @param fileType         {@code csv} or {@code h5}
     * @param selectedFeatures the feature names (short or display) chosen for the table
     */
    public record TableExport(String filePath, String fileType, List<String> selectedFeatures) {
    }
}
