package org.jilastik.project;

import io.jhdf.api.Group;
import java.util.ArrayList;
import java.util.List;
import org.jilastik.workflow.WorkflowKind;

/**
 * Finds the workflow's export group and reads it into {@link ExportSettings}. Stateless, thread safe.
 */
final class ExportSettingsReader {
    /** Export group names ilastik's workflows use. */
    static final List<String> GROUP_NAMES = List.of("Prediction Export", "Data Export", "Density Export",
            "Object Information Export", "Tracking Result Export");

    private ExportSettingsReader() {
    }

    /** The export group names to try for {@code workflow}, its own first. */
    static List<String> candidates(WorkflowKind workflow) {
        String own = switch (workflow) {
            case PIXEL_CLASSIFICATION, AUTOCONTEXT -> "Prediction Export";
            case COUNTING -> "Density Export";
            case OBJECT_CLASSIFICATION_PREDICTION, OBJECT_CLASSIFICATION_BINARY, OBJECT_CLASSIFICATION_LABEL,
                 OBJECT_CLASSIFICATION_PIXEL -> "Object Information Export";
            case TRACKING_PREDICTION, TRACKING_BINARY, STRUCTURED_TRACKING_BINARY -> "Tracking Result Export";
            case MULTICUT -> "Data Export";
        };
        List<String> out = new ArrayList<>(List.of(own));
        for (String n : GROUP_NAMES) {
            if (!out.contains(n)) {
                out.add(n);
            }
        }
        return out;
    }

    /** The export settings of {@code root}, or null if no export group is stored. */
    static ExportSettings read(Group root, WorkflowKind workflow) {
        for (String name : candidates(workflow)) {
            Group g = Hdf5Values.group(root, name);
            if (g != null) {
                return read(g, "/" + name);
            }
        }
        return null;
    }

    private static ExportSettings read(Group g, String path) {
        Double selection = Hdf5Values.number(g, "InputSelection");
        return new ExportSettings(path, Hdf5Values.string(g, "OutputFilenameFormat"),
                Hdf5Values.string(g, "OutputFormat"), Hdf5Values.string(g, "OutputInternalPath"),
                Hdf5Values.string(g, "ExportDtype"), Hdf5Values.string(g, "OutputAxisOrder"),
                Hdf5Values.longs(g, "RegionStart"), Hdf5Values.longs(g, "RegionStop"),
                Hdf5Values.number(g, "InputMin"), Hdf5Values.number(g, "InputMax"),
                Hdf5Values.number(g, "ExportMin"), Hdf5Values.number(g, "ExportMax"),
                selection == null ? null : selection.intValue(), Hdf5Values.string(g, "SelectedPlugin"));
    }
}
