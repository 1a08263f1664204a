package org.jilastik.project;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lazyflow classifier class a stored classifier names in {@code pickled_type}. Only the vigra random forest
 * kinds can be used; an sklearn classifier is a pickled Python object and is never unpickled here.
 */
public enum ClassifierType {
    /** {@code ParallelVigraRfLazyflowClassifier}: forests {@code Forest0000..}; by far the most common. */
    PARALLEL_VIGRA_RF("ParallelVigraRfLazyflowClassifier", "lazyflow.classifiers.parallelVigraRfLazyflowClassifier", true),
    /** {@code VigraRfLazyflowClassifier}: one forest in subgroup {@code forest}. */
    VIGRA_RF("VigraRfLazyflowClassifier", "lazyflow.classifiers.vigraRfLazyflowClassifier", true),
    /** {@code VigraRfPixelwiseClassifier} (rare). */
    VIGRA_RF_PIXELWISE("VigraRfPixelwiseClassifier", "lazyflow.classifiers.vigraRfPixelwiseClassifier", true),
    /** {@code SklearnLazyflowClassifier}: a pickled sklearn object; unusable, needs retraining. */
    SKLEARN("SklearnLazyflowClassifier", "lazyflow.classifiers.sklearnLazyflowClassifier", false),
    /** Any other class; unusable. */
    UNKNOWN("", "", false);

    private static final Pattern PROTOCOL0_GLOBAL = Pattern.compile("c([\\w.]+)\\n(\\w+)\\n");
    private static final Pattern ANY_CLASS_NAME = Pattern.compile("([A-Z]\\w*Classifier)");

    private final String className;
    private final String module;
    private final boolean usable;

    ClassifierType(String className, String module, boolean usable) {
        this.className = className;
        this.module = module;
        this.usable = usable;
    }

    /** lazyflow's class name. */
    public String className() {
        return className;
    }

    /** Whether jilastik can predict with it (vigra forests) rather than having to retrain. */
    public boolean usable() {
        return usable;
    }

    /** The type for a class name, {@link #UNKNOWN} if none matches. */
    public static ClassifierType fromClassName(String name) {
        for (ClassifierType t : values()) {
            if (t != UNKNOWN && t.className.equals(name)) {
                return t;
            }
        }
        return UNKNOWN;
    }

    /** The protocol-0 pickle of the class, as ilastik stores it in {@code pickled_type}. */
    public String pickledType() {
        if (this == UNKNOWN) {
            throw new IllegalStateException("no pickle for an unknown classifier class");
        }
        return "c" + module + "\n" + className + "\np0\n.";
    }

    /**
     * The type named by a {@code pickled_type} value (parsed as text, never unpickled); {@code null} (absent)
     * means {@link #PARALLEL_VIGRA_RF}, as in ilastik.
     */
    public static ClassifierType fromPickledType(String pickled) {
        return pickled == null ? PARALLEL_VIGRA_RF : fromClassName(pickledClassName(pickled));
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
