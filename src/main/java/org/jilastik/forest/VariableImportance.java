package org.jilastik.forest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.jilastik.error.JilastikException;

/**
 * Per-feature importance of a trained forest, the measures of vigra's {@code VariableImportanceVisitor} that
 * ilastik tabulates for {@code --variable-importance-path}: per class and overall, the mean over trees of the
 * decrease in correctly classified out-of-bag samples when the feature's values are permuted among them, divided
 * by the tree's out-of-bag count; and the Gini decrease the feature's splits achieved (mean over trees).
 *
 * <p>{@code values[f]} = {@code [class 0 .. class K−1, overall, gini]} for feature {@code f}. Plain data; the
 * arrays must not be modified. Thread safe.
 *
 * @param featureNames the feature names in column order
 * @param values       per feature, K + 2 measures
 */
public record VariableImportance(List<String> featureNames, double[][] values) {
    /** The file ilastik writes inside the {@code --variable-importance-path} directory. */
    public static final String FILE_NAME = "varimp.txt";

    /** Importances of one grown tree, with its own out-of-bag samples and a permutation stream. */
    static double[][] ofTree(TreeBuilder.Grown grown, TrainingSet data, SplittableRandom random) {
        int columns = data.featureCount();
        int classes = data.classCount();
        double[][] out = new double[columns][classes + 2];
        int[] oob = outOfBag(grown.inBag());
        if (oob.length > 0) {
            float[] row = new float[columns];
            int[] correct = new int[classes];
            for (int s : oob) {
                System.arraycopy(data.features(), s * columns, row, 0, columns);
                if (predict(grown.tree(), row, classes) == data.classes()[s]) {
                    correct[data.classes()[s]]++;
                }
            }
            int[] shuffled = oob.clone();
            for (int f = 0; f < columns; f++) {
                for (int i = shuffled.length - 1; i > 0; i--) {
                    int j = random.nextInt(i + 1);
                    int t = shuffled[i];
                    shuffled[i] = shuffled[j];
                    shuffled[j] = t;
                }
                int[] permuted = new int[classes];
                for (int i = 0; i < oob.length; i++) {
                    int s = oob[i];
                    System.arraycopy(data.features(), s * columns, row, 0, columns);
                    row[f] = data.features()[shuffled[i] * columns + f];
                    if (predict(grown.tree(), row, classes) == data.classes()[s]) {
                        permuted[data.classes()[s]]++;
                    }
                }
                double overall = 0;
                for (int c = 0; c < classes; c++) {
                    out[f][c] = (double) (correct[c] - permuted[c]) / oob.length;
                    overall += correct[c] - permuted[c];
                }
                out[f][classes] = overall / oob.length;
            }
        }
        for (int f = 0; f < columns; f++) {
            out[f][classes + 1] = grown.giniDecrease()[f];
        }
        return out;
    }

    /** The mean of the trees' importances. */
    static VariableImportance average(double[][][] perTree, List<String> names, int classes) {
        int columns = names.size();
        double[][] mean = new double[columns][classes + 2];
        for (double[][] tree : perTree) {
            for (int f = 0; f < columns; f++) {
                for (int k = 0; k < classes + 2; k++) {
                    mean[f][k] += tree[f][k] / perTree.length;
                }
            }
        }
        return new VariableImportance(names, mean);
    }

    /**
     * The table as ilastik writes it: CSV ({@code ,} separated, {@code \n} line ends), a header
     * {@code Feature Name} (padded to the longest name), {@code   Class #0} .. , {@code    Overall},
     * {@code       Gini}, then one row per feature sorted by the overall column ascending, each number formatted
     * as Python's {@code "{: .07f}"} right-aligned to 10 characters; fields holding a comma or quote are quoted.
     */
    public String table() {
        int width = featureNames.stream().mapToInt(String::length).max().orElse(0);
        int classes = values.length == 0 ? 0 : values[0].length - 2;
        StringBuilder sb = new StringBuilder();
        List<String> header = new ArrayList<>();
        header.add(pad("Feature Name", width));
        for (int c = 0; c < classes; c++) {
            header.add("  Class #" + c);
        }
        header.add("   Overall");
        header.add("      Gini");
        row(sb, header);
        List<Integer> order = new ArrayList<>();
        for (int f = 0; f < values.length; f++) {
            order.add(f);
        }
        order.sort(Comparator.comparingDouble(f -> values[f][classes]));
        for (int f : order) {
            List<String> fields = new ArrayList<>();
            fields.add(pad(featureNames.get(f), width));
            for (double v : values[f]) {
                String s = String.format(Locale.ROOT, "% .7f", v);
                fields.add(" ".repeat(Math.max(0, 10 - s.length())) + s);
            }
            row(sb, fields);
        }
        return sb.toString();
    }

    /**
     * Writes {@link #table()} to {@value #FILE_NAME} inside {@code directory} (ilastik's
     * {@code os.path.join(path, 'varimp.txt')}), replacing an existing file.
     *
     * @return the file written
     * @throws JilastikException (processing) when the directory does not exist or cannot be written
     */
    public Path writeInto(Path directory) {
        return writeInto(directory, FILE_NAME);
    }

    /** Like {@link #writeInto(Path)} with another file name (later Autocontext stages). */
    public Path writeInto(Path directory, String fileName) {
        Path file = directory.resolve(fileName);
        if (!Files.isDirectory(directory)) {
            throw JilastikException.processing("--variable-importance-path " + directory + " is not a directory; "
                    + "give an existing directory (the table is written to " + fileName + " inside it)");
        }
        try {
            Files.writeString(file, table(), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw JilastikException.processing("cannot write the variable importance table " + file + " ("
                    + e.getMessage() + "); check the directory's permissions", e);
        }
    }

    private static void row(StringBuilder sb, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            String f = fields.get(i);
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0) {
                f = '"' + f.replace("\"", "\"\"") + '"';
            }
            sb.append(i == 0 ? "" : ",").append(f);
        }
        sb.append('\n');
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

    private static int[] outOfBag(boolean[] inBag) {
        int n = 0;
        for (boolean b : inBag) {
            n += b ? 0 : 1;
        }
        int[] out = new int[n];
        int k = 0;
        for (int i = 0; i < inBag.length; i++) {
            if (!inBag[i]) {
                out[k++] = i;
            }
        }
        return out;
    }

    // The class column a single tree votes for (largest leaf probability, first on ties).
    static int predict(VigraTree tree, float[] row, int classes) {
        int[] top = tree.topology();
        double[] par = tree.parameters();
        int n = VigraTree.ROOT;
        while (top[n] == VigraTree.THRESHOLD_SPLIT) {
            n = row[top[n + 4]] < par[top[n + 1] + 1] ? top[n + 2] : top[n + 3];
        }
        int p = top[n + 1] + 1;
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (par[p + c] > par[p + best]) {
                best = c;
            }
        }
        return best;
    }
}
