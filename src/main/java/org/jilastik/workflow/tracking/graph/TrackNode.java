package org.jilastik.workflow.tracking.graph;

/**
 * One detection of the hypotheses graph (a traxel): an object of one frame. Arrays are owned by the node and must
 * not be modified.
 *
 * @param frame   frame t
 * @param id      object id in the frame's label image
 * @param center  RegionCenter in pixel units, vigra order x, y[, z] (unscaled)
 * @param detProb object-count probabilities k = 0..maxObj (unclipped), or {@code null} for a resolved merger part
 *                (its detection energies are then those of probability 0, as ilastik's JSON export writes them)
 * @param divProb division probability, or NaN when the node has none
 */
public record TrackNode(int frame, int id, double[] center, double[] detProb, double divProb) {
}
