package org.jilastik.project;

import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Copies an HDF5 group (recursively) into a {@link StoredGroup}. Stateless, thread safe. */
public final class StoredGroupReader {
    private StoredGroupReader() {
    }

    /** Reads {@code group}, its attributes, datasets and subgroups, children sorted by name. */
    public static StoredGroup read(Group group) {
        Map<String, Object> attrs = new LinkedHashMap<>();
        for (Map.Entry<String, Attribute> a : new TreeMap<>(group.getAttributes()).entrySet()) {
            attrs.put(a.getKey(), a.getValue().getData());
        }
        Map<String, Object> datasets = new LinkedHashMap<>();
        Map<String, StoredGroup> groups = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : new TreeMap<>(group.getChildren()).entrySet()) {
            Node n = e.getValue();
            if (n instanceof Group g) {
                groups.put(e.getKey(), read(g));
            } else if (n instanceof Dataset d) {
                datasets.put(e.getKey(), d.isScalar() ? d.getData() : d.getData());
            }
        }
        return new StoredGroup(group.getName(), Collections.unmodifiableMap(attrs),
                Collections.unmodifiableMap(datasets), Collections.unmodifiableMap(groups));
    }
}
