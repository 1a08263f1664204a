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
        return LaneLoop.run(request, project, (lane, log) -> List.of(run.runLane(lane, log)));
    }
}
