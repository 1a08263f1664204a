package org.jilastik.workflow.tracking;

import org.jilastik.workflow.tracking.solver.IntegerProgramSolver;

/** {@link ConservationTracker} with the exact MIP solver under the {@link Tracker} contract. */
class ExactConservationTrackerContractTest extends TrackerContractTest {
    @Override
    Tracker tracker() {
        return ConservationTracker.of(ConservationTracker.SolverChoice.EXACT);
    }
}
