package org.jilastik.workflow.tracking.graph;

import org.jilastik.workflow.tracking.solver.Solution;

/**
 * The final, merger-resolved hypotheses graph with its solution (spec tracking §2.8–2.9): what lineage ids are
 * computed on and what the JSON and event-sequence exports describe. Resolved merger nodes are gone; their parts
 * are appended after the other nodes. Arrays are owned by this record and must not be modified.
 *
 * @param graph          nodes (parts carry the GMM mean as centre, no probabilities) and links
 * @param uuids          hytra uuid of each node: the node's index in the main solve, parts numbered on from
 *                       the largest
 * @param solution       node values, link values in {@link HypothesesGraph#links()} order, divisions
 * @param mergerLabelIds the merged object's original id on each resolved part, else 0
 */
public record FinalGraph(HypothesesGraph graph, int[] uuids, Solution solution, int[] mergerLabelIds) {
}
