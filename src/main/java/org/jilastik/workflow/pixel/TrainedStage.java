package org.jilastik.workflow.pixel;

import org.jilastik.project.ClassifierType;
import java.util.ArrayList;
import java.util.List;
import org.jilastik.error.JilastikException;
import org.jilastik.features.FeatureSelection;
import org.jilastik.forest.ForestPredictor;
import org.jilastik.forest.VigraClassifier;
import org.jilastik.forest.VigraForest;
import org.jilastik.forest.VigraForestCodec;
import org.jilastik.project.ClassifierGroup;
import org.jilastik.project.PixelStage;
import org.jilastik.project.StoredClassifier;
import org.jilastik.project.StoredGroup;

/**
 * One trained pixel-classification stage, ready to predict: the feature selection and the compiled forests.
 *
 * <p>Immutable and thread safe.
 *
 * @param number      stage number (1 for plain pixel classification)
 * @param features    which features feed the classifier
 * @param predictor   the compiled forests; output channel {@code i} = label value {@code i + 1}
 * @param classNames  the project's label names (one probability channel each)
 */
public record TrainedStage(int number, FeatureSelection features, ForestPredictor predictor, List<String> classNames) {

    /** Number of probability channels. */
    public int classCount() {
        return predictor.channelCount();
    }

    /**
     * Loads a stage of a project.
     *
     * @throws JilastikException (processing) when the stage has no usable stored classifier, saying what to do
     */
    public static TrainedStage of(PixelStage stage) {
        ClassifierGroup group = stage.classifier();
        if (stage.features() == null) {
            throw JilastikException.processing("the project selects no pixel features (" + stage.featureGroup()
                    + "); open it in ilastik, select features, train and save it");
        }
        StoredClassifier stored = group == null ? null : group.classifier();
        if (stored == null || stored.forests().isEmpty()) {
            throw JilastikException.processing("the project has no trained classifier in "
                    + (group == null ? "its PixelClassification group" : group.path())
                    + " and no labels to train one from; label and train it in ilastik, or with \"jilastik train\"");
        }
        if (!stored.type().usable()) {
            throw JilastikException.processing("the project's classifier in " + stored.groupPath() + " is a "
                    + stored.type().className() + ", which jilastik cannot load; retrain it with ilastik's default "
                    + "random forest and save the project");
        }
        List<VigraForest> forests = new ArrayList<>();
        for (int i = 0; i < stored.forests().size(); i++) {
            StoredGroup g = stored.forests().get(i);
            forests.add(VigraForestCodec.decode(g, stored.groupPath() + "/" + g.name()));
        }
        long[] known = stored.knownLabels();
        if (known == null) {
            known = new long[forests.getFirst().classCount()];
            for (int i = 0; i < known.length; i++) {
                known[i] = i + 1;
            }
        }
        int classes = forests.getFirst().classCount();
        if (known.length != classes || java.util.Arrays.stream(known).anyMatch(l -> l < 1 || l > Integer.MAX_VALUE)) {
            // a damaged known_labels dataset (found by fuzzing: an empty one threw ArrayIndexOutOfBounds)
            throw JilastikException.processing("the classifier in " + stored.groupPath() + " stores the labels "
                    + java.util.Arrays.toString(known) + " for a forest of " + classes + " classes; the project is "
                    + "damaged: save it again in ilastik");
        }
        VigraClassifier classifier = new VigraClassifier(stored.type(), forests, known,
                stored.featureNames() == null ? List.of() : stored.featureNames(), null);
        return of(stage, classifier);
    }

    /**
     * A stage of a project with a classifier given from elsewhere (trained by jilastik); the probability channels
     * follow the stage's label names (or the classifier's largest label when the project names none).
     */
    public static TrainedStage of(PixelStage stage, VigraClassifier classifier) {
        ClassifierGroup group = stage.classifier();
        List<String> names = group == null ? List.of() : group.classes().names();
        int channels = names.isEmpty() ? (int) classifier.maxLabel() : names.size();
        if (classifier.maxLabel() > channels) {
            throw JilastikException.processing("the classifier in " + (group == null ? "the project" : group.path())
                    + " predicts label "
                    + classifier.maxLabel() + " but the project names only " + channels + " label classes; the "
                    + "project is damaged: save it again in ilastik");
        }
        return new TrainedStage(stage.number(), stage.features(), ForestPredictor.compile(classifier, channels), names);
    }

    /**
     * Whether {@link #of(PixelStage)} can load the stage's stored classifier without training: one is stored, of
     * a usable type, and it knows no label beyond the project's label names (else ilastik discards it, spec §3.2).
     */
    public static boolean hasUsableClassifier(PixelStage stage) {
        ClassifierGroup group = stage.classifier();
        StoredClassifier stored = group == null ? null : group.classifier();
        if (stored == null || stored.forests().isEmpty() || !stored.type().usable()) {
            return false;
        }
        long[] known = stored.knownLabels();
        int names = group.classes().count();
        if (known == null || names == 0) {
            return true;
        }
        return java.util.Arrays.stream(known).max().orElse(0) <= names;
    }
}
