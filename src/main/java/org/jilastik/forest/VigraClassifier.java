package org.jilastik.forest;

import org.jilastik.project.ClassifierType;
import java.util.Arrays;
import java.util.List;

/**
 * A project's stored classifier made of vigra random forests (spec pixel-classification §4.2): the forests in
 * sorted group-name order, the label value of each class column and the feature channel names.
 *
 * <p>Plain data: lists unmodifiable, arrays must not be modified. Thread safe. Predict with
 * {@link ForestPredictor#compile(VigraClassifier, int)}.
 *
 * @param type         the lazyflow classifier class (a vigra type; see {@link ClassifierType#usable()})
 * @param forests      the forests ({@code Forest0000, Forest0001, ...} or the single {@code forest})
 * @param knownLabels  label value (1-based) of each class column ({@code known_labels}, uint32)
 * @param featureNames names of the feature channels ({@code feature_names}); empty when the file has none
 * @param oobs         stored out-of-bag errors ({@code oobs}), or {@code null} when absent
 */
public record VigraClassifier(ClassifierType type, List<VigraForest> forests, long[] knownLabels,
                              List<String> featureNames, double[] oobs) {

    /** Number of feature columns the classifier expects per pixel ({@code column_count_}). */
    public int featureCount() {
        return forests.getFirst().columnCount();
    }

    /** Number of class columns ({@code class_count_}). */
    public int classCount() {
        return forests.getFirst().classCount();
    }

    /** Total number of trees over all forests. */
    public int treeCount() {
        return forests.stream().mapToInt(VigraForest::treeCount).sum();
    }

    /** The largest label value the classifier predicts (0 if none). */
    public long maxLabel() {
        return Arrays.stream(knownLabels).max().orElse(0);
    }

    /**
     * Whether the classifier can serve a project with {@code labelNameCount} label names: ilastik discards (→
     * retrain) a classifier that knows a class beyond the project's labels (spec §7 gotcha 13).
     */
    public boolean fitsLabelCount(int labelNameCount) {
        return maxLabel() <= labelNameCount;
    }

    /** Whether {@code other} is the same classifier: type, labels, names, oobs and every forest equal. */
    public boolean sameAs(VigraClassifier other) {
        if (type != other.type || !Arrays.equals(knownLabels, other.knownLabels)
                || !featureNames.equals(other.featureNames) || !Arrays.equals(oobs, other.oobs)
                || forests.size() != other.forests.size()) {
            return false;
        }
        for (int f = 0; f < forests.size(); f++) {
            if (!forests.get(f).sameAs(other.forests.get(f))) {
                return false;
            }
        }
        return true;
    }
}
