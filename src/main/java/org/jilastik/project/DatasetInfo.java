package org.jilastik.project;

import java.util.List;
import org.jilastik.array.Axes;

/**
 * One filled role of a lane (ilastik's {@code DatasetInfo}), every field as stored; absent optional fields are
 * {@code null}. Plain data; treat the arrays as read-only.
 *
 * @param role            the role name, e.g. {@code "Raw Data"}
 * @param infoGroupPath   HDF5 path of the info group inside the {@code .ilp}
 * @param kind            where the data lives
 * @param storedClass     {@code __class__} verbatim (null before ~1.3.3)
 * @param location        legacy {@code location} verbatim ({@code FileSystem}/{@code ProjectInternal}), or null
 * @param filePath        {@code filePath} verbatim: a path (relative to the {@code .ilp}'s directory for
 *                        {@link DatasetKind#RELATIVE_FILESYSTEM}), possibly with an internal path, a stack of
 *                        paths joined by the OS path separator, a glob, or a URL
 * @param internalPath    for {@link DatasetKind#PROJECT_INTERNAL}: the absolute HDF5 path of the copied data inside
 *                        the {@code .ilp} (from {@code inner_path}, else {@code /Input Data/local_data/<datasetId>});
 *                        null otherwise
 * @param datasetId       legacy uuid, or null
 * @param nickname        the nickname used for {@code {nickname}} in export names
 * @param axisTags        the stored axis tags in C-order (from {@code axistags} JSON, or default tags for the
 *                        letters of the 1.2-era {@code axisorder}); null if neither is stored
 * @param shape           the stored {@code shape} in axis-tag order, or null (not stored before 1.3)
 * @param drange          display/data range {@code [lo, hi]}, or null
 * @param displayMode     {@code display_mode}, or null
 * @param normalizeDisplay {@code normalizeDisplay}, or null
 * @param allowLabels     {@code allowLabels} (true when absent)
 * @param subvolumeRoi    {@code subvolume_roi} as text, or null
 * @param fromStack       legacy {@code fromstack}, or null
 * @param scaleLocked     {@code scale_locked} (1.4.1+), or null
 * @param workingScale    {@code working_scale} (1.4.1+; {@code ""} = default scale), or null
 */
public record DatasetInfo(String role, String infoGroupPath, DatasetKind kind, String storedClass, String location,
                          String filePath, String internalPath, String datasetId, String nickname,
                          List<AxisTag> axisTags, long[] shape, double[] drange, String displayMode,
                          Boolean normalizeDisplay, boolean allowLabels, String subvolumeRoi, Boolean fromStack,
                          Boolean scaleLocked, String workingScale) {

    /** The stored axes in C-order, or null when the info stores none. */
    public Axes axes() {
        return axisTags == null ? null : AxisTags.toAxes(axisTags);
    }

    /** Whether the data is stored inside the {@code .ilp}. */
    public boolean isProjectInternal() {
        return kind == DatasetKind.PROJECT_INTERNAL;
    }

    /**
     * The lane image axes of section 1.3 of the spec ({@code yxc}, {@code zyxc}, {@code tyxc}, ...), when both the
     * axes and the shape are stored; null otherwise (then the caller derives it from the opened data).
     */
    public Axes laneImageAxes() {
        Axes a = axes();
        if (a == null || shape == null || shape.length != a.size()) {
            return null;
        }
        return LaneImageOrder.of(a, shape);
    }
}
