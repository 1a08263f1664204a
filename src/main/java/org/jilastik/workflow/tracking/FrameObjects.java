package org.jilastik.workflow.tracking;

/**
 * The objects of one frame as the tracking graph sees them (spec tracking §2.2–2.4). Arrays are indexed by object
 * index {@code i} (object ids ascending); this record owns them and callers must not modify them.
 *
 * @param frame   the frame index t
 * @param ids     object (connected component) id of each object, ascending
 * @param centers {@code centers[i]} = RegionCenter in pixel units, in vigra order x, y[, z]
 * @param sizes   pixel count of each object
 * @param detProb {@code detProb[i][k]} = the object-count classifier's probability of k objects (k = 0..maxObj;
 *                k = 0 = false detection), float32 values widened to double, not yet clipped
 * @param divProb {@code divProb[i]} = the division classifier's probability of "Dividing" (float32 widened to
 *                double); {@code null} when the project tracks without divisions
 */
public record FrameObjects(int frame, int[] ids, double[][] centers, long[] sizes, double[][] detProb,
        double[] divProb) {
    /** The number of objects in this frame. */
    public int count() {
        return ids.length;
    }
}
