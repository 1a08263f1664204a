package org.jilastik.project;

import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a stored classifier group ({@code ClassifierForests}, or {@code Output} in multicut) into a
 * {@link StoredClassifier}. Forests are copied with {@link StoredGroupReader}; nothing pickled is executed — the
 * classifier type comes from the text of {@code pickled_type}. Stateless, thread safe.
 */
final class StoredClassifierReader {
    private static final Pattern PICKLED_TYPE = Pattern.compile("c([\\w.]+)\\n(\\w+)\\n");

    private StoredClassifierReader() {
    }

    /** Whether {@code g} looks like a stored classifier (forests or {@code pickled_type}). */
    static boolean isClassifier(Group g) {
        if (g == null) {
            return false;
        }
        for (String name : Hdf5Children.of(g).keySet()) {
            if (name.startsWith("Forest") || name.equals("pickled_type") || name.equals("forest")) {
                return true;
            }
        }
        return false;
    }

    /** Reads the classifier in {@code g} at HDF5 path {@code path}. */
    static StoredClassifier read(Group g, String path) {
        String pickled = Hdf5Values.string(g, "pickled_type");
        ClassifierType type = ClassifierType.PARALLEL_VIGRA_RF;
        String qualified = null;
        if (pickled != null) {
            Matcher m = PICKLED_TYPE.matcher(pickled);
            if (m.find()) {
                qualified = m.group(1) + "." + m.group(2);
                type = ClassifierType.fromClassName(m.group(2));
            } else {
                type = ClassifierType.UNKNOWN;
            }
        }
        List<StoredGroup> forests = new ArrayList<>();
        if (type.usable()) {
            for (Map.Entry<String, Node> e : new TreeMap<>(Hdf5Children.of(g)).entrySet()) {
                if (e.getKey().startsWith("Forest") && e.getValue() instanceof Group f) {
                    forests.add(StoredGroupReader.read(f, e.getKey()));
                }
            }
            Group single = Hdf5Values.group(g, "forest");
            if (forests.isEmpty() && single != null) {
                forests.add(StoredGroupReader.read(single, "forest"));
            }
        }
        return new StoredClassifier(path, type, qualified, List.copyOf(forests),
                Hdf5Values.longs(g, "known_labels"), Hdf5Values.strings(g, "feature_names"));
    }
}
