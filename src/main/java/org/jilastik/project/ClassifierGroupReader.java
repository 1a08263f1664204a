package org.jilastik.project;

import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jilastik.array.Axes;

/**
 * Reads a group holding label classes, label blocks and a classifier into a {@link ClassifierGroup}. Reads
 * only the children it knows ({@code LabelNames}, {@code LabelColors}, {@code PmapColors}, {@code LabelSets},
 * {@code ClassifierForests} or {@code Output}, {@code ClassifierFactory}); never {@code Bookmarks} (an opaque
 * pickle jhdf cannot list). Stateless, thread safe.
 */
final class ClassifierGroupReader {
    /** Names of the subgroup that may hold the stored classifier, in order of preference. */
    private static final List<String> CLASSIFIER_GROUPS = List.of("ClassifierForests", "Output");

    private ClassifierGroupReader() {
    }

    /** Whether top-level group {@code g} holds label classes or a classifier. */
    static boolean isClassifierGroup(Group g) {
        if (Hdf5Values.child(g, "LabelNames") != null || Hdf5Values.child(g, "LabelSets") != null) {
            return true;
        }
        for (String name : CLASSIFIER_GROUPS) {
            if (StoredClassifierReader.isClassifier(Hdf5Values.group(g, name))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads {@code g}.
     *
     * @param laneAxes raw dataset info axes per lane (entries may be null), for old label layouts
     */
    static ClassifierGroup read(Group g, String path, LabelAxesRule rule, List<Axes> laneAxes, String projectName) {
        Map<Integer, List<LabelBlock>> blocks =
                LabelSetReader.read(Hdf5Values.group(g, "LabelSets"), Hdf5Values.join(path, "LabelSets"), rule,
                        laneAxes, projectName);
        StoredClassifier classifier = null;
        for (String name : CLASSIFIER_GROUPS) {
            Group c = Hdf5Values.group(g, name);
            if (StoredClassifierReader.isClassifier(c)) {
                classifier = StoredClassifierReader.read(c, Hdf5Values.join(path, name));
                break;
            }
        }
        String factoryPickle = Hdf5Values.string(g, "ClassifierFactory");
        ClassifierFactorySettings factory = factoryPickle == null || factoryPickle.isBlank() ? null
                : ClassifierFactoryParser.parse(factoryPickle);
        return new ClassifierGroup(path, classes(g, blocks), blocks, classifier, factory);
    }

    private static LabelClasses classes(Group g, Map<Integer, List<LabelBlock>> blocks) {
        List<String> names = nonEmptyStrings(Hdf5Values.dataset(g, "LabelNames"));
        if (names.isEmpty()) {
            int max = 0;
            for (List<LabelBlock> lane : blocks.values()) {
                for (LabelBlock b : lane) {
                    max = Math.max(max, b.maxValue());
                }
            }
            return max == 0 ? LabelClasses.NONE : LabelClasses.defaults(max);
        }
        return new LabelClasses(List.copyOf(names), colors(Hdf5Values.dataset(g, "LabelColors"), names.size()),
                colors(Hdf5Values.dataset(g, "PmapColors"), names.size()));
    }

    private static List<String> nonEmptyStrings(Dataset d) {
        if (d == null || Hdf5Values.markedEmpty(d)) {
            return List.of();
        }
        return Hdf5Values.strings(d);
    }

    /** {@code n} colours from an (n, 3) dataset; missing ones get ilastik's defaults. */
    private static List<int[]> colors(Dataset d, int n) {
        long[] flat = d == null || d.isEmpty() || Hdf5Values.markedEmpty(d) ? new long[0]
                : Hdf5Values.longs(d.getData());
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (3 * i + 2 < flat.length) {
                out.add(new int[] {(int) flat[3 * i], (int) flat[3 * i + 1], (int) flat[3 * i + 2]});
            } else {
                out.add(LabelClasses.defaultColor(i));
            }
        }
        return List.copyOf(out);
    }
}
