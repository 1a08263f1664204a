package org.jilastik.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jilastik.export.VigraAxisTags;
import org.jilastik.array.Axes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of testdata/ilastik-ref/bad-input-behaviour, run through the jar with the README's command line in a
 * folder holding the case's inputs (links to export-options' and new-2d-allfeatures' files, and the extra inputs
 * made as the README describes). A failure must be ONE line on stderr naming the problem, no stack trace, exit
 * code 2 for a usage error and 1 for a processing error, and no file left behind (not even a temporary one).
 * Where ilastik is wrong (exit 0 doing nothing, a silently ignored dash-spelled flag) jilastik's documented
 * behaviour (docs/cli-compatibility.md) is asserted.
 */
class BadInputIT {
    /** README case name → jilastik's exit code and the file it must write (null: none). */
    record Expected(int exitCode, String file, String mentions) {
    }

    static final Map<String, Expected> CASES = new LinkedHashMap<>();

    static {
        CASES.put("missing input file", new Expected(1, null, "missing.h5"));
        CASES.put("missing input file (tif)", new Expected(1, null, "missing.tif"));
        CASES.put("missing internal dataset", new Expected(1, null, "nosuch"));
        // cli-compatibility.md: a missing --project file is a usage error
        CASES.put("missing project", new Expected(2, null, "nonexistent.ilp"));
        // every flag works with '-' too (ilastik ignores the dashed --output-format and writes .h5; jilastik takes
        // it and writes the png)
        CASES.put("option spelled with dashes", new Expected(0, "out/ex2d-data_dash.png", null));
        // cli-compatibility.md: unknown --export_source is a usage error
        CASES.put("unknown export source", new Expected(2, null, "Foo"));
        CASES.put("unknown output format", new Expected(2, null, "jpeg2000"));
        CASES.put("wrong number of channels (3-ch input, 1-ch project)", new Expected(1, null, "rgb.h5"));
        CASES.put("3D input to 2D project", new Expected(1, null, "ex3d.h5"));
        CASES.put("image too small for largest sigma (24x24, sigma 10)", new Expected(1, null, "10"));
        CASES.put("output directory does not exist", new Expected(0, "no_such_dir/sub/ex2d-data.h5", null));
        CASES.put("output directory does not exist (tif)", new Expected(0, "no_such_dir2/sub/ex2d-data.tif", null));
        CASES.put("unwritable output path (parent is a regular file)", new Expected(1, null, "blocker.txt"));
        CASES.put("unwritable output path (read-only filesystem /sys)", new Expected(1, null, "/sys"));
        CASES.put("corrupted .ilp (truncated to half)", new Expected(1, null, "truncated.ilp"));
        // cli-compatibility.md: no input images is a usage error, not a silent no-op
        CASES.put("no --raw_data at all", new Expected(2, null, "input"));
    }

    static Stream<Arguments> cases() throws IOException {
        List<String[]> rows = CaseReadme.table("bad-input-behaviour", "## Results");
        List<Arguments> out = new ArrayList<>();
        for (String[] row : rows) {
            Expected e = CASES.get(row[0]);
            if (e == null) {
                throw new IllegalStateException("bad-input-behaviour case '" + row[0] + "' has no expectation here");
            }
            out.add(Arguments.of(row[0], CaseReadme.ilastikArgs(CaseReadme.code(row[1])), e));
        }
        if (out.size() != CASES.size()) {
            throw new IllegalStateException(out.size() + " bad-input cases parsed, " + CASES.size() + " expected");
        }
        return out.stream();
    }

    @Test
    void everyCaseIsParsed() throws IOException {
        assertThat(cases().map(a -> (String) a.get()[0]).toList()).containsExactlyElementsOf(CASES.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void failsInOneLine(String name, List<String> args, Expected expected, @TempDir Path dir) throws IOException {
        prepareInputs(dir);
        List<String> before = Workspace.filesUnder(dir);
        Jilastik.Result r = Jilastik.run(dir, Map.of(), args);
        String what = name + ": " + r.describe();
        assertThat(r.exitCode()).as(what).isEqualTo(expected.exitCode());
        assertThat(r.stderr()).as("stack trace in " + what)
                .noneMatch(l -> l.contains("Exception") || l.trim().startsWith("at ") || l.contains("at org."));
        List<String> after = Workspace.filesUnder(dir);
        List<String> created = new ArrayList<>(after);
        created.removeAll(before);
        if (expected.file() == null) {
            assertThat(r.stderr()).as("stderr of " + what).hasSize(1);
            assertThat(r.stderr().getFirst()).as(what).startsWith("jilastik: ").contains(expected.mentions());
            assertThat(created).as("files left behind by " + what).isEmpty();
            assertThat(Path.of("/sys/ex2d-data.h5")).doesNotExist();
        } else {
            // A successful run reports progress (one line per 10 % when stderr is not a terminal) and nothing else.
            assertThat(r.stderr()).as("stderr of " + what).allMatch(l -> l.matches("jilastik: \\S+ \\d+%"));
            assertThat(created).as("files written by " + what).containsExactly(expected.file());
            Path file = dir.resolve(expected.file());
            ExportedFile ours = ExportedFile.read(file, "exported_data");
            assertThat(ours.shape()).as(what).containsExactly(60, 80, 3);
        }
        assertThat(before).as("inputs untouched").isSubsetOf(after);
    }

    // The README's inputs: links to export-options' and new-2d-allfeatures' files, the extra inputs it made with
    // numpy (written here with jhdf, as int8 because jhdf writes Java bytes signed), and blocker.txt.
    private static void prepareInputs(Path dir) throws IOException {
        Path ex = CaseReadme.CASES.resolve("export-options");
        for (String f : List.of("ex2d_pc.ilp", "ex2d.h5", "ex3d.h5")) {
            Files.createSymbolicLink(dir.resolve(f), ex.resolve(f));
        }
        Files.createSymbolicLink(dir.resolve("allfeat2d_pc.ilp"),
                CaseReadme.CASES.resolve("new-2d-allfeatures").resolve("allfeat2d_pc.ilp"));
        byte[][][] rgb = new byte[60][80][3];
        for (int y = 0; y < 60; y++) {
            for (int x = 0; x < 80; x++) {
                for (int c = 0; c < 3; c++) {
                    rgb[y][x][c] = (byte) ((y + 2 * x + 40 * c) % 128);
                }
            }
        }
        writeH5(dir.resolve("rgb.h5"), rgb, "yxc");
        byte[][] tiny = new byte[24][24];
        for (int y = 0; y < 24; y++) {
            for (int x = 0; x < 24; x++) {
                tiny[y][x] = (byte) ((3 * y + x) % 128);
            }
        }
        writeH5(dir.resolve("tiny.h5"), tiny, "yx");
        byte[] project = Files.readAllBytes(ex.resolve("ex2d_pc.ilp"));
        Files.write(dir.resolve("truncated.ilp"), java.util.Arrays.copyOf(project, project.length / 2));
        Files.writeString(dir.resolve("blocker.txt"), "a regular file where a directory is expected\n");
    }

    private static void writeH5(Path file, Object data, String axes) {
        try (WritableHdfFile f = HdfFile.write(file)) {
            WritableDataset d = f.putDataset("data", data);
            d.putAttribute("axistags", VigraAxisTags.json(Axes.of(axes)));
        }
    }
}
