package org.jilastik.workflow.objects;

import java.util.ArrayList;
import java.util.List;
import org.jilastik.error.JilastikException;
import org.jilastik.forest.ForestPredictor;
import org.jilastik.forest.VigraClassifier;
import org.jilastik.forest.VigraForest;
import org.jilastik.forest.VigraForestCodec;
import org.jilastik.project.ClassifierGroup;
import org.jilastik.project.StoredClassifier;
import org.jilastik.project.StoredGroup;

/**
 * The project's object classifier (spec object-classification §6): the stored vigra forests applied to the
 * per-object feature matrix of {@link ObjectFeaturePlan#classifierColumns()}. Immutable, thread safe.
 */
public final class ObjectClassifier {
    private final ForestPredictor predictor;
    private final List<String> classNames;

    private ObjectClassifier(ForestPredictor predictor, List<String> classNames) {
        this.predictor = predictor;
        this.classNames = classNames;
    }

    /**
     * Loads the classifier of the {@code ObjectClassification} group.
     *
     * @throws JilastikException (processing) when the project holds no usable object classifier
     */
    public static ObjectClassifier of(ClassifierGroup group, String project) {
        StoredClassifier stored = group == null ? null : group.classifier();
        if (stored == null || stored.forests().isEmpty()) {
            throw JilastikException.processing(project + " holds no trained object classifier; open it in ilastik,"
                    + " label objects, train the classifier and save the project");
        }
        if (!stored.type().usable()) {
            throw JilastikException.processing("the object classifier in " + stored.groupPath() + " is a "
                    + stored.type().className() + ", which jilastik cannot load; retrain it with ilastik's default "
                    + "random forest and save the project");
        }
        List<VigraForest> forests = new ArrayList<>();
        for (StoredGroup g : stored.forests()) {
            forests.add(VigraForestCodec.decode(g, stored.groupPath() + "/" + g.name()));
        }
        long[] known = stored.knownLabels();
        if (known == null) {
            known = new long[forests.getFirst().classCount()];
            for (int i = 0; i < known.length; i++) {
                known[i] = i + 1;
            }
        }
        VigraClassifier c = new VigraClassifier(stored.type(), forests, known,
                stored.featureNames() == null ? List.of() : stored.featureNames(), null);
        List<String> names = new ArrayList<>(group.classes().names());
        int channels = names.isEmpty() ? (int) c.maxLabel() : names.size();
        for (int i = names.size(); i < channels; i++) {
            names.add("Label " + (i + 1));
        }
        return new ObjectClassifier(ForestPredictor.compile(c, channels), List.copyOf(names));
    }

    /** Class names in probability-channel order. */
    public List<String> classNames() {
        return classNames;
    }

    /** Number of classes. */
    public int classCount() {
        return predictor.channelCount();
    }

    /** Feature columns the forest expects. */
    public int featureCount() {
        return predictor.featureCount();
    }

    /**
     * Probabilities of objects 1..count, {@code (count+1)·C} row-major with row 0 = 0.
     *
     * @param matrix {@code count·F} row-major features of objects 1..count (float32, NaN/Inf already 0)
     */
    public float[] predict(float[] matrix, int count) {
        int c = classCount();
        float[] out = new float[(count + 1) * c];
        if (count > 0) {
            predictor.predict(matrix, 0, count, out, c);
        }
        return out;
    }

    /** Predicted class (1 + first argmax) per object, 0 for the background row. */
    public int[] predictedClasses(float[] probabilities, int count) {
        int c = classCount();
        int[] out = new int[count + 1];
        for (int o = 1; o <= count; o++) {
            int best = 0;
            for (int k = 1; k < c; k++) {
                if (probabilities[o * c + k] > probabilities[o * c + best]) {
                    best = k;
                }
            }
            out[o] = best + 1;
        }
        return out;
    }

    /**
     * The classifier's feature matrix: for each column feature of {@code plan} its k values, float32, NaN and
     * infinities replaced by 0 (ilastik's missing value), objects 1..count row-major.
     *
     * @throws JilastikException (processing) when the column count does not match the forest
     */
    public float[] matrix(ObjectFeaturePlan plan, ObjectFeatures features) {
        int count = features.count();
        if (count == 0) {
            return new float[0]; // a region without objects (blockwise sources): some features are not computed
        }
        int width = 0;
        for (String f : plan.classifierColumns()) {
            width += features.width(f);
        }
        if (count > 0 && width != featureCount() && plan.convexHullSelected() && featureCount() > width) {
            throw JilastikException.processing("the object classifier expects " + featureCount()
                    + " feature columns but the project's selected features give " + width + ": it was trained"
                    + " with convex-hull feature values, which jilastik does not compute (nor does the ilastik build"
                    + " it reproduces); deselect the convex hull features in ilastik and retrain");
        }
        if (count > 0 && width != featureCount()) {
            throw JilastikException.processing("the object classifier expects " + featureCount()
                    + " feature columns but the project's selected features give " + width
                    + "; retrain the object classifier in ilastik and save the project");
        }
        float[] out = new float[count * width];
        int col = 0;
        for (String f : plan.classifierColumns()) {
            double[] v = features.values().get(f);
            int k = features.width(f);
            for (int o = 1; o <= count; o++) {
                for (int j = 0; j < k; j++) {
                    float x = (float) v[o * k + j];
                    out[(o - 1) * width + col + j] = Float.isFinite(x) ? x : 0f;
                }
            }
            col += k;
        }
        return out;
    }
}
