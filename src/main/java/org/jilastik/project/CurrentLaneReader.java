package org.jilastik.project;

import io.jhdf.api.Group;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lanes of projects with {@code Input Data/Role Names} (ilastik 1.2 and later): one subgroup per role, matched
 * by name; an empty subgroup means the role is not filled. Stateless, thread safe.
 */
final class CurrentLaneReader implements LaneReader {
    @Override
    public Lane read(Group laneGroup, String path, int index, List<String> roleNames, String projectName) {
        Map<String, DatasetInfo> roles = new LinkedHashMap<>();
        for (String role : roleNames) {
            Group g = Hdf5Values.group(laneGroup, role);
            if (DatasetInfoReader.isFilled(g)) {
                roles.put(role, DatasetInfoReader.read(g, Hdf5Values.join(path, role), role, projectName));
            }
        }
        return new Lane(index, path.substring(path.lastIndexOf('/') + 1), Collections.unmodifiableMap(roles));
    }
}
