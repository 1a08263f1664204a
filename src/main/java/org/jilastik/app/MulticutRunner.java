package org.jilastik.app;

import java.nio.file.Path;
import java.util.List;
import org.jilastik.error.JilastikException;
import org.jilastik.exec.ResourceBudget;
import org.jilastik.project.Project;

/**
 * Runs every lane of a multicut request (see {@link Runner}): prints each written file unless {@code --quiet}; with
 * {@code --continue-on-error} a failed lane is reported and the next one run.
 */
final class MulticutRunner {
    private MulticutRunner() {
    }

    static int run(RunRequest request, Project project) {
        if (request.distributed().distributed()) {
            throw JilastikException.usage("--distributed applies to pixel-wise workflows (Pixel Classification, "
                    + "Autocontext) only; run the multicut workflow without it");
        }
        ResourceBudget budget = ResourceBudget.of(request.resources().threads(), request.resources().totalRamMb());
        MulticutRun run = new MulticutRun(request, project, budget, Path.of("").toAbsolutePath());
        List<String[]> lanes = LaneInputs.lanes(request, project.workflow());
        int failed = 0;
        for (String[] lane : lanes) {
            try {
                Path written = run.runLane(lane, System.err);
                if (!request.quiet()) {
                    System.out.println(written);
                }
            } catch (JilastikException e) {
                if (!request.continueOnError() || lanes.size() == 1) {
                    throw e;
                }
                failed++;
                System.err.println("jilastik: " + lane[0] + ": " + e.getMessage());
            }
        }
        if (failed > 0) {
            System.err.println("jilastik: " + failed + " of " + lanes.size() + " inputs failed");
            return JilastikException.PROCESSING;
        }
        return 0;
    }
}
