package org.jilastik.forest;

import org.jilastik.project.ClassifierType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jilastik.error.JilastikException;
import org.jilastik.project.StoredGroup;

/**
 * Reads and writes a project's {@code ClassifierForests} group (spec pixel-classification §4.2; the same layout
 * under {@code PixelClassification}, {@code PixelClassification01}, {@code ObjectClassification},
 * {@code CountClassification}, {@code DivisionDetection}, ...).
 *
 * <p>The classifier type comes from {@code pickled_type}, which is parsed as text and never unpickled. Stateless,
 * thread safe.
 */
public final class ClassifierForestsCodec {
    /** Dataset naming the classifier class (a protocol-0 pickle of the class). */
    public static final String PICKLED_TYPE = "pickled_type";
    /** uint32 dataset: label value of each class column. */
    public static final String KNOWN_LABELS = "known_labels";
    /** Byte-string dataset: the feature channel names. */
    public static final String FEATURE_NAMES = "feature_names";
    /** Optional float dataset: out-of-bag errors per forest. */
    public static final String OOBS = "oobs";
    /** Subgroup holding the single forest of {@code VigraRfLazyflowClassifier}. */
    public static final String SINGLE_FOREST = "forest";

    private ClassifierForestsCodec() {
    }

    /**
     * Decodes a {@code ClassifierForests} group.
     *
     * @param group the group as read from the project
     * @param where its path in the project, for messages (e.g. {@code PixelClassification/ClassifierForests})
     * @throws JilastikException (processing) when the classifier is not a vigra random forest (e.g. scikit-learn),
     *                           or is damaged
     */
    public static VigraClassifier decode(StoredGroup group, String where) {
        String pickled = StoredValues.string(group.datasets().get(PICKLED_TYPE));
        ClassifierType type = ClassifierType.fromPickledType(pickled);
        if (!type.usable()) {
            String what = type == ClassifierType.SKLEARN ? "a scikit-learn classifier"
                    : "a " + ClassifierType.pickledClassName(pickled);
            throw JilastikException.processing("the project's classifier is " + what
                    + ", which jilastik cannot load; retrain it with a vigra random forest in ilastik or with "
                    + "`jilastik --retrain`");
        }
        List<VigraForest> forests = new ArrayList<>();
        if (type == ClassifierType.PARALLEL_VIGRA_RF) {
            for (Map.Entry<String, StoredGroup> e : group.groups().entrySet()) {
                if (e.getKey().startsWith("Forest")) {
                    forests.add(VigraForestCodec.decode(e.getValue(), where + "/" + e.getKey()));
                }
            }
        } else {
            StoredGroup single = group.groups().get(SINGLE_FOREST);
            if (single != null) {
                forests.add(VigraForestCodec.decode(single, where + "/" + SINGLE_FOREST));
            } else if (group.groups().containsKey(VigraForestCodec.EXT_PARAM)) {
                forests.add(VigraForestCodec.decode(group, where));
            }
        }
        if (forests.isEmpty()) {
            throw VigraForestCodec.damaged(where, "it holds no forest");
        }
        VigraForest first = forests.getFirst();
        for (VigraForest f : forests) {
            if (f.columnCount() != first.columnCount() || f.classCount() != first.classCount()) {
                throw VigraForestCodec.damaged(where, "its forests disagree on feature or class counts");
            }
        }
        long[] known = StoredValues.longs(group.datasets().get(KNOWN_LABELS));
        if (known == null) {
            // Old projects did not store the labels: ilastik takes 1..classCount.
            known = new long[first.classCount()];
            for (int i = 0; i < known.length; i++) {
                known[i] = i + 1;
            }
        }
        if (known.length != first.classCount()) {
            throw VigraForestCodec.damaged(where, KNOWN_LABELS + " lists " + known.length + " labels but the forests have "
                    + first.classCount() + " classes");
        }
        for (long label : known) {
            if (label < 1) {
                throw VigraForestCodec.damaged(where, KNOWN_LABELS + " contains label " + label);
            }
        }
        List<String> names = group.datasets().containsKey(FEATURE_NAMES)
                ? StoredValues.strings(group.datasets().get(FEATURE_NAMES)) : List.of();
        if (names == null) {
            throw VigraForestCodec.damaged(where, FEATURE_NAMES + " is not a list of names");
        }
        double[] oobs = group.datasets().containsKey(OOBS) ? StoredValues.doubles(group.datasets().get(OOBS)) : null;
        return new VigraClassifier(type, List.copyOf(forests), known, List.copyOf(names), oobs);
    }

    /**
     * Encodes a classifier into a group named {@code name} with ilastik's layout: {@code pickled_type} (string),
     * {@code known_labels} (uint32 values as {@code long[]}), {@code feature_names} (strings, if any), {@code oobs}
     * (if any), and {@code Forest0000..} (or {@code forest} for single-forest types).
     */
    public static StoredGroup encode(VigraClassifier classifier, String name) {
        Map<String, Object> data = new TreeMap<>();
        data.put(PICKLED_TYPE, classifier.type().pickledType());
        data.put(KNOWN_LABELS, classifier.knownLabels().clone());
        if (!classifier.featureNames().isEmpty()) {
            data.put(FEATURE_NAMES, classifier.featureNames().toArray(String[]::new));
        }
        if (classifier.oobs() != null) {
            data.put(OOBS, classifier.oobs().clone());
        }
        Map<String, StoredGroup> groups = new TreeMap<>();
        if (classifier.type() == ClassifierType.PARALLEL_VIGRA_RF) {
            for (int f = 0; f < classifier.forests().size(); f++) {
                String forestName = "Forest%04d".formatted(f);
                groups.put(forestName, VigraForestCodec.encode(classifier.forests().get(f), forestName));
            }
        } else {
            groups.put(SINGLE_FOREST, VigraForestCodec.encode(classifier.forests().getFirst(), SINGLE_FOREST));
        }
        return new StoredGroup(name, Map.of(), Collections.unmodifiableMap(data), Collections.unmodifiableMap(groups));
    }
}
