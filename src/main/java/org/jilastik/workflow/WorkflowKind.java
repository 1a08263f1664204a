package org.jilastik.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The ilastik workflows jilastik knows: the names stored in a project's {@code workflowName} dataset, the
 * input roles (in ilastik's order; the first receives positional inputs) and the export sources (in
 * ilastik's order; the first is the default).
 *
 * <p>Plain constant data, thread safe.
 */
public enum WorkflowKind {
    PIXEL_CLASSIFICATION("Pixel Classification", List.of("Pixel Classification", "PixelClassificationWorkflow"),
            List.of("Raw Data", "Prediction Mask"),
            List.of("Probabilities", "Simple Segmentation", "Uncertainty", "Features", "Labels")),
    AUTOCONTEXT("Autocontext", List.of("AutocontextTwoStage", "AutocontextThreeStage", "AutocontextFourStage"),
            List.of("Raw Data", "Prediction Mask"), List.of()),
    OBJECT_CLASSIFICATION_PREDICTION("Object Classification (from prediction image)",
            List.of("Object Classification (from prediction image)", "ObjectClassificationWorkflowPrediction"),
            List.of("Raw Data", "Prediction Maps", "Atlas"),
            List.of("Object Predictions", "Object Probabilities", "Blockwise Object Predictions",
                    "Blockwise Object Probabilities", "Object Identities")),
    OBJECT_CLASSIFICATION_BINARY("Object Classification (from binary image)",
            List.of("Object Classification (from binary image)", "ObjectClassificationWorkflowBinary"),
            List.of("Raw Data", "Segmentation Image", "Atlas"),
            List.of("Object Predictions", "Object Probabilities", "Blockwise Object Predictions",
                    "Blockwise Object Probabilities", "Object Identities")),
    OBJECT_CLASSIFICATION_LABEL("Object Classification (from label image)",
            List.of("Object Classification (from label image)", "ObjectClassificationWorkflowLabel"),
            List.of("Raw Data", "Label Image", "Atlas"),
            List.of("Object Predictions", "Object Probabilities", "Blockwise Object Predictions",
                    "Blockwise Object Probabilities", "Object Identities")),
    OBJECT_CLASSIFICATION_PIXEL("Object Classification (from pixel classification)",
            List.of("Object Classification (from pixel classification)", "ObjectClassificationWorkflowPixel"),
            List.of("Raw Data", "Atlas"),
            List.of("Object Predictions", "Object Probabilities", "Blockwise Object Predictions",
                    "Blockwise Object Probabilities", "Object Identities", "Pixel Probabilities",
                    "Simple Segmentation")),
    COUNTING("Cell Density Counting", List.of("Cell Density Counting", "CountingWorkflow"),
            List.of("Raw Data"), List.of("Probabilities")),
    MULTICUT("Boundary-based Segmentation with Multicut",
            List.of("Edge Training With Multicut", "EdgeTrainingWithMulticutWorkflow", "Multicut"),
            List.of("Raw Data", "Probabilities", "Superpixels", "Groundtruth"),
            List.of("Multicut Segmentation")),
    TRACKING_PREDICTION("Automatic Tracking Workflow (Conservation Tracking) from prediction image",
            List.of("Automatic Tracking Workflow (Conservation Tracking) from prediction image",
                    "Animal Conservation Tracking Workflow from Prediction Image",
                    "Structured Learning Tracking Workflow from prediction image",
                    "ConservationTrackingWorkflowFromPrediction"),
            List.of("Raw Data", "Prediction Maps"),
            List.of("Tracking-Result", "Merger-Result", "Object-Identities", "Plugin")),
    TRACKING_BINARY("Automatic Tracking Workflow (Conservation Tracking) from binary image",
            List.of("Automatic Tracking Workflow (Conservation Tracking) from binary image",
                    "Animal Conservation Tracking Workflow from Binary Image",
                    "ConservationTrackingWorkflowFromBinary"),
            List.of("Raw Data", "Segmentation Image"),
            List.of("Tracking-Result", "Merger-Result", "Object-Identities", "Plugin")),
    STRUCTURED_TRACKING_BINARY("Structured Learning Tracking Workflow from binary image",
            List.of("Structured Learning Tracking Workflow from binary image"),
            List.of("Raw Data", "Binary Image"),
            List.of("Tracking-Result", "Merger-Result", "Object-Identities", "Plugin"));

    private final String displayName;
    private final List<String> storedNames;
    private final List<String> roles;
    private final List<String> exportSources;

    WorkflowKind(String displayName, List<String> storedNames, List<String> roles, List<String> exportSources) {
        this.displayName = displayName;
        this.storedNames = storedNames;
        this.roles = roles;
        this.exportSources = exportSources;
    }

    /** The name ilastik shows for this workflow. */
    public String displayName() {
        return displayName;
    }

    /** Values of {@code workflowName} (or class names) that mean this workflow. */
    public List<String> storedNames() {
        return storedNames;
    }

    /** Role display names in ilastik's order, e.g. {@code ["Raw Data", "Prediction Mask"]}. */
    public List<String> roles() {
        return roles;
    }

    /** CLI flag of a role: display name lower-cased, spaces and hyphens replaced by {@code _}. */
    public static String roleFlag(String role) {
        return role.toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    }

    /**
     * Export source display names in ilastik's order for a workflow with {@code stages} classifier stages
     * (only Autocontext depends on it; pass 1 otherwise).
     */
    public List<String> exportSources(int stages) {
        if (this != AUTOCONTEXT) {
            return exportSources;
        }
        List<String> out = new ArrayList<>();
        for (int s = stages; s >= 1; s--) {
            for (String kind : List.of("Probabilities", "Simple Segmentation", "Uncertainty", "Features", "Labels",
                    "Input")) {
                out.add(kind + " Stage " + s);
            }
        }
        out.add("Probabilities All Stages");
        return out;
    }

    /** Number of autocontext stages a stored workflow name implies (1 for other workflows). */
    public static int stagesOf(String storedName) {
        return switch (storedName) {
            case "AutocontextTwoStage" -> 2;
            case "AutocontextThreeStage" -> 3;
            case "AutocontextFourStage" -> 4;
            default -> 1;
        };
    }

    /** The workflow a stored {@code workflowName} denotes, if jilastik knows it. */
    public static Optional<WorkflowKind> fromStoredName(String name) {
        String n = name.trim();
        for (WorkflowKind k : values()) {
            for (String s : k.storedNames) {
                if (s.equalsIgnoreCase(n)) {
                    return Optional.of(k);
                }
            }
        }
        return Optional.empty();
    }
}
