package org.jilastik.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jilastik.workflow.WorkflowKind;

/**
 * Everything a headless run was asked to do, parsed and validated from the command line and the environment,
 * before any file is opened. Plain immutable data with no parser types; the {@code cli} package builds it and
 * hands it to {@link Runner}.
 *
 * <p>Strings are kept as typed (paths are not resolved here). {@code null} means "not given" so that settings
 * stored in the project or defaults can apply.
 *
 * @param project            {@code --project} as typed, or {@code null}
 * @param newProject         {@code --new_project}, or {@code null}
 * @param workflow           {@code --workflow}, or {@code null}
 * @param headless           whether {@code --headless} was given (jilastik is always headless)
 * @param readonly           {@code --readonly} value, or {@code null} when not given (headless default: true)
 * @param debug              {@code --debug}: stack traces on errors, debug logging
 * @param quiet              {@code --quiet} (jilastik): no progress output
 * @param continueOnError    {@code --continue-on-error} (jilastik): process every lane, fail at the end
 * @param logfile            {@code --logfile}, or {@code null}
 * @param redirectOutput     {@code --redirect_output}, or {@code null}
 * @param processName        {@code --process_name}, or {@code null}
 * @param configfile         {@code --configfile}, or {@code null}
 * @param cleanPaths         {@code --clean_paths} (Windows only in ilastik; no effect)
 * @param tiktorchExecutable {@code --tiktorch_executable}, or {@code null}
 * @param nnDevice           {@code --nn_device}, or {@code null}
 * @param inputs             input flags and paths
 * @param export             export flags
 * @param workflowOptions    workflow-specific flags
 * @param distributed        distributed-mode flags
 * @param resources          validated {@code LAZYFLOW_*} environment settings
 * @param givenFlags         canonical names (underscore spelling, no dashes prefix) of every flag given, in
 *                           first-appearance order, without repeats
 */
public record RunRequest(String project, String newProject, String workflow, boolean headless, Boolean readonly,
        boolean debug, boolean quiet, boolean continueOnError, String logfile, String redirectOutput,
        String processName, String configfile, boolean cleanPaths, String tiktorchExecutable, String nnDevice,
        InputOptions inputs, ExportOptions export, WorkflowOptions workflowOptions, DistributedOptions distributed,
        ResourceOptions resources, List<String> givenFlags) {

    /** Copies {@code givenFlags}. */
    public RunRequest {
        givenFlags = List.copyOf(givenFlags);
    }

    /** Whether the project is opened read-only: the given value, else true (ilastik's headless default). */
    public boolean isReadonly() {
        return readonly == null || readonly;
    }

    /**
     * The project path with a leading {@code ~} expanded to {@code home} (ilastik does not expand it; spec
     * §6 item 7), or {@code null} when no project was given.
     */
    public Path projectPath(String home) {
        return project == null ? null : expandHome(project, home);
    }

    /** {@code path} as a {@link Path}, with a leading {@code ~} or {@code ~/} replaced by {@code home}. */
    public static Path expandHome(String path, String home) {
        if (home != null && (path.equals("~") || path.startsWith("~/"))) {
            return Path.of(home + path.substring(1));
        }
        return Path.of(path);
    }

    /** Whether the flag with this canonical name (e.g. {@code "tree_count"}) was given. */
    public boolean gave(String canonicalFlag) {
        return givenFlags.contains(canonicalFlag);
    }

    /** Inputs per role of {@code workflow}; see {@link InputOptions#inputsFor(WorkflowKind)}. */
    public Map<String, List<String>> inputsFor(WorkflowKind workflow) {
        return inputs.inputsFor(workflow);
    }

    /** A copy with other distributed-mode options. */
    public RunRequest withDistributed(DistributedOptions newDistributed) {
        return new RunRequest(project, newProject, workflow, headless, readonly, debug, quiet, continueOnError,
                logfile, redirectOutput, processName, configfile, cleanPaths, tiktorchExecutable, nnDevice, inputs,
                export, workflowOptions, newDistributed, resources, givenFlags);
    }

    /** A copy with other export options. */
    public RunRequest withExport(ExportOptions newExport) {
        return new RunRequest(project, newProject, workflow, headless, readonly, debug, quiet, continueOnError,
                logfile, redirectOutput, processName, configfile, cleanPaths, tiktorchExecutable, nnDevice, inputs,
                newExport, workflowOptions, distributed, resources, givenFlags);
    }
}
