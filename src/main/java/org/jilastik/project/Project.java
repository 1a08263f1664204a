package org.jilastik.project;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jilastik.array.Axes;
import org.jilastik.features.FeatureSelection;
import org.jilastik.workflow.WorkflowKind;

/**
 * An ilastik project ({@code .ilp}) read into one plain, version-independent model: identity (workflow, version),
 * input lanes, pixel stages (feature selection + labels + classifier), every other classifier group, and the
 * stored export settings. Built by {@link ProjectReader}; nothing here knows ilastik versions.
 *
 * <p>Immutable (lists unmodifiable; treat arrays inside the records as read-only) and thread safe.
 */
public final class Project {
    private final Path path;
    private final String workflowName;
    private final WorkflowKind workflow;
    private final String ilastikVersion;
    private final IlastikVersion version;
    private final List<String> roleNames;
    private final List<Lane> lanes;
    private final List<PixelStage> pixelStages;
    private final List<ClassifierGroup> classifierGroups;
    private final ExportSettings exportSettings;

    /** A project with identity only: no lanes, stages, classifiers or export settings (for tests and stubs). */
    public Project(Path path, String workflowName, WorkflowKind workflow, String ilastikVersion) {
        this(path, workflowName, workflow, ilastikVersion, parseOrNull(ilastikVersion), workflow.roles(), List.of(),
                List.of(), List.of(), null);
    }

    /**
     * The full model.
     *
     * @param version          the parsed version, or null if the stored text is not a PEP 440 version
     * @param roleNames        role names in order
     * @param lanes            lanes in lane order
     * @param pixelStages      pixel stages in stage order (empty for non-pixel workflows)
     * @param classifierGroups every group holding label classes or a classifier, by group name
     * @param exportSettings   the workflow's export settings, or null if none are stored
     */
    public Project(Path path, String workflowName, WorkflowKind workflow, String ilastikVersion,
                   IlastikVersion version, List<String> roleNames, List<Lane> lanes, List<PixelStage> pixelStages,
                   List<ClassifierGroup> classifierGroups, ExportSettings exportSettings) {
        this.path = path;
        this.workflowName = workflowName;
        this.workflow = workflow;
        this.ilastikVersion = ilastikVersion;
        this.version = version;
        this.roleNames = List.copyOf(roleNames);
        this.lanes = List.copyOf(lanes);
        this.pixelStages = List.copyOf(pixelStages);
        this.classifierGroups = List.copyOf(classifierGroups);
        this.exportSettings = exportSettings;
    }

    private static IlastikVersion parseOrNull(String v) {
        try {
            return IlastikVersion.parse(v);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The project file. */
    public Path path() {
        return path;
    }

    /** The stored {@code workflowName}, verbatim. */
    public String workflowName() {
        return workflowName;
    }

    /** The workflow this project runs. */
    public WorkflowKind workflow() {
        return workflow;
    }

    /** The stored {@code ilastikVersion}, verbatim. */
    public String ilastikVersion() {
        return ilastikVersion;
    }

    /** The stored version parsed with PEP 440 ordering, if it parses. */
    public Optional<IlastikVersion> version() {
        return Optional.ofNullable(version);
    }

    /** Classifier stages (2..4 for Autocontext, 1 otherwise). */
    public int stages() {
        return WorkflowKind.stagesOf(workflowName);
    }

    /** The role names in order ({@code Input Data/Role Names}, or {@code [Raw Data]} for the legacy layout). */
    public List<String> roleNames() {
        return roleNames;
    }

    /** The lanes (training images) in lane order. */
    public List<Lane> lanes() {
        return lanes;
    }

    /**
     * Per lane, the lane image axes (spec pixel-classification §1.3) from the stored raw data axes and shape; an
     * entry is null when the project does not store both (the caller then opens the raw data).
     */
    public List<Axes> laneImageAxes() {
        List<Axes> out = new ArrayList<>();
        for (Lane l : lanes) {
            out.add(l.laneImageAxes().orElse(null));
        }
        return java.util.Collections.unmodifiableList(out);
    }

    /** The pixel stages in order (one for Pixel Classification, 2..4 for Autocontext, none for others). */
    public List<PixelStage> pixelStages() {
        return pixelStages;
    }

    /** The first stage's feature selection, if any. */
    public Optional<FeatureSelection> featureSelection() {
        return pixelStages.isEmpty() ? Optional.empty() : Optional.ofNullable(pixelStages.getFirst().features());
    }

    /** Every group holding label classes or a classifier (pixel stages' groups included), by group name. */
    public List<ClassifierGroup> classifierGroups() {
        return classifierGroups;
    }

    /** The classifier group named {@code name} (e.g. {@code "ObjectClassification"}), if stored. */
    public Optional<ClassifierGroup> classifierGroup(String name) {
        return classifierGroups.stream().filter(g -> g.name().equals(name)).findFirst();
    }

    /** The workflow's stored export settings, if any. */
    public Optional<ExportSettings> exportSettings() {
        return Optional.ofNullable(exportSettings);
    }
}
