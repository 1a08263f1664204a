package org.jilastik.export.tracking;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jilastik.project.ObjectSettings.ObjectFeatureSpec;
import org.jilastik.workflow.objects.ObjectFeaturePlan;
import org.jilastik.workflow.objects.ObjectFeatures;

/**
 * The object features the tracking exports print (CSV-Table, Multi-Worm-Tracker): per frame the features of the
 * merger-relabelled objects (row = object id of {@code Object-Identities}), grouped in ilastik's categories — one
 * per plugin of {@code FeatureNamesVigra} plus {@code Default features} (Count, RegionCenter and the bounding box,
 * which override the same names of {@code Standard Object Features}). Plugin features are float32 values;
 * default features are kept in double, as ilastik stores them. Plain data; lists must not be modified.
 *
 * @param frames     the features of each frame, ids as in {@code Object-Identities}
 * @param categories the categories in column order
 */
public record TrackedFeatures(List<ObjectFeatures> frames, List<Category> categories) {
    /** ilastik's category of the always-computed features. */
    public static final String DEFAULT = "Default features";

    /**
     * One feature category.
     *
     * @param name     plugin name or {@code Default features}
     * @param features vigra/plugin feature names, sorted, without {@code Histogram} and blocked duplicates
     * @param float32  whether values are float32 (plugin features) rather than double (default features)
     */
    public record Category(String name, List<String> features, boolean float32) {
    }

    /**
     * The categories of a project's {@code FeatureNamesVigra} selection, as far as {@code sample} holds them.
     * Plugins come in sorted order, {@code Default features} last (ilastik's own category order varies between
     * runs; consumers compare columns by name).
     */
    public static TrackedFeatures of(List<ObjectFeatureSpec> vigra, List<ObjectFeatures> frames) {
        ObjectFeatures sample = frames.isEmpty() ? null : frames.getFirst();
        TreeMap<String, TreeSet<String>> plugins = new TreeMap<>();
        for (ObjectFeatureSpec f : vigra) {
            plugins.computeIfAbsent(f.plugin(), p -> new TreeSet<>()).add(f.name());
        }
        Set<String> defaults = new TreeSet<>(ObjectFeaturePlan.DEFAULTS);
        List<Category> out = new ArrayList<>();
        for (var p : plugins.entrySet()) {
            List<String> names = new ArrayList<>();
            for (String n : p.getValue()) {
                boolean blocked = p.getKey().equals(ObjectFeaturePlan.STANDARD) && defaults.contains(n);
                if (!blocked && !n.equals("Histogram") && (sample == null || sample.has(n))) {
                    names.add(n);
                }
            }
            out.add(new Category(p.getKey(), List.copyOf(names), true));
        }
        out.add(new Category(DEFAULT, List.copyOf(defaults), false));
        return new TrackedFeatures(List.copyOf(frames), List.copyOf(out));
    }
}
