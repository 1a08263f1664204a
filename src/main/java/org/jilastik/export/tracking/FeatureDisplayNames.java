package org.jilastik.export.tracking;

import java.util.Map;

/**
 * ilastik's human-readable feature names ({@code displaytext}) per object-feature plugin, as the plugins describe
 * their features (tracking projects store no display text, so the tracking exports translate with these tables).
 * A feature without an entry keeps its name. Plain constant data, thread safe.
 */
public final class FeatureDisplayNames {
    private static final String NEIGHBORHOOD = " in neighborhood";
    private static final Map<String, String> STANDARD = Map.ofEntries(
            Map.entry("Count", "Size in pixels"), Map.entry("Maximum", "Maximum intensity"),
            Map.entry("Minimum", "Minimum intensity"), Map.entry("Coord<Minimum>", "Bounding Box Minimum"),
            Map.entry("Coord<Maximum>", "Bounding Box Maximum"), Map.entry("Mean", "Mean Intensity"),
            Map.entry("Variance", "Variance of Intensity"), Map.entry("Skewness", "Skewness of Intensity"),
            Map.entry("Kurtosis", "Kurtosis of Intensity"), Map.entry("RegionCenter", "Center of the object"),
            Map.entry("RegionRadii", "Radii of the object"),
            Map.entry("RegionAxes", "Principal components of the object"),
            Map.entry("Quantiles", "Quantiles of Intensity"), Map.entry("Histogram", "Histogram of Intensity"),
            Map.entry("Covariance", "Covariance of Channel Intensity"), Map.entry("Sum", "Total Intensity"));
    private static final Map<String, String> SKELETON = Map.of("Average Length", "Average Branch Length",
            "Branch Count", "Number of Branches", "Hole Count", "Number of Holes", "Skeleton Center",
            "Center of the Skeleton", "Total Length", "Length of the Skeleton");
    private static final Map<String, String> CONVEX_HULL = Map.of("InputVolume", "Object Area", "HullVolume",
            "Convex Hull Area", "DefectVolumeMean", "Mean Defect Area", "DefectVolumeVariance",
            "Variance of Defect Area", "DefectVolumeSkewness", "Skewness of Defect Area", "DefectVolumeKurtosis",
            "Kurtosis of Defect Area", "DefectCount", "Number of Defects", "DefectDisplacementMean",
            "Mean Defect Displacement", "InputCenter", "Object Center", "HullCenter", "Convex Hull Center");

    private FeatureDisplayNames() {
    }

    /** The display name of {@code feature} of {@code plugin} ({@code Default features} use the standard names). */
    public static String of(String plugin, String feature) {
        Map<String, String> table = switch (plugin) {
            case "Standard Object Features", "Default features" -> STANDARD;
            case "2D Skeleton Features" -> SKELETON;
            case "2D Convex Hull Features", "3D Convex Hull Features" -> CONVEX_HULL;
            default -> Map.of();
        };
        if (table == STANDARD && feature.endsWith(NEIGHBORHOOD)) {
            String base = feature.substring(0, feature.length() - NEIGHBORHOOD.length());
            return STANDARD.getOrDefault(base, base) + NEIGHBORHOOD;
        }
        return table.getOrDefault(feature, feature);
    }
}
