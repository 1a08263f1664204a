package org.jilastik.workflow.tracking.solver;

/** Solves a {@link TrackingModel}: assigns object counts to nodes and links, and decides divisions. */
public interface TrackingSolver {
    /**
     * Solves the model. Implementations are deterministic and thread safe (no shared state).
     *
     * @param model   the problem; not modified
     * @param weights the energy weights
     */
    Solution solve(TrackingModel model, Weights weights);
}
