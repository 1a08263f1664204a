package org.jilastik.project;

/**
 * The lazyflow classifier class a stored classifier names in {@code pickled_type}. Only the vigra random forest
 * kinds can be used; an sklearn classifier is a pickled Python object and is never unpickled here.
 */
public enum ClassifierType {
    /** {@code ParallelVigraRfLazyflowClassifier}: forests {@code Forest0000..}; by far the most common. */
    PARALLEL_VIGRA_RF("ParallelVigraRfLazyflowClassifier", true),
    /** {@code VigraRfLazyflowClassifier}: one forest in subgroup {@code forest}. */
    VIGRA_RF("VigraRfLazyflowClassifier", true),
    /** {@code VigraRfPixelwiseClassifier} (rare). */
    VIGRA_RF_PIXELWISE("VigraRfPixelwiseClassifier", true),
    /** {@code SklearnLazyflowClassifier}: a pickled sklearn object; unusable, needs retraining. */
    SKLEARN("SklearnLazyflowClassifier", false),
    /** Any other class; unusable. */
    UNKNOWN("", false);

    private final String className;
    private final boolean usable;

    ClassifierType(String className, boolean usable) {
        this.className = className;
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
}
