package org.jilastik.workflow.multicut;

import java.util.Locale;
import org.jilastik.error.JilastikException;

/**
 * The multicut solvers of a project's {@code SolverName} that jilastik runs, each reproducing nifty's result
 * (labels included): {@code kernighan-lin} (ilastik's default: GAEC, then Kernighan–Lin) and
 * {@code greedy-additive} (GAEC alone); and {@code ilp}, the exact optimum. Stateless, thread safe.
 */
public enum MulticutSolver {
    /** elf {@code multicut_kernighan_lin} with warm start: GAEC then KL. */
    KERNIGHAN_LIN("kernighan-lin"),
    /** elf {@code multicut_gaec}. */
    GREEDY_ADDITIVE("greedy-additive"),
    /**
     * elf {@code multicut_ilp}: the exact optimum. ilastik needs nifty built with CPLEX, Gurobi or GLPK for it;
     * jilastik solves the same integer program with ojAlgo ({@link MulticutIlp}). Labels are the partition's
     * components numbered in node order, not nifty's values.
     */
    ILP("ilp");

    private final String storedName;

    MulticutSolver(String storedName) {
        this.storedName = storedName;
    }

    /** The {@code SolverName} ilastik stores. */
    public String storedName() {
        return storedName;
    }

    /**
     * The solver a stored {@code SolverName} names (absent or empty: {@code kernighan-lin}).
     *
     * @throws JilastikException (processing) for solvers jilastik does not run
     */
    public static MulticutSolver byStoredName(String name) {
        if (name == null || name.isBlank()) {
            return KERNIGHAN_LIN;
        }
        for (MulticutSolver s : values()) {
            if (s.storedName.equals(name.trim().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw JilastikException.processing("the project's multicut solver \"" + name + "\" is not supported by "
                + "jilastik (it runs kernighan-lin, greedy-additive and ilp); choose one of these in ilastik's Multicut "
                + "applet and save the project");
    }

    /**
     * Solves the multicut.
     *
     * @param g       the region adjacency graph (node = superpixel id)
     * @param weights per edge, positive = attractive (float32 values widened to double, as nifty receives them)
     * @return node labels with nifty's values
     */
    public int[] solve(EdgeGraph g, double[] weights) {
        if (this == ILP) {
            return MulticutIlp.solve(g, weights);
        }
        int[] gaec = GreedyAdditiveContraction.solve(g, weights);
        return this == GREEDY_ADDITIVE ? gaec : KernighanLin.improve(g, weights, gaec);
    }
}
