package org.jilastik.app;

import java.nio.file.Path;
import org.jilastik.project.Project;
import org.jilastik.workflow.tracking.Tracker;

/**
 * Runs every lane of a tracking request (see {@link Runner}): prints each written file or directory unless
 * {@code --quiet}; with {@code --continue-on-error} a failed lane is reported and the next one run.
 */
final class TrackingRunner {
    private TrackingRunner() {
    }

    static int run(RunRequest request, Project project, Tracker tracker) {
        Path cwd = Path.of("").toAbsolutePath();
        TrackingRun run = new TrackingRun(request, project, cwd, tracker);
        return LaneLoop.run(request, project, run::runLane);
    }
}
