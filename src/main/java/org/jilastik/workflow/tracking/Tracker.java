package org.jilastik.workflow.tracking;

import java.util.List;

/**
 * Conservation tracking from per-frame objects to tracks (spec tracking §2.5–2.9): hypotheses graph, energies,
 * optimisation, merger resolution and lineage ids. Implementations are stateless and thread safe.
 */
public interface Tracker {
    /**
     * Tracks the objects of a time series.
     *
     * @param labels  the per-frame label images the objects were extracted from (used for the field of view and
     *                for splitting merged objects); not modified
     * @param objects one entry per frame, in frame order
     * @param params  the project's tracking parameters
     * @return the final, merger-resolved tracking
     */
    TrackingResult track(FrameLabels labels, List<FrameObjects> objects, TrackingParameters params);
}
