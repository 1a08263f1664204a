package org.jilastik.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every run of testdata/ilastik-ref/axes-order through the jar: the 122 commands ilastik completed (README
 * "## Commands") must write the same file (name, dtype, shape, axistags, attributes, values within tolerance),
 * and the 40 commands ilastik refused (the "(failed) command:" cells of the Results table, exit code 1) must fail
 * with exit code 1, one line on stderr and no file.
 *
 * <p>To keep {@code mvn verify} short, only the Probabilities runs (half of each list: every input file with every
 * flag set) are run unless the system property {@code jilastik.e2e.axes=all} asks for all 162; Simple
 * Segmentation goes through the same axis handling and is compared for every other case.
 */
class AxesOrderIT {
    static final String CASE = "axes-order";
    static final int COMPLETED = 122;
    static final int FAILED = 40;

    static Stream<Arguments> completed() throws IOException {
        List<CaseReadme.Command> cmds = CaseReadme.commands(CASE);
        if (cmds.size() != COMPLETED) {
            throw new IllegalStateException(cmds.size() + " axes-order commands parsed, " + COMPLETED + " expected");
        }
        return cmds.stream().filter(c -> all() || "Probabilities".equals(c.flag("export_source")))
                .map(Arguments::of);
    }

    static Stream<Arguments> failed() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (String[] row : CaseReadme.table(CASE, "## Results")) {
            for (String cell : row) {
                if (cell.startsWith("(failed) command:")) {
                    assertThat(row[4]).as("exit code of a failed run").isEqualTo("1");
                    List<String> args = CaseReadme.ilastikArgs(CaseReadme.code(cell));
                    if (all() || row[3].equals("Probabilities")) {
                        out.add(Arguments.of(row[0].replace("`", "") + " " + row[2] + " " + row[3], args));
                    }
                }
            }
        }
        if (out.size() != (all() ? FAILED : FAILED / 2)) {
            throw new IllegalStateException(out.size() + " failed axes-order runs parsed, " + FAILED + " expected");
        }
        return out.stream();
    }

    @Test
    void everyReferenceOutputHasItsCommand() throws IOException {
        List<String> named = new ArrayList<>();
        for (CaseReadme.Command c : CaseReadme.commands(CASE)) {
            named.add(Path.of(c.flag("output_filename_format")).getFileName().toString());
        }
        assertThat(named).hasSize(COMPLETED).doesNotHaveDuplicates();
        assertThat(Workspace.filesUnder(CaseReadme.CASES.resolve(CASE).resolve("out")))
                .containsExactlyInAnyOrderElementsOf(named);
        assertThat(failed()).hasSize(all() ? FAILED : FAILED / 2);
        assertThat(completed()).hasSize(all() ? COMPLETED : COMPLETED / 2);
    }

    private static boolean all() {
        return "all".equals(System.getProperty("jilastik.e2e.axes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("completed")
    void writesWhatIlastikWrote(CaseReadme.Command cmd, @TempDir Path dir) throws IOException {
        Path work = Workspace.of(CASE, dir);
        String file = Path.of(cmd.flag("output_filename_format")).getFileName().toString();
        Jilastik.Result r = Jilastik.run(work, Map.of(), cmd.args());
        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(Workspace.filesUnder(work.resolve("out"))).as("files written").containsExactly(file);
        ReferenceOutputs.compare(work.resolve("out").resolve(file),
                CaseReadme.CASES.resolve(CASE).resolve("out").resolve(file), "exported_data",
                cmd.flag("export_source"), null, 1.0, null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failed")
    void refusesWhatIlastikRefused(String name, List<String> args, @TempDir Path dir) throws IOException {
        Path work = Workspace.of(CASE, dir);
        List<String> before = Workspace.filesUnder(work);
        Jilastik.Result r = Jilastik.run(work, Map.of(), args);
        assertThat(r.exitCode()).as(r.describe()).isEqualTo(1);
        assertThat(r.stderr()).as(r.describe()).hasSize(1);
        assertThat(r.stderr().getFirst()).as(r.describe()).startsWith("jilastik: ").doesNotContain("Exception");
        assertThat(Workspace.filesUnder(work)).as("files left behind").isEqualTo(before);
    }
}
