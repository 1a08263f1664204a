package org.jilastik.forest;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.jilastik.error.JilastikException;

/**
 * Labelled samples for training a random forest: one feature vector and one label value per sample.
 *
 * <p>Layout: {@code features} is sample-major, sample {@code i}'s {@code featureCount} values at
 * {@code [i * featureCount, (i + 1) * featureCount)} (float32, as ilastik hands them to vigra). {@code classes}
 * holds each sample's class column (0-based index into {@code labels}); {@code labels} are the distinct label
 * values in ascending order (ilastik's {@code known_labels}, {@code numpy.unique(y)}). The arrays are owned by this
 * record and must not be modified. Thread safe.
 *
 * @param features     sample-major feature values
 * @param featureCount feature columns per sample
 * @param classes      class column per sample
 * @param labels       label value of each class column, ascending, each ≥ 1
 * @param featureNames one name per feature column (for {@code feature_names} and the importance table)
 */
public record TrainingSet(float[] features, int featureCount, int[] classes, long[] labels,
                          List<String> featureNames) {

    /** Checks the shapes. */
    public TrainingSet {
        if (featureCount < 1 || features.length != (long) classes.length * featureCount) {
            throw new IllegalArgumentException(features.length + " feature values do not hold " + classes.length
                    + " samples of " + featureCount + " features");
        }
        if (featureNames.size() != featureCount) {
            throw new IllegalArgumentException(featureNames.size() + " feature names for " + featureCount
                    + " features");
        }
        featureNames = List.copyOf(featureNames);
    }

    /**
     * Builds a set from label values per sample (1..255 as stored in label images), mapping each distinct value
     * to its class column in ascending order.
     *
     * @param labelValues label value per sample (each ≥ 1)
     */
    public static TrainingSet of(float[] features, int featureCount, int[] labelValues, List<String> featureNames) {
        long[] distinct = Arrays.stream(labelValues).distinct().sorted().mapToLong(v -> v).toArray();
        int[] column = new int[distinct.length == 0 ? 1 : (int) distinct[distinct.length - 1] + 1];
        Arrays.fill(column, -1);
        for (int i = 0; i < distinct.length; i++) {
            column[(int) distinct[i]] = i;
        }
        int[] classes = new int[labelValues.length];
        for (int i = 0; i < labelValues.length; i++) {
            classes[i] = column[labelValues[i]];
        }
        return new TrainingSet(features, featureCount, classes, distinct, featureNames);
    }

    /** Number of samples. */
    public int sampleCount() {
        return classes.length;
    }

    /** Number of classes (distinct label values). */
    public int classCount() {
        return labels.length;
    }

    /**
     * A random subset of {@code proportion} of the samples, drawn without replacement, as ilastik's
     * {@code --label-proportion} does ({@code int(proportion · n)} samples, order as drawn).
     *
     * @throws JilastikException (usage) when the subset loses a class, as ilastik's assertion does
     */
    public TrainingSet subsample(double proportion, long seed) {
        int n = sampleCount();
        int keep = (int) (proportion * n);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < keep; i++) {
            int j = i + random.nextInt(n - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        float[] f = new float[Math.multiplyExact(keep, featureCount)];
        int[] c = new int[keep];
        boolean[] seen = new boolean[classCount()];
        for (int i = 0; i < keep; i++) {
            System.arraycopy(features, order[i] * featureCount, f, i * featureCount, featureCount);
            c[i] = classes[order[i]];
            seen[c[i]] = true;
        }
        for (int k = 0; k < seen.length; k++) {
            if (!seen[k]) {
                throw JilastikException.usage("--label-proportion=" + proportion + " keeps " + keep + " of " + n
                        + " labelled pixels and none of label " + labels[k] + "; give a larger proportion");
            }
        }
        return new TrainingSet(f, featureCount, c, labels, featureNames);
    }
}
