package org.jilastik.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.jilastik.error.JilastikException;
import org.jilastik.project.Project;

/**
 * The loop every workflow runs over the lanes of a request: runs each lane, prints each written file on stdout
 * unless {@code --quiet}; with {@code --continue-on-error} (and more than one lane) a failed lane is reported on
 * stderr and the next one run, and the exit code says that some failed. Stateless.
 */
final class LaneLoop {
    /** One workflow's work on one lane. */
    @FunctionalInterface
    interface Lane {
        /**
         * Runs one lane.
         *
         * @param lane the lane's inputs, one per role, in role order
         * @param log  where progress and warnings go (stderr)
         * @return the files (or folders) written
         */
        List<Path> run(String[] lane, PrintStream log);
    }

    private LaneLoop() {
    }

    /** Runs {@code work} on every lane of the request; returns the process exit code. */
    static int run(RunRequest request, Project project, Lane work) {
        List<String[]> lanes = LaneInputs.lanes(request, project.workflow());
        int failed = 0;
        for (String[] lane : lanes) {
            try {
                for (Path written : work.run(lane, System.err)) {
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
