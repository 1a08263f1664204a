package org.jilastik.workflow.tracking;

/**
 * The stored conservation-tracking parameters that a headless run uses (spec tracking §2.5–2.7, §4; group
 * {@code ConservationTracking/Parameters}, defaults for keys an older project lacks). Headless ignores the stored
 * time/x/y/z ranges and the stored detWeight (hard-coded 10), so they are not here.
 *
 * @param maxObj              the largest number of objects one detection may hold
 * @param withDivisions       whether division hypotheses are built
 * @param divThreshold        a node may divide when its divProb (double) is strictly greater than this
 * @param withMergerResolution whether merged detections are split (GMM) and re-linked
 * @param withTracklets       whether chains of unambiguous links are compressed (no effect on results here)
 * @param maxDist             link distance limit (strictly less), pixel units after scaling
 * @param maxNearestNeighbors k of the forward and backward nearest-neighbour queries
 * @param borderAwareWidth    width of the border zone for appearance/disappearance costs, pixels
 * @param appearanceCost      weight of appearance features
 * @param disappearanceCost   weight of disappearance features
 * @param transWeight         weight of transition features
 * @param divWeight           weight of division features
 * @param scales              per-axis scale of RegionCenter, vigra order x, y, z (3 values)
 * @param sizeMin             smallest object size used (inclusive; already raised to maxObj)
 * @param sizeMaxExclusive    objects of this size or larger are not in the graph
 * @param numFramesPerSplit   0 = solve all frames at once; else hytra's split tracking with windows of about this
 *                            many frames ({@link org.jilastik.workflow.tracking.solver.SplitTracking})
 */
public record TrackingParameters(int maxObj, boolean withDivisions, double divThreshold,
        boolean withMergerResolution, boolean withTracklets, double maxDist, int maxNearestNeighbors,
        int borderAwareWidth, double appearanceCost, double disappearanceCost, double transWeight,
        double divWeight, double[] scales, long sizeMin, long sizeMaxExclusive, int numFramesPerSplit) {
    /** ilastik's hard-coded detection weight for conservation tracking (the stored detWeight is ignored). */
    public static final double DETECTION_WEIGHT = 10.0;
}
