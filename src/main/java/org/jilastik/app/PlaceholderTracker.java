package org.jilastik.app;

import java.util.List;
import org.jilastik.error.JilastikException;
import org.jilastik.workflow.tracking.FrameLabels;
import org.jilastik.workflow.tracking.FrameObjects;
import org.jilastik.workflow.tracking.Tracker;
import org.jilastik.workflow.tracking.TrackingParameters;
import org.jilastik.workflow.tracking.TrackingResult;

/**
 * The {@link Tracker} of builds without the conservation-tracking solver: refuses with one sentence. The lead
 * replaces it with the solver's implementation in {@link Trackers#defaultTracker()}. Stateless, thread safe.
 */
final class PlaceholderTracker implements Tracker {
    @Override
    public TrackingResult track(FrameLabels labels, List<FrameObjects> objects, TrackingParameters params) {
        throw JilastikException.processing("the conservation-tracking solver is not part of this build of jilastik "
                + JilastikVersion.get() + "; run tracking projects with a build that includes it");
    }
}
