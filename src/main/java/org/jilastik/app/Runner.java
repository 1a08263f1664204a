package org.jilastik.app;

import org.jilastik.error.JilastikException;
import org.jilastik.project.Project;

/**
 * Runs a validated {@link RunRequest} on a read {@link Project}: builds lanes, computes and exports.
 *
 * <p>PLACEHOLDER: refuses flags of later capabilities ({@link FeatureGate}) and then every run, with a usage
 * error (exit code 2), until the workflows land.
 */
public final class Runner {
    private Runner() {
    }

    /**
     * Runs the request.
     *
     * @param request parsed, validated against {@code project} (roles, export source, input axes count)
     * @param project the project the request names
     * @return the process exit code
     * @throws JilastikException for user-facing failures
     */
    public static int run(RunRequest request, Project project) {
        FeatureGate.refuseUnsupported(request);
        throw JilastikException.usage("running " + project.workflow().displayName() + " is not supported yet in "
                + "jilastik " + JilastikVersion.get() + "; `jilastik inspect " + request.project()
                + "` shows the project");
    }
}
