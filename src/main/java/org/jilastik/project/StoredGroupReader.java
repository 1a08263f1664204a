package org.jilastik.project;

import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Copies an HDF5 group (recursively) into a {@link StoredGroup}. Children jhdf cannot open (opaque pickles) are
 * left out. Stateless, thread safe.
 */
public final class StoredGroupReader {
    private StoredGroupReader() {
    }

    /** Reads {@code group}, its attributes, datasets and subgroups, children sorted by name. */
    public static StoredGroup read(Group group) {
        return read(group, group.getName());
    }

    /** Reads {@code group} under the name {@code name} (for groups opened by address, which lack their name). */
    public static StoredGroup read(Group group, String name) {
        Map<String, Object> attrs = new LinkedHashMap<>();
        for (Map.Entry<String, Attribute> a : new TreeMap<>(group.getAttributes()).entrySet()) {
            attrs.put(a.getKey(), a.getValue().getData());
        }
        Map<String, Object> datasets = new LinkedHashMap<>();
        Map<String, StoredGroup> groups = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : new TreeMap<>(Hdf5Children.of(group)).entrySet()) {
            Node n = e.getValue();
            if (n instanceof Group g) {
                groups.put(e.getKey(), read(g, e.getKey()));
            } else if (n instanceof Dataset d) {
                datasets.put(e.getKey(), d.getData());
            }
        }
        return new StoredGroup(name, Collections.unmodifiableMap(attrs),
                Collections.unmodifiableMap(datasets), Collections.unmodifiableMap(groups));
    }
}
