package org.jilastik.project;

import io.jhdf.api.Group;
import java.util.List;

/** Reads one lane group of {@code Input Data/infos} in the layout of one era into a {@link Lane}. */
interface LaneReader {
    /**
     * Reads the lane in {@code laneGroup}.
     *
     * @param path        HDF5 path of the lane group
     * @param index       the lane's position
     * @param roleNames   the project's role names in order
     * @param projectName the file name, for messages
     */
    Lane read(Group laneGroup, String path, int index, List<String> roleNames, String projectName);
}
