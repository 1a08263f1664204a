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
 * The export-options variants in image formats besides plain tif/tiff ({@code png}, {@code <ext> sequence},
 * {@code multipage tiff}, {@code multipage tiff sequence}), run through the jar with the README's command line.
 * Variants ilastik completed must give the same files (names, dtype, shape, TIFF tags and OME-XML, values within
 * the source's tolerance; PNGs of probabilities are vigra's 0..255 stretch); variants ilastik failed on (2-D data
 * as a sequence, a sequence name without {@code {slice_index}}) must be refused in one sentence, leaving no file.
 */
class ImageFormatsIT {
    static final String CASE = "export-options";
    static final Set<String> FORMATS = Set.of("png", "png sequence", "tif sequence", "tiff sequence",
            "multipage tiff", "multipage tiff sequence");
    /** Variants in those formats in the README: 10 completed, 4 failed in ilastik. */
    static final int COMPLETED = 10;
    static final int FAILED = 4;

    static List<Arguments> variants(boolean completed) throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (String[] row : CaseReadme.table(CASE, "## Variants")) {
            CaseReadme.Command cmd = new CaseReadme.Command(row[0], CaseReadme.ilastikArgs(CaseReadme.code(row[1])));
            if (!FORMATS.contains(cmd.flag("output_format")) || row[2].equals("0") != completed) {
                continue;
            }
            List<String> files = new ArrayList<>();
            if (completed) {
                for (String f : row[3].split("<br>")) {
                    files.add(CaseReadme.code(f));
                }
            }
            out.add(Arguments.of(cmd, files));
        }
        return out;
    }

    static Stream<Arguments> completed() throws IOException {
        return variants(true).stream();
    }

    static Stream<Arguments> failed() throws IOException {
        return variants(false).stream();
    }

    @Test
    void variantsAreParsed() throws IOException {
        assertThat(variants(true)).hasSize(COMPLETED);
        assertThat(variants(false)).hasSize(FAILED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("completed")
    void writesWhatIlastikWrote(CaseReadme.Command cmd, List<String> files, @TempDir Path dir) throws IOException {
        Path work = Workspace.of(CASE, dir);
        Files.createDirectories(work.resolve("out").resolve(cmd.name()));
        Jilastik.Result r = Jilastik.run(work, Map.of(), cmd.args());
        assertThat(r.exitCode()).as(r.describe()).isZero();
        ImageOutputs.assertMatchesIlastik(cmd, work.resolve("out").resolve(cmd.name()),
                CaseReadme.CASES.resolve(CASE).resolve("out").resolve(cmd.name()), files,
                work.resolve(cmd.flag("project")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failed")
    void refusesWhatIlastikFailedOn(CaseReadme.Command cmd, List<String> files, @TempDir Path dir)
            throws IOException {
        Path work = Workspace.of(CASE, dir);
        Files.createDirectories(work.resolve("out").resolve(cmd.name()));
        Jilastik.Result r = Jilastik.run(work, Map.of(), cmd.args());
        String mentions = cmd.name().contains("no_slice_index") ? "{slice_index}" : "axes of size > 1";
        ImageOutputs.assertRefusedCleanly(r, work.resolve("out").resolve(cmd.name()), mentions);
    }
}
