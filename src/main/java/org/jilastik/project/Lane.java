package org.jilastik.project;

import java.util.Map;
import java.util.Optional;
import org.jilastik.array.Axes;

/**
 * One lane (training image) of a project: its filled roles.
 *
 * @param index     position in lane order (lanes are ordered by group name)
 * @param groupName the lane group's name, e.g. {@code lane0000}
 * @param roles     the filled roles by role name, in {@code Role Names} order (empty roles are absent);
 *                  unmodifiable
 */
public record Lane(int index, String groupName, Map<String, DatasetInfo> roles) {
    /** The info of role {@code role}, if filled. */
    public Optional<DatasetInfo> role(String role) {
        return Optional.ofNullable(roles.get(role));
    }

    /** The {@code Raw Data} info, if filled. */
    public Optional<DatasetInfo> rawData() {
        return role("Raw Data");
    }

    /**
     * The lane image axes (spec pixel-classification §1.3) from the stored raw data axes and shape, if both are
     * stored; otherwise empty and the caller derives it from the opened raw data with {@link LaneImageOrder}.
     */
    public Optional<Axes> laneImageAxes() {
        return rawData().map(DatasetInfo::laneImageAxes);
    }
}
