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
    public Lane read(Group laneGroup, int index, List<String> roleNames, String projectName) {
        if (!DatasetInfoReader.isFilled(laneGroup)) {
            return new Lane(index, laneGroup.getName(), Map.of());
        }
        return new Lane(index, laneGroup.getName(),
                Map.of(RAW_DATA, DatasetInfoReader.read(laneGroup, RAW_DATA, projectName)));
    }
}
