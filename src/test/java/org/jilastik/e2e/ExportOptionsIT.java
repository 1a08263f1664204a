package org.jilastik.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The variants of testdata/ilastik-ref/export-options that ilastik completed in the formats jilastik writes (hdf5,
 * compressed hdf5, tif, tiff), run through the jar with the README's command line; every file ilastik created
 * must be created under the same name (and no other), with the same dataset, dtype, shape, axistags, attributes
 * or TIFF tags, and values within the tolerance of the export source (an integer export of probabilities scaled
 * by {@code --export_drange} is judged as probabilities after dividing by the range; a plain cast as labels).
 */
class ExportOptionsIT {
    static final String CASE = "export-options";
    static final Set<String> FORMATS = Set.of("hdf5", "compressed hdf5", "tif", "tiff");
    /** Completed variants in those formats in the README (cutouts fail in ilastik and are not among them). */
    static final int VARIANTS = 33;

    static Stream<Arguments> variants() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (String[] row : CaseReadme.table(CASE, "## Variants")) {
            List<String> args = CaseReadme.ilastikArgs(CaseReadme.code(row[1]));
            CaseReadme.Command cmd = new CaseReadme.Command(row[0], args);
            if (!row[2].equals("0") || !FORMATS.contains(cmd.flag("output_format"))) {
                continue;
            }
            List<String> files = new ArrayList<>();
            for (String f : row[3].split("<br>")) {
                files.add(CaseReadme.code(f));
            }
            out.add(Arguments.of(cmd, files));
        }
        if (out.size() != VARIANTS) {
            throw new IllegalStateException(out.size() + " export-options variants parsed, " + VARIANTS + " expected");
        }
        return out.stream();
    }

    @Test
    void variantsAreParsed() throws IOException {
        assertThat(variants()).hasSize(VARIANTS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void writesWhatIlastikWrote(CaseReadme.Command cmd, List<String> files, @TempDir Path dir) throws IOException {
        Path work = Workspace.of(CASE, dir);
        Files.createDirectories(work.resolve("out").resolve(cmd.name()));
        Jilastik.Result r = Jilastik.run(work, Map.of(), cmd.args());
        assertThat(r.exitCode()).as(r.describe()).isZero();
        Path outDir = work.resolve("out").resolve(cmd.name());
        assertThat(Workspace.filesUnder(outDir)).as("files written").containsExactlyInAnyOrderElementsOf(files);
        String source = cmd.flag("export_source");
        String dtype = cmd.flag("export_dtype");
        String drange = cmd.flag("export_drange");
        double scale = 1.0;
        if (dtype != null && source.equals("Probabilities")) {
            if (drange == null) {
                source = "Simple Segmentation"; // a plain cast: 0/1 labels
            } else {
                scale = Double.parseDouble(drange.replaceAll("[()\\s]", "").split(",")[1]);
            }
        }
        String internal = cmd.flag("output_internal_path");
        String dataset = internal == null ? "exported_data" : internal.replaceFirst("^/", "");
        for (String f : files) {
            ReferenceOutputs.compare(outDir.resolve(f),
                    CaseReadme.CASES.resolve(CASE).resolve("out").resolve(cmd.name()).resolve(f), dataset, source,
                    null, scale, work.resolve(cmd.flag("project")));
        }
    }
}
