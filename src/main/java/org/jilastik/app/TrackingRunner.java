package org.jilastik.app;

import java.nio.file.Path;
import java.util.List;
import org.jilastik.error.JilastikException;
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
        List<String[]> lanes = LaneInputs.lanes(request, project.workflow());
        int failed = 0;
        for (String[] lane : lanes) {
            try {
                for (Path written : run.runLane(lane, System.err)) {
                    if (!request.quiet()) {
                        System.out.println(written);
                    }
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
