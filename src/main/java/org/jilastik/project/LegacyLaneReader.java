package org.jilastik.project;

import io.jhdf.api.Group;
import java.util.List;
import java.util.Map;

/**
 * Lanes of the legacy layout without {@code Role Names}: the {@code laneXXXX} group itself is the
 * {@code Raw Data} info. Stateless, thread safe.
 */
final class LegacyLaneReader implements LaneReader {
    /** The only role of the legacy layout. */
    static final String RAW_DATA = "Raw Data";

    @Override
    public Lane read(Group laneGroup, String path, int index, List<String> roleNames, String projectName) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (!DatasetInfoReader.isFilled(laneGroup)) {
            return new Lane(index, name, Map.of());
        }
        return new Lane(index, name, Map.of(RAW_DATA, DatasetInfoReader.read(laneGroup, path, RAW_DATA, projectName)));
    }
}
