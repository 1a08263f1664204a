package org.jilastik.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of the catalogue in {@code docs/errors.md} whose test column names this class, run through the jar
 * with the row's command (and environment) in a fresh working directory holding links to the
 * {@link CatalogueFixtures} and what the row's setup adds. Checks exactly what the row says: the exit code, the
 * stderr lines besides progress lines (no stack trace unless {@code --debug}, which must add one), the files the
 * run created (no temporary left behind), and that files that were there before are unchanged.
 *
 * <p>With {@code -Djilastik.errors.record=FILE} the observed values are appended to FILE instead of asserted
 * (for writing new rows; never in CI).
 */
class ErrorCatalogueIT {
    private static final String RECORD = System.getProperty("jilastik.errors.record", "");

    /** Extra files a row needs in its working directory besides the fixtures. */
    interface Setup {
        void prepare(Path dir) throws IOException;
    }

    static final Map<String, Setup> SETUPS = new HashMap<>();
    /** Checks beyond the row's columns: (result, working directory). */
    interface Check {
        void verify(Jilastik.Result result, Path dir) throws IOException;
    }

    static final Map<String, Check> EXTRA_CHECKS = new HashMap<>();

    static {
        SETUPS.put("startup-options-file", d -> Files.writeString(d.resolve("internal-startup-options.cfg"),
                "--bogus_flag_that_ilastik_would_add\n"));
        SETUPS.put("spaces-in-paths", d -> Files.createSymbolicLink(d.resolve("my image.h5"),
                d.resolve("ex2d.h5").toRealPath()));
        SETUPS.put("container-suffix-in-folder-name", d -> linkIn(d, "run.h5_backup"));
        SETUPS.put("explicit-list-order", d -> {
            Files.createSymbolicLink(d.resolve("a.tif"), d.resolve("ex2d.tif").toRealPath());
            Files.createSymbolicLink(d.resolve("b.tif"), d.resolve("ex2d.tif").toRealPath());
        });
        SETUPS.put("two-inputs-one-output", d -> {
            linkIn(d, "a");
            linkIn(d, "b");
        });
        SETUPS.put("output-exists-no-overwrite", d -> {
            Files.createDirectories(d.resolve("out"));
            CatalogueFixtures.writeH5(d.resolve("out/ex2d-data.h5"), "exported_data", new byte[60][80][3], "yxc");
        });
        SETUPS.put("ome-zarr-output-exists", d -> {
            Files.createDirectories(d.resolve("out/ex2d-data.zarr"));
            Files.writeString(d.resolve("out/ex2d-data.zarr/.zgroup"), "{\"zarr_format\": 2}");
        });
        EXTRA_CHECKS.put("help-with-project", (r, d) -> assertThat(r.stdout()).contains("--raw_data")
                .contains("Simple Segmentation").contains("Probabilities"));
        // the exports ilastik also writes in these cases: the whole 60 x 80 image with its 3 classes
        EXTRA_CHECKS.put("dash-spelled-option", (r, d) -> assertThat(ExportedFile.read(
                d.resolve("out/ex2d-data_dash.png"), "exported_data").shape()).containsExactly(60, 80, 3));
        EXTRA_CHECKS.put("output-dir-missing-h5", (r, d) -> assertThat(ExportedFile.read(
                d.resolve("no_such_dir/sub/ex2d-data.h5"), "exported_data").shape()).containsExactly(60, 80, 3));
        EXTRA_CHECKS.put("output-dir-missing-tif", (r, d) -> assertThat(ExportedFile.read(
                d.resolve("no_such_dir2/sub/ex2d-data.tif"), "exported_data").shape()).containsExactly(60, 80, 3));
    }

    private static Path fixtures;

    @BeforeAll
    static void makeFixtures(@TempDir Path dir) throws IOException {
        fixtures = dir;
        CatalogueFixtures.make(dir);
    }

    static Stream<ErrorCatalogue.Row> rows() throws IOException {
        return ErrorCatalogue.rows().stream().filter(r -> r.test().equals(ErrorCatalogueIT.class.getSimpleName()));
    }

