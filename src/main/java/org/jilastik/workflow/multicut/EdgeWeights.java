package org.jilastik.workflow.multicut;

/**
 * ilastik's {@code compute_edge_weights} (spec multicut §2.7), in float32 like numpy does it: p = clip(P(cut),
 * 0.001, 0.999); p' = p/(2T) for p ≤ T, else 0.5 + (p − T)/(2(1 − T)); w = ln(1/p' − 1) + ln(1/β − 1); edges at
 * superpixel 0 get −1000. Positive weights are attractive. Stateless.
 */
public final class EdgeWeights {
    private EdgeWeights() {
    }

    /**
     * @param cutProbability per edge P(edge is a true boundary)
     * @param u              lower superpixel id per edge
     * @param threshold      {@code ProbabilityThreshold} T
     * @param beta           {@code Beta}
     * @return float32 weights widened to double (what nifty receives)
     */
    public static double[] of(float[] cutProbability, int[] u, double threshold, double beta) {
        // numpy float32 arithmetic: Python-float operands are rounded to float32 first
        float lowClip = 0.001f;
        float highClip = 0.999f;
        float t = (float) threshold;
        float twoT = (float) (2 * threshold);
        float twoOneMinusT = (float) (2 * (1 - threshold));
        float prior = (float) Math.log(1 / beta - 1);
        double[] w = new double[cutProbability.length];
        for (int e = 0; e < w.length; e++) {
            float p = Math.min(highClip, Math.max(lowClip, cutProbability[e]));
            float q = p <= t ? p / twoT : 0.5f + (p - t) / twoOneMinusT;
            float logit = (float) Math.log(1f / q - 1f);
            w[e] = u[e] == 0 ? -1000.0 : (double) (logit + prior);
        }
        return w;
    }
}
