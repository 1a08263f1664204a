package org.jilastik.project;

import io.jhdf.api.Group;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Reads {@code Input Data}: the role names and the lanes (ordered by lane group name), choosing the lane
 * reader of the project's layout era. Stateless, thread safe.
 */
final class InputDataReader {
    private InputDataReader() {
    }

    /** Role names and lanes of a project. */
    record InputData(List<String> roleNames, List<Lane> lanes) {
    }

    /** Reads {@code Input Data} of {@code root}; a project without it has no lanes. */
    static InputData read(Group root, List<String> workflowRoles, String projectName) {
        Group input = Hdf5Values.group(root, "Input Data");
        if (input == null) {
            return new InputData(workflowRoles, List.of());
        }
        List<String> stored = Hdf5Values.strings(input, "Role Names");
        boolean legacy = stored == null || stored.isEmpty();
        List<String> roleNames = legacy ? List.of(LegacyLaneReader.RAW_DATA) : List.copyOf(stored);
        LaneReader reader = legacy ? new LegacyLaneReader() : new CurrentLaneReader();
        Group infos = Hdf5Values.group(input, "infos");
        List<Lane> lanes = new ArrayList<>();
        if (infos != null) {
            for (var e : new TreeMap<>(Hdf5Children.of(infos)).entrySet()) {
                if (e.getValue() instanceof Group laneGroup) {
                    lanes.add(reader.read(laneGroup, "/Input Data/infos/" + e.getKey(), lanes.size(), roleNames, projectName));
                }
            }
        }
        return new InputData(roleNames, List.copyOf(lanes));
    }
}
