package org.jilastik.workflow.tracking;

import org.jilastik.workflow.tracking.solver.IntegerProgramSolver;
import org.jilastik.workflow.tracking.solver.TrackingSolver;

/** The exact MIP solver reproduces both recorded dpct results (on tracking-2dt dpct's answer is the optimum). */
class IntegerProgramSolverTest extends TrackingSolverContractTest {
    @Override
    TrackingSolver solver() {
        return new IntegerProgramSolver();
    }
}
