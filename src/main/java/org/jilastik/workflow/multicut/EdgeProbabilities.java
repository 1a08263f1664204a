package org.jilastik.workflow.multicut;

import java.util.List;
import java.util.Map;
import org.jilastik.forest.ForestPredictor;

/**
 * P(edge is cut) per RAG edge (spec multicut §2.5–2.6): the stored edge random forest on the feature table
 * (probability of label 2, column 1 of a two-label classifier), or, for projects without a classifier
 * ({@code TrainRandomForest} False), the {@code standard_edge_mean} of the watershed input normalised as
 * (x − min)/max(x − min) over all edges in float32. Stateless.
 */
public final class EdgeProbabilities {
    /** The name ilastik gives the watershed-input channel. */
    public static final String BOUNDARY_CHANNEL = "wsdt boundary channel";

    private EdgeProbabilities() {
    }

    /**
     * Classifier probabilities.
     *
     * @param table     the feature table in ilastik's column order
     * @param predictor the compiled edge forest (2 channels: labels 1 = merge, 2 = cut)
     */
    public static float[] fromForest(EdgeFeatures.Table table, ForestPredictor predictor) {
        int rows = table.columns().isEmpty() ? 0 : table.columns().getFirst().length;
        float[] all = predictor.predict(table.rowMajor(), rows);
        int c = predictor.channelCount();
        float[] out = new float[rows];
        for (int i = 0; i < rows; i++) {
            out[i] = c > 1 ? all[i * c + 1] : 0f;
        }
        return out;
    }

    /** The no-classifier rule: normalised mean boundary value along each edge. */
    public static float[] fromBoundaryMean(RegionAdjacencyGraph rag, float[] boundary) {
        EdgeFeatures.Table t = EdgeFeatures.compute(rag, List.of(new EdgeFeatures.Channel(BOUNDARY_CHANNEL,
                boundary)), Map.of(BOUNDARY_CHANNEL, List.of("standard_edge_mean")));
        float[] x = t.columns().getFirst();
        float min = Float.POSITIVE_INFINITY;
        for (float v : x) {
            min = Math.min(min, v);
        }
        float max = Float.NEGATIVE_INFINITY;
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] - min;
            max = Math.max(max, out[i]);
        }
        for (int i = 0; i < x.length; i++) {
            out[i] = out[i] / max;
        }
        return out;
    }
}
