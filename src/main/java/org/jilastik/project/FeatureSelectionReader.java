package org.jilastik.project;

import io.jhdf.api.Group;
import java.util.List;
import org.jilastik.error.JilastikException;
import org.jilastik.features.FeatureSelection;

/**
 * Reads a {@code FeatureSelections} group (spec pixel-classification §2.1) into a {@link FeatureSelection}:
 * stored feature ids and scales in stored order, the selection matrix, and {@code ComputeIn2d} (null when absent
 * or empty, as in 1.2-era projects). Stateless, thread safe.
 */
final class FeatureSelectionReader {
    private FeatureSelectionReader() {
    }

    /**
     * Reads {@code g}, or returns null if it stores no selection matrix (nothing selected yet).
     *
     * @throws JilastikException if the matrix does not match the ids and scales
     */
    static FeatureSelection read(Group g, String path, String projectName) {
        List<String> ids = Hdf5Values.strings(g, "FeatureIds");
        double[] scales = Hdf5Values.doubles(g, "Scales");
        boolean[] flat = Hdf5Values.booleans(g, "SelectionMatrix");
        if (ids == null || scales == null || flat == null) {
            return null;
        }
        if (flat.length != ids.size() * scales.length) {
            throw JilastikException.processing(projectName + " has a feature selection matrix of " + flat.length
                    + " cells in " + path + " for " + ids.size() + " features x " + scales.length
                    + " scales; select the features again in ilastik and save");
        }
        boolean[][] selected = new boolean[ids.size()][scales.length];
        for (int i = 0; i < ids.size(); i++) {
            System.arraycopy(flat, i * scales.length, selected[i], 0, scales.length);
        }
        boolean[] in2d = Hdf5Values.booleans(g, "ComputeIn2d");
        if (in2d != null && in2d.length == 0) {
            in2d = null;
        }
        if (in2d != null && in2d.length != scales.length) {
            throw JilastikException.processing(projectName + " stores " + in2d.length + " ComputeIn2d flags for "
                    + scales.length + " scales in " + path + "; select the features again in ilastik and save");
        }
        return new FeatureSelection(List.copyOf(ids), scales, selected, in2d);
    }
}
