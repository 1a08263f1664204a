package org.jilastik.workflow.tracking.graph;

/**
 * hytra's energies for ilastik's conservation tracking (spec tracking §2.6), unweighted and not convexified.
 * All probabilities are doubles (float32 classifier outputs widened before any arithmetic). Stateless.
 */
public final class Energies {
    /** hytra's {@code negLog} floor. */
    public static final double NEG_LOG_FLOOR = 1e-10;
    /** Detection probabilities are clipped to [this, {@link #DETECTION_MAX}] before the logarithm. */
    public static final double DETECTION_MIN = 1e-7;
    /** Upper clip of detection probabilities. */
    public static final double DETECTION_MAX = 0.99999999;
    /** hytra's transition parameter: p = exp(−d / 5). */
    public static final double TRANSITION_PARAMETER = 5.0;

    private Energies() {
    }

    /** {@code −ln(max(p, 1e-10))}. */
    public static double negLog(double p) {
        return -Math.log(Math.max(p, NEG_LOG_FLOOR));
    }

    /**
     * Detection energies for states 0..maxObj; {@code detProb == null} (a resolved merger part) gives the energies
     * of probability 0 for every state, as ilastik's JSON export fills them in.
     */
    public static double[] detection(double[] detProb, int maxObj) {
        double[] e = new double[maxObj + 1];
        for (int k = 0; k <= maxObj; k++) {
            e[k] = detProb == null ? negLog(0)
                    : negLog(Math.min(Math.max(detProb[k], DETECTION_MIN), DETECTION_MAX));
        }
        return e;
    }

    /** Transition energies for states 0..maxObj of a link of length {@code distance}: negLog of [1 − p, p, p, …]. */
    public static double[] transition(double distance, int maxObj) {
        double p = Math.exp(-distance / TRANSITION_PARAMETER);
        double[] e = new double[maxObj + 1];
        e[0] = negLog(1.0 - p);
        for (int k = 1; k <= maxObj; k++) {
            e[k] = negLog(p);
        }
        return e;
    }

    /** Division energies {@code [−ln(1 − p), −ln p]}. */
    public static double[] division(double divProb) {
        return new double[] {negLog(1.0 - divProb), negLog(divProb)};
    }

    /** Appearance or disappearance energies {@code [0, f, f, …]} for border factor f. */
    public static double[] border(double factor, int maxObj) {
        double[] e = new double[maxObj + 1];
        for (int k = 1; k <= maxObj; k++) {
            e[k] = factor;
        }
        return e;
    }

    /** Euclidean distance of two centres after per-axis scaling ({@code scales} in x, y, z order). */
    public static double distance(double[] a, double[] b, double[] scales) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = (a[i] - b[i]) * scales[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }
}
