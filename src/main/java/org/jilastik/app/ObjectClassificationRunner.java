package org.jilastik.app;

import java.nio.file.Path;
import org.jilastik.exec.ResourceBudget;
import org.jilastik.project.Project;

/**
 * Runs every lane of an object classification request (see {@link Runner}): prints each written file (table and
 * image) unless {@code --quiet}; with {@code --continue-on-error} a failed lane is reported and the next one run.
 */
final class ObjectClassificationRunner {
    private ObjectClassificationRunner() {
    }

    static int run(RunRequest request, Project project) {
        ResourceBudget budget = ResourceBudget.of(request.resources().threads(), request.resources().totalRamMb());
        Path cwd = Path.of("").toAbsolutePath();
        ObjectClassificationRun run = new ObjectClassificationRun(request, project, budget, cwd);
        return LaneLoop.run(request, project, run::runLane);
    }
}
