package org.jilastik.forest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lazyflow classifier class a project's {@code ClassifierForests/pickled_type} names (spec §4.2).
 *
 * <p>Only the name is parsed (by pattern), never unpickled.
 */
public enum ClassifierType {
    /** {@code ParallelVigraRfLazyflowClassifier}: several forests {@code Forest0000..}, averaged by tree count. */
    PARALLEL_VIGRA_RF("ParallelVigraRfLazyflowClassifier",
            "lazyflow.classifiers.parallelVigraRfLazyflowClassifier", true),
    /** {@code VigraRfLazyflowClassifier}: one forest in subgroup {@code forest}. */
    VIGRA_RF("VigraRfLazyflowClassifier", "lazyflow.classifiers.vigraRfLazyflowClassifier", true),
    /** {@code VigraRfPixelwiseClassifier}: one forest in subgroup {@code forest} (a testing classifier). */
    VIGRA_RF_PIXELWISE("VigraRfPixelwiseClassifier", "lazyflow.classifiers.vigraRfPixelwiseClassifier", true),
    /** {@code SklearnLazyflowClassifier}: a pickled scikit-learn object; jilastik cannot use it. */
    SKLEARN("SklearnLazyflowClassifier", "lazyflow.classifiers.sklearnLazyflowClassifier", false),
    /** Any other class (e.g. a neural network or IIBoost classifier); jilastik cannot use it. */
    OTHER("", "", false);

    private static final Pattern PROTOCOL0_GLOBAL = Pattern.compile("c([\\w.]+)\\n(\\w+)\\n");
    private static final Pattern ANY_CLASS_NAME = Pattern.compile("([A-Z]\\w*Classifier)");

    private final String className;
    private final String module;
    private final boolean vigraForest;

    ClassifierType(String className, String module, boolean vigraForest) {
        this.className = className;
        this.module = module;
        this.vigraForest = vigraForest;
    }

    /** The Python class name, e.g. {@code ParallelVigraRfLazyflowClassifier} (empty for {@link #OTHER}). */
    public String className() {
        return className;
    }

    /** Whether the classifier is made of vigra random forests that jilastik reads and predicts with. */
    public boolean isVigraForest() {
        return vigraForest;
    }

    /** The protocol-0 pickle of the class, as ilastik stores it in {@code pickled_type}. */
    public String pickledType() {
        if (this == OTHER) {
            throw new IllegalStateException("no pickle for an unknown classifier class");
        }
        return "c" + module + "\n" + className + "\np0\n.";
    }

    /**
     * The type named by a {@code pickled_type} value; {@code null} (absent) means {@link #PARALLEL_VIGRA_RF},
     * as in ilastik.
     */
    public static ClassifierType fromPickledType(String pickled) {
        if (pickled == null) {
            return PARALLEL_VIGRA_RF;
        }
        String name = pickledClassName(pickled);
        for (ClassifierType t : values()) {
            if (t != OTHER && t.className.equals(name)) {
                return t;
            }
        }
        return OTHER;
    }

    /** The class name inside a pickled class reference (protocol 0..3 GLOBAL, else the first *Classifier word). */
    public static String pickledClassName(String pickled) {
        Matcher m = PROTOCOL0_GLOBAL.matcher(pickled);
        if (m.find()) {
            return m.group(2);
        }
        Matcher any = ANY_CLASS_NAME.matcher(pickled);
        return any.find() ? any.group(1) : pickled.strip();
    }
}
