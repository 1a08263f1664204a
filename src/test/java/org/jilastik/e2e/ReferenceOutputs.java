package org.jilastik.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.jhdf.HdfFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.jilastik.e2e.Tolerance.Kind;

/**
 * Compares one file jilastik wrote with the file ilastik wrote for the same command: name (by the caller),
 * dtype, shape, axistags and other attributes, and the values within the tolerance of the export source.
 */
final class ReferenceOutputs {
    private ReferenceOutputs() {
    }

    /**
     * @param exportSource the command's {@code --export_source}
     * @param fullShape    the shape jilastik must write (ilastik's reference may be a corner crop of it)
     * @param project      the project file (for the feature names), or null
     */
    static void compare(Path ours, Path reference, String datasetPath, String exportSource, long[] fullShape,
            double scale, Path project) throws IOException {
        compare(ours, reference, datasetPath, exportSource, fullShape, scale, project, "PixelClassification");
    }

    /**
     * As {@link #compare(Path, Path, String, String, long[], double, Path)}, with the feature names of the
     * classifier stored in {@code classifierGroup} (Autocontext stage k: {@code PixelClassification0<k-1>}).
     */
    static void compare(Path ours, Path reference, String datasetPath, String exportSource, long[] fullShape,
            double scale, Path project, String classifierGroup) throws IOException {
        ExportedFile o = ExportedFile.read(ours, datasetPath);
        ExportedFile r = ExportedFile.read(reference, datasetPath);
        Tolerance.sameMetadata(o, r);
        Kind kind = Tolerance.Kind.ofSource(exportSource);
        List<String> names = kind == Kind.FEATURES && project != null ? featureNames(project, classifierGroup)
                : null;
        Tolerance.check(kind, o, r, fullShape == null ? r.shape() : fullShape, scale, names);
    }

    /**
     * The Features export's channel names stored with the forest of {@code classifierGroup}, or null when the
     * project has none.
     */
    static List<String> featureNames(Path project, String classifierGroup) {
        try (HdfFile f = new HdfFile(project)) {
            Object data = f.getDatasetByPath(classifierGroup + "/ClassifierForests/feature_names").getData();
            if (data instanceof String[] s) {
                return Arrays.asList(s);
            }
            return null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The shape of the whole export behind a reference file: the README's "↳ cropped from full export" row under
     * the file's row, else the reference file's own shape (null).
     */
    static long[] fullShape(String caseName, String file) throws IOException {
        List<String[]> rows = CaseReadme.table(caseName, "## Outputs");
        for (int i = 0; i < rows.size(); i++) {
            if (file.equals(CaseReadme.code(rows.get(i)[0]))) {
                if (i + 1 < rows.size() && rows.get(i + 1)[0].startsWith("↳ cropped from full export")) {
                    return parseShape(rows.get(i + 1)[2]);
                }
                return null;
            }
        }
        throw new AssertionError(file + " is not in the Outputs table of " + caseName + "/README.md");
    }

    static long[] parseShape(String tuple) {
        String inner = tuple.trim().replaceAll("^\\(|\\)$", "");
        long[] s = Arrays.stream(inner.split(",")).map(String::trim).filter(t -> !t.isEmpty())
                .mapToLong(Long::parseLong).toArray();
        assertThat(s).as("shape %s", tuple).isNotEmpty();
        return s;
    }
}
