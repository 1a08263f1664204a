package org.jilastik.project;

/**
 * Training settings from a pickled classifier factory ({@code ClassifierFactory}, spec pixel-classification §4.1),
 * parsed by {@link ClassifierFactoryParser}; only needed for retraining.
 *
 * @param module                    the factory's Python module, e.g.
 *                                  {@code lazyflow.classifiers.parallelVigraRfLazyflowClassifier}
 * @param className                 the factory class, e.g. {@code ParallelVigraRfLazyflowClassifierFactory}
 * @param version                   the state's {@code VERSION}, or null (1.2 era)
 * @param numTrees                  {@code _num_trees}, or null (then ilastik's default of 100 applies)
 * @param labelProportion           {@code _label_proportion}, or null (None)
 * @param numForests                {@code _num_forests}, or null (then the thread count)
 * @param variableImportanceEnabled {@code _variable_importance_enabled}
 * @param variableImportancePath    {@code _variable_importance_path}, or null
 */
public record ClassifierFactorySettings(String module, String className, Integer version, Integer numTrees,
                                        Double labelProportion, Integer numForests,
                                        boolean variableImportanceEnabled, String variableImportancePath) {
    /** ilastik's default total tree count. */
    public static final int DEFAULT_TREES = 100;

    /** The tree count to train with: {@link #numTrees} or 100. */
    public int treesOrDefault() {
        return numTrees == null ? DEFAULT_TREES : numTrees;
    }

    /** The classifier type the factory trains (from its class name, {@code Factory} stripped). */
    public ClassifierType classifierType() {
        String c = className == null ? "" : className;
        return ClassifierType.fromClassName(c.endsWith("Factory") ? c.substring(0, c.length() - 7) : c);
    }
}
