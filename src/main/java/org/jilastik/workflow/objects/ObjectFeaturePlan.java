package org.jilastik.workflow.objects;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jilastik.error.JilastikException;
import org.jilastik.project.ObjectSettings;
import org.jilastik.project.ObjectSettings.ObjectFeatureSpec;

/**
 * What the object features step computes for a project (spec object-classification §5): the standard plugin's
 * features the project computes plus ilastik's default features, the neighbourhood margin, and the classifier's
 * feature columns in ilastik's order (plugins, then features, by sorted name). Immutable, thread safe.
 */
public final class ObjectFeaturePlan {
    /** The plugin of vigra's region features. */
    public static final String STANDARD = "Standard Object Features";
    /** ilastik's "2D Convex Hull Features" plugin. */
    public static final String CONVEX_HULL_2D = "2D Convex Hull Features";
    /** ilastik's "3D Convex Hull Features" plugin. */
    public static final String CONVEX_HULL_3D = "3D Convex Hull Features";
    /** ilastik's always-computed features. */
    public static final List<String> DEFAULTS = List.of("Coord<Minimum>", "Coord<Maximum>", "RegionCenter", "Count");
    /** Display names of the default features when the project stores none. */
    public static final Map<String, String> DEFAULT_DISPLAY = Map.of("Count", "Size in pixels", "RegionCenter",
            "Center of the object", "Coord<Minimum>", "Bounding Box Minimum", "Coord<Maximum>",
            "Bounding Box Maximum");
    private static final Set<String> REGION = Set.of("Count", "Sum", "Mean", "Variance", "Skewness", "Kurtosis",
            "Minimum", "Maximum", "RegionCenter", "Coord<Minimum>", "Coord<Maximum>", "RegionRadii", "RegionAxes",
            "Quantiles", "Histogram");

    private final List<String> computed;
    private final List<String> classifierColumns;
    private final Map<String, String> display;
    private final int[] margin;
    private final boolean convexHullSelected;

    private ObjectFeaturePlan(List<String> computed, List<String> classifierColumns, Map<String, String> display,
            int[] margin, boolean convexHullSelected) {
        this.convexHullSelected = convexHullSelected;
        this.computed = List.copyOf(computed);
        this.classifierColumns = List.copyOf(classifierColumns);
        this.display = Map.copyOf(display);
        this.margin = margin;
    }

    /**
     * The plan of a project.
     *
     * @throws JilastikException (processing) for a feature or plugin jilastik does not compute, naming it
     */
    public static ObjectFeaturePlan of(ObjectSettings settings) {
        Set<String> names = new LinkedHashSet<>(DEFAULTS);
        Map<String, String> display = new TreeMap<>(DEFAULT_DISPLAY);
        List<String> columns = new ArrayList<>();
        List<ObjectFeatureSpec> all = new ArrayList<>(settings.extracted());
        all.addAll(settings.selected());
        int[] margin = null;
        for (ObjectFeatureSpec f : all) {
            requireSupported(f);
            if (isConvexHull(f.plugin())) {
                continue;
            }
            names.add(f.name());
            boolean plain = f.displayText() == null || f.displayText().equals(f.name());
            display.put(f.name(), plain && f.plugin().equals(SkeletonFeatures.PLUGIN)
                    ? SkeletonFeatures.DISPLAY.getOrDefault(f.name(), f.name()) : f.displayText());
            if (f.margin() != null) {
                // ilastik: elementwise max with (0, 0, 0), truncated to the stored length (Python zip)
                int len = margin == null ? f.margin().length : Math.min(margin.length, f.margin().length);
                int[] m = new int[Math.min(len, 3)];
                for (int i = 0; i < m.length; i++) {
                    m[i] = (int) Math.max(margin == null ? 0 : margin[i], f.margin()[i]);
                }
                margin = m;
            }
        }
        TreeMap<String, TreeMap<String, String>> sorted = new TreeMap<>();
        boolean hull = false;
        for (ObjectFeatureSpec f : settings.selected()) {
            if (isConvexHull(f.plugin())) {
                hull = true;
                continue; // ilastik's reference build yields no values for these plugins: no columns
            }
            sorted.computeIfAbsent(f.plugin(), k -> new TreeMap<>()).put(f.name(), f.name());
        }
        sorted.values().forEach(m -> columns.addAll(m.keySet()));
        return new ObjectFeaturePlan(new ArrayList<>(names), columns, display, margin == null ? new int[0] : margin,
                hull);
    }

    /**
     * Whether {@code plugin} is one of ilastik's convex-hull plugins. The ilastik build that made the reference
     * outputs (vigra without LEMON) has no {@code extract2DConvexHullFeatures}; its plugin swallows the error and
     * returns no features, so selected convex-hull features give no values, no table columns and no classifier
     * columns (the reference tracking project's forests have 15 and 17 columns, exactly the other selected
     * features). jilastik does the same. A classifier trained where the hull features did exist then has more
     * columns than jilastik computes, which {@link ObjectClassifier#matrix} refuses.
     */
    public static boolean isConvexHull(String plugin) {
        return plugin.equals(CONVEX_HULL_2D) || plugin.equals(CONVEX_HULL_3D);
    }

    private static void requireSupported(ObjectFeatureSpec f) {
        if (isConvexHull(f.plugin())) {
            return;
        }
        if (f.plugin().equals(SkeletonFeatures.PLUGIN)) {
            if (!SkeletonFeatures.handles(f.name())) {
                throw JilastikException.processing("the project uses the object feature \"" + f.name()
                        + "\" of \"" + f.plugin() + "\", which jilastik does not know; deselect it in ilastik and"
                        + " retrain");
            }
            return;
        }
        if (!f.plugin().equals(STANDARD)) {
            throw JilastikException.processing("the project uses object features of the plugin \"" + f.plugin()
                    + "\", which jilastik does not compute yet; select only \"" + STANDARD + "\" or \""
                    + SkeletonFeatures.PLUGIN + "\" in ilastik");
        }
        if (!REGION.contains(f.name()) && !NeighborhoodFeatures.handles(f.name())) {
            throw JilastikException.processing("the project uses the object feature \"" + f.name()
                    + "\", which jilastik does not compute yet; deselect it in ilastik and retrain");
        }
    }

    /** Every feature to compute (vigra names; defaults first). */
    public List<String> computed() {
        return computed;
    }

    /** The classifier's features in column order. */
    public List<String> classifierColumns() {
        return classifierColumns;
    }

    /** Whether the classifier selects convex-hull features (which contribute no columns, see {@link #isConvexHull}). */
    public boolean convexHullSelected() {
        return convexHullSelected;
    }

    /** Display name (table column) of a feature. */
    public String displayName(String feature) {
        return display.getOrDefault(feature, feature);
    }

    /** Neighbourhood margin {@code x, y(, z)} (empty when no feature has one). */
    public int[] margin() {
        return margin.clone();
    }

    /** Whether any computed feature needs the intensity histogram. */
    public boolean needsHistograms() {
        return computed.contains("Quantiles") || computed.contains("Histogram");
    }

    /** The "2D Skeleton Features" to compute. */
    public List<String> skeletonFeatures() {
        return computed.stream().filter(SkeletonFeatures::handles).toList();
    }

    /** The neighbourhood features to compute. */
    public List<String> neighborhoodFeatures() {
        return computed.stream().filter(NeighborhoodFeatures::handles).toList();
    }
}
