package org.jilastik.project;

import java.nio.file.Path;
import org.jilastik.workflow.WorkflowKind;

/**
 * An ilastik project ({@code .ilp}) read into one plain, version-independent model.
 *
 * <p>STUB: the project package fills this in; the accessors below are the API the CLI relies on.
 */
public final class Project {
    private final Path path;
    private final String workflowName;
    private final WorkflowKind workflow;
    private final String ilastikVersion;

    public Project(Path path, String workflowName, WorkflowKind workflow, String ilastikVersion) {
        this.path = path;
        this.workflowName = workflowName;
        this.workflow = workflow;
        this.ilastikVersion = ilastikVersion;
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

    /** Classifier stages (2..4 for Autocontext, 1 otherwise). */
    public int stages() {
        return WorkflowKind.stagesOf(workflowName);
    }
}