    @Test
    void everySetupBelongsToARow() throws IOException {
        List<String> ids = rows().map(ErrorCatalogue.Row::id).toList();
        assertThat(ids).containsAll(SETUPS.keySet()).containsAll(EXTRA_CHECKS.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void behavesAsDocumented(ErrorCatalogue.Row row, @TempDir Path dir) throws IOException {
        CatalogueFixtures.linkInto(fixtures, dir);
        Setup setup = SETUPS.get(row.id());
        if (setup != null) {
            setup.prepare(dir);
        }
        Map<String, byte[]> before = contents(dir);
        Map<String, String> env = new LinkedHashMap<>();
        for (String[] kv : row.env()) {
            env.put(kv[0], kv[1]);
        }
        List<String> args = new ArrayList<>();
        for (String a : row.args()) {
            args.add(substitute(a, dir));
        }
        Jilastik.Result r = Jilastik.run(dir, env, args);
        List<String> messages = r.stderr().stream().filter(l -> !l.matches("jilastik: .+ \\d+%")).toList();
        List<String> created = new ArrayList<>(Workspace.filesUnder(dir));
        created.removeAll(before.keySet());
        if (!RECORD.isEmpty()) {
            record(row, r, messages, created, dir);
            return;
        }
        String what = row.id() + ": " + r.describe();
        assertThat(r.exitCode()).as(what).isEqualTo(row.exitCode());
        List<String> expected = row.messages().stream().map(m -> substitute(m, dir)).toList();
        if (args.contains("--debug")) {
            assertThat(messages.getFirst()).as(what).isEqualTo(expected.getFirst());
            assertThat(messages).as("stack trace in " + what).anyMatch(l -> l.startsWith("\tat org.jilastik."));
        } else {
            assertThat(messages).as(what).containsExactlyElementsOf(expected);
        }
        assertThat(created).as("files left by " + what).containsExactlyElementsOf(row.leftOnDisk());
        for (Map.Entry<String, byte[]> e : before.entrySet()) {
            if (e.getValue() == null) {
                continue; // a link to a read-only fixture
            }
            assertThat(Files.readAllBytes(dir.resolve(e.getKey()))).as(e.getKey() + " changed by " + what)
                    .isEqualTo(e.getValue());
        }
        assertThat(Path.of("/sys/ex2d-data.h5")).doesNotExist();
        Check extra = EXTRA_CHECKS.get(row.id());
        if (extra != null) {
            extra.verify(r, dir);
        }
    }

    /** Replaces the catalogue's placeholders for a run in {@code dir}. */
    static String substitute(String s, Path dir) {
        Path home = Path.of(System.getProperty("user.home")).toAbsolutePath();
        return s.replace("<dir>", dir.toAbsolutePath().toString())
                .replace("<home-to-dir>", home.relativize(dir.toAbsolutePath()).toString())
                .replace("<version>", jilastikVersion());
    }

    // The version in the jar's name (jilastik-VERSION-all.jar), which is the one the jar reports.
    private static String jilastikVersion() {
        String name = Jilastik.jar().getFileName().toString();
        return name.substring("jilastik-".length(), name.length() - "-all.jar".length());
    }

    private static void linkIn(Path dir, String folder) throws IOException {
        Files.createDirectories(dir.resolve(folder));
        Files.createSymbolicLink(dir.resolve(folder).resolve("ex2d.h5"), dir.resolve("ex2d.h5").toRealPath());
    }

    // Regular files (not links) under dir with their bytes; links are the read-only fixtures.
    private static Map<String, byte[]> contents(Path dir) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (String f : Workspace.filesUnder(dir)) {
            Path p = dir.resolve(f);
            out.put(f, Files.isSymbolicLink(p) ? null : Files.readAllBytes(p));
        }
        return out;
    }

    private static synchronized void record(ErrorCatalogue.Row row, Jilastik.Result r, List<String> messages,
            List<String> created, Path dir) throws IOException {
        String d = dir.toAbsolutePath().toString();
        String line = row.id() + "\t" + r.exitCode() + "\t"
                + String.join("<br>", messages.stream().map(m -> "`" + m.replace(d, "<dir>") + "`").toList()) + "\t"
                + String.join(", ", created.stream().map(f -> "`" + f + "`").toList()) + "\n";
        Files.writeString(Path.of(RECORD), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
