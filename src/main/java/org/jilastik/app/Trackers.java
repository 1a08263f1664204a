package org.jilastik.app;

import org.jilastik.workflow.tracking.ConservationTracker;
import org.jilastik.workflow.tracking.Tracker;

/** The {@link Tracker} a tracking run uses unless a caller injects another. Stateless. */
public final class Trackers {
    private Trackers() {
    }

    /** The build's tracker: ilastik's flow-based heuristic. */
    public static Tracker defaultTracker() {
        return new ConservationTracker();
    }

    /** The tracker {@code --tracking_solver} asks for (default: {@link #defaultTracker()}). */
    public static Tracker of(RunRequest request) {
        return "exact".equals(request.workflowOptions().trackingSolver())
                ? ConservationTracker.of(ConservationTracker.SolverChoice.EXACT) : defaultTracker();
    }
}
