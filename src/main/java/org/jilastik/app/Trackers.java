package org.jilastik.app;

import org.jilastik.workflow.tracking.ConservationTracker;
import org.jilastik.workflow.tracking.Tracker;

/** The {@link Tracker} a tracking run uses unless a caller injects another. Stateless. */
public final class Trackers {
    private Trackers() {
    }

    /** The build's tracker. */
    public static Tracker defaultTracker() {
        return new ConservationTracker();
    }
}
