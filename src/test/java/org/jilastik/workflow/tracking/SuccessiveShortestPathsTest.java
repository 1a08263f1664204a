package org.jilastik.workflow.tracking;


import org.jilastik.workflow.tracking.solver.SuccessiveShortestPaths;
import org.jilastik.workflow.tracking.solver.TrackingSolver;

/** Replays both recorded dpct calls of tracking-2dt through the flow solver; every value must match. */
class SuccessiveShortestPathsTest extends TrackingSolverContractTest {
    @Override
    TrackingSolver solver() {
        return new SuccessiveShortestPaths();
    }
}
