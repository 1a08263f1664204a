package org.jilastik.workflow.tracking.solver;

/**
 * The weights dpct multiplies the feature vectors with (spec tracking §2.6): every state's energy is
 * {@code weight × feature}.
 *
 * @param transition    weight of link features
 * @param detection     weight of detection features
 * @param division      weight of division features (unused when the model has no division features)
 * @param appearance    weight of appearance features
 * @param disappearance weight of disappearance features
 */
public record Weights(double transition, double detection, double division, double appearance,
        double disappearance) {

    /** The merger re-link weights of {@code trackMaxFlow}: all 1, no divisions. */
    public static final Weights UNIT = new Weights(1, 1, 0, 1, 1);
}
