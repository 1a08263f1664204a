package org.jilastik.project;

import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import java.util.List;
import org.jilastik.error.JilastikException;

/**
 * Reads one {@code DatasetInfo} group of {@code Input Data} (any era: {@code __class__} or legacy
 * {@code location}, {@code axistags} JSON or 1.2-era {@code axisorder}) into a {@link DatasetInfo}.
 * Stateless, thread safe.
 */
final class DatasetInfoReader {
    private static final String LOCAL_DATA = "/Input Data/local_data/";

    private DatasetInfoReader() {
    }

    /** Whether {@code g} holds an info (an empty role group means "role not filled"). */
    static boolean isFilled(Group g) {
        return g != null && !Hdf5Children.of(g).isEmpty()
                && (Hdf5Values.child(g, "filePath") != null || Hdf5Values.child(g, "location") != null
                || Hdf5Values.child(g, "__class__") != null);
    }

    /**
     * Reads the info in {@code g} (at HDF5 path {@code path}) for {@code role}.
     *
     * @throws JilastikException if its {@code axistags} cannot be parsed
     */
    static DatasetInfo read(Group g, String path, String role, String projectName) {
        String storedClass = Hdf5Values.string(g, "__class__");
        String location = Hdf5Values.string(g, "location");
        String filePath = Hdf5Values.string(g, "filePath");
        DatasetKind kind = storedClass == null ? null : DatasetKind.fromClassName(storedClass);
        if (kind == null) {
            kind = DatasetKind.fromLegacyLocation(location, filePath);
        }
        String datasetId = Hdf5Values.string(g, "datasetId");
        String internalPath = null;
        if (kind == DatasetKind.PROJECT_INTERNAL) {
            String inner = Hdf5Values.string(g, "inner_path");
            if (inner != null && !inner.isBlank()) {
                internalPath = inner.startsWith("/") ? inner : "/" + inner;
            } else if (datasetId != null) {
                internalPath = LOCAL_DATA + datasetId;
            } else if (filePath != null) {
                internalPath = filePath.startsWith("/") ? filePath : "/" + filePath;
            }
        }
        String nickname = Hdf5Values.string(g, "nickname");
        if (nickname == null) {
            nickname = defaultNickname(filePath);
        }
        Boolean allow = Hdf5Values.bool(g, "allowLabels");
        Dataset roi = Hdf5Values.dataset(g, "subvolume_roi");
        return new DatasetInfo(role, path, kind, storedClass, location, filePath, internalPath, datasetId,
                nickname, axisTags(g, path, role, projectName), Hdf5Values.longs(g, "shape"),
                Hdf5Values.doubles(g, "drange"), Hdf5Values.string(g, "display_mode"),
                Hdf5Values.bool(g, "normalizeDisplay"), allow == null || allow,
                roi == null || roi.isEmpty() ? null : String.join(",", Hdf5Values.strings(roi)),
                Hdf5Values.bool(g, "fromstack"), Hdf5Values.bool(g, "scale_locked"),
                Hdf5Values.string(g, "working_scale"));
    }

    private static List<AxisTag> axisTags(Group g, String path, String role, String projectName) {
        String json = Hdf5Values.string(g, "axistags");
        String order = Hdf5Values.string(g, "axisorder");
        try {
            if (json != null && !json.isBlank()) {
                return AxisTags.parseJson(json);
            }
            if (order != null && !order.isBlank()) {
                return AxisTags.fromAxisOrder(order);
            }
            return null;
        } catch (IllegalArgumentException e) {
            throw JilastikException.processing(projectName + " stores unreadable axistags for \"" + role + "\" in "
                    + path + " (" + e.getMessage() + "); save the project again in ilastik", e);
        }
    }

    /** ilastik's fallback nickname: the file name without extension (internal path dropped). */
    private static String defaultNickname(String filePath) {
        if (filePath == null) {
            return "";
        }
        String p = filePath.replace('\\', '/');
        String[] parts = p.split("/");
        String name = parts.length == 0 ? p : parts[parts.length - 1];
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
