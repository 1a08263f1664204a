package org.jilastik.workflow.tracking.solver;

/**
 * The result of one tracking optimisation, indexed like the {@link TrackingModel} it solves. The arrays are owned
 * by this record; callers must not modify them.
 *
 * @param nodeValues number of objects per node (0 = not used)
 * @param linkValues number of objects per link
 * @param divisions  whether each node divides
 */
public record Solution(int[] nodeValues, int[] linkValues, boolean[] divisions) {
}
