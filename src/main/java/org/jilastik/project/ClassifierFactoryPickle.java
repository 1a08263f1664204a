package org.jilastik.project;

/**
 * Writes the protocol-0 pickle text of ilastik's {@code ParallelVigraRfLazyflowClassifierFactory} (spec
 * pixel-classification §4.1), the {@code ClassifierFactory} dataset of a project: the same opcodes, memo numbers
 * and key order that Python's {@code pickle.dumps(factory, 0)} produces, so that ilastik unpickles it and
 * {@link ClassifierFactoryParser} reads it back. Text only; nothing is executed. Stateless.
 */
public final class ClassifierFactoryPickle {
    private ClassifierFactoryPickle() {
    }

    /**
     * The pickle of a factory with these settings.
     *
     * @param numTrees               total trees
     * @param numForests             forests the trees are spread over
     * @param labelProportion        {@code _label_proportion}, or null (None)
     * @param variableImportancePath {@code _variable_importance_path}, or null (None)
     */
    public static String of(int numTrees, int numForests, Double labelProportion, String variableImportancePath) {
        StringBuilder sb = new StringBuilder();
        sb.append("ccopy_reg\n_reconstructor\np0\n(clazyflow.classifiers.parallelVigraRfLazyflowClassifier\n")
                .append("ParallelVigraRfLazyflowClassifierFactory\np1\nc__builtin__\nobject\np2\nNtp3\nRp4\n(dp5\n");
        int[] memo = {6};
        key(sb, "VERSION", memo).append("I2\n");
        key(sb, "_num_trees", memo).append('I').append(numTrees).append('\n');
        key(sb, "_label_proportion", memo);
        if (labelProportion == null) {
            sb.append('N');
        } else {
            sb.append('F').append(pythonRepr(labelProportion)).append('\n');
        }
        key(sb, "_variable_importance_path", memo);
        if (variableImportancePath == null) {
            sb.append('N');
        } else {
            sb.append('V').append(escape(variableImportancePath)).append("\np").append(memo[0]++).append('\n');
        }
        key(sb, "_variable_importance_enabled", memo).append(variableImportancePath == null ? "I00\n" : "I01\n");
        key(sb, "_kwargs", memo).append("(dp").append(memo[0]++).append('\n');
        key(sb, "_num_forests", memo).append('I').append(numForests).append('\n');
        return sb.append("sb.").toString();
    }

    // "s" closes the previous key/value pair (setitem), except before the first key; then the memoised key.
    private static StringBuilder key(StringBuilder sb, String name, int[] memo) {
        if (!name.equals("VERSION")) {
            sb.append('s');
        }
        return sb.append('V').append(name).append("\np").append(memo[0]++).append('\n');
    }

    // Python's repr of a float (shortest round-trip), as protocol 0 writes it after F.
    private static String pythonRepr(double v) {
        String s = Double.toString(v);
        if (s.contains("E")) {
            s = String.format(java.util.Locale.ROOT, "%.17g", v);
        }
        return s;
    }

    // raw-unicode-escape of protocol 0 unicode strings: backslash and newline as \\u escapes.
    private static String escape(String s) {
        return s.replace("\\", "\\u005c").replace("\n", "\\u000a");
    }
}
