package org.jilastik.forest;

import org.jilastik.project.ClassifierType;
import java.util.Arrays;

/**
 * Predicts class probabilities by walking vigra's own tree encoding pixel by pixel, operation for operation as
 * vigra's {@code RandomForest::predictProbabilities} and lazyflow's classifiers do (spec pixel-classification
 * §4.4). Slow; it is the yardstick for {@link ForestPredictor} and its fallback for the rare forests the fast
 * path does not cover (leaf-weighted prediction, leaves whose probabilities do not sum to 1).
 *
 * <p>Numerics per forest f and pixel: a pixel with a NaN feature gets all zeros; otherwise
 * {@code acc[l] = Σ_trees float(leafprob[l] · w)} in float32 (w = leaf weight when {@code predict_weighted_},
 * else 1), {@code total = Σ_trees Σ_l leafprob[l] · w} in float64, {@code p_f[l] = acc[l] / float(total)} in
 * float32. {@link ClassifierType#PARALLEL_VIGRA_RF} then forms {@code P = (Σ_f p_f · T_f) / Σ_f T_f} in float32
 * (T_f = tree count, forests in order); single-forest types use {@code p_0}. Class column l goes to output
 * channel {@code knownLabels[l] − 1}; other channels are 0.
 *
 * <p>Immutable and thread safe; callers own the arrays they pass.
 */
public final class VigraReferencePredictor {
    private final VigraClassifier classifier;
    private final int channelCount;

    /**
     * @param classifier   the classifier
     * @param channelCount output channels per pixel (the project's label count; at least the largest known label)
     */
    public VigraReferencePredictor(VigraClassifier classifier, int channelCount) {
        if (channelCount < classifier.maxLabel()) {
            throw new IllegalArgumentException("channelCount " + channelCount + " < largest label "
                    + classifier.maxLabel());
        }
        this.classifier = classifier;
        this.channelCount = channelCount;
    }

    /**
     * Predicts {@code pixelCount} pixels.
     *
     * @param features pixel-major features: pixel i's F values at {@code [featureOffset + i·F, ... + F)}
     * @param out      pixel-major probabilities: pixel i's channels at {@code [outOffset + i·C, ... + C)}
     */
    public void predict(float[] features, int featureOffset, int pixelCount, float[] out, int outOffset) {
        int nf = classifier.featureCount();
        int k = classifier.classCount();
        boolean parallel = classifier.type() == ClassifierType.PARALLEL_VIGRA_RF;
        float totalTrees = classifier.treeCount();
        float[] combined = new float[k];
        float[] perForest = new float[k];
        for (int i = 0; i < pixelCount; i++) {
            int x = featureOffset + i * nf;
            Arrays.fill(combined, 0f);
            for (VigraForest forest : classifier.forests()) {
                predictForest(forest, features, x, nf, perForest);
                for (int l = 0; l < k; l++) {
                    combined[l] = parallel ? combined[l] + perForest[l] * (float) forest.treeCount() : perForest[l];
                }
            }
            int o = outOffset + i * channelCount;
            Arrays.fill(out, o, o + channelCount, 0f);
            for (int l = 0; l < k; l++) {
                out[o + (int) classifier.knownLabels()[l] - 1] = parallel ? combined[l] / totalTrees : combined[l];
            }
        }
    }

    private static void predictForest(VigraForest forest, float[] features, int x, int nf, float[] prob) {
        int k = prob.length;
        Arrays.fill(prob, 0f);
        for (int c = 0; c < nf; c++) {
            if (Float.isNaN(features[x + c])) {
                return;
            }
        }
        boolean weighted = forest.predictWeighted();
        double total = 0;
        for (VigraTree tree : forest.trees()) {
            int[] top = tree.topology();
            double[] par = tree.parameters();
            int n = VigraTree.ROOT;
            while (top[n] == VigraTree.THRESHOLD_SPLIT) {
                double value = features[x + top[n + 4]];
                n = value < par[top[n + 1] + 1] ? top[n + 2] : top[n + 3];
            }
            int p = top[n + 1];
            double w = weighted ? par[p] : 1.0;
            for (int l = 0; l < k; l++) {
                double cur = par[p + 1 + l] * w;
                prob[l] += (float) cur;
                total += cur;
            }
        }
        for (int l = 0; l < k; l++) {
            prob[l] /= (float) total;
        }
    }
}
