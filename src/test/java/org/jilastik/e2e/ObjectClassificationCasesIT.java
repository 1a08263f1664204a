package org.jilastik.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
 * Every command of the Object Classification reference case, run through the jar exactly as its README gives it,
 * and both files it writes (the image and the object table) compared with ilastik's: the image by name,
 * metadata and values within the tolerances of testdata/README.md, the table by rows and by column name (the
 * column order of ilastik's tables is not stable), every number within 1e-4 relative.
 */
class ObjectClassificationCasesIT {
    private static final String CASE = "oc-from-segmentation-2d";
    /** The files each README command writes, in the README's order. */
    private static final List<List<String>> FILES = List.of(
            outputs("Object_Predictions"), outputs("Object_Probabilities"), outputs("Object_Identities"),
            outputs("Blockwise_Object_Predictions"));

    private static List<String> outputs(String source) {
        return List.of("ocseg_raw-data_" + source + ".h5", "ocseg_raw-data_" + source + "_objects_table.csv");
    }

    static Stream<Arguments> commands() throws IOException {
        List<CaseReadme.Command> cmds = CaseReadme.commands(CASE);
        if (cmds.size() != FILES.size()) {
            throw new IllegalStateException(CASE + "/README.md: " + cmds.size() + " commands parsed, "
                    + FILES.size() + " expected");
        }
        List<Arguments> out = new ArrayList<>();
        for (int i = 0; i < cmds.size(); i++) {
            out.add(Arguments.of(cmds.get(i), FILES.get(i).get(0), FILES.get(i).get(1)));
        }
        return out.stream();
    }

    @Test
    void everyReferenceOutputHasItsCommand() throws IOException {
        List<String> all = new ArrayList<>();
        FILES.forEach(all::addAll);
        assertThat(Workspace.filesUnder(CaseReadme.CASES.resolve(CASE).resolve("out")))
                .containsExactlyInAnyOrderElementsOf(all);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void writesWhatIlastikWrote(CaseReadme.Command cmd, String image, String table, @TempDir Path dir)
            throws IOException {
        Path work = Workspace.of(CASE, dir);
        Jilastik.Result r = Jilastik.run(work, Map.of(), cmd.args());
        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(Workspace.filesUnder(work.resolve("out"))).as("files written")
                .containsExactlyInAnyOrder(image, table);
        Path ref = CaseReadme.CASES.resolve(CASE).resolve("out");
        ExportedFile ours = ExportedFile.read(work.resolve("out").resolve(image), "exported_data");
        ExportedFile theirs = ExportedFile.read(ref.resolve(image), "exported_data");
        Tolerance.sameMetadata(ours, theirs);
        Tolerance.Kind kind = cmd.flag("export_source").contains("Probabilities") ? Tolerance.Kind.PROBABILITIES
                : Tolerance.Kind.LABELS;
        Tolerance.check(kind, ours, theirs, theirs.shape(), 1.0, null);
        compareTables(work.resolve("out").resolve(table), ref.resolve(table));
    }

    /**
     * The same commands with the smallest memory budget, 16-pixel tiles and labels forced into temporary files:
     * labels made in 16×16 blocks, features over slabs of 16 rows; the files must still equal ilastik's exactly as
     * above.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void tinyMemoryBudgetWritesTheSame(CaseReadme.Command cmd, String image, String table, @TempDir Path dir)
            throws IOException {
        Path work = Workspace.of(CASE, dir);
        Jilastik.Result r = Jilastik.run(work, Map.of("LAZYFLOW_TOTAL_RAM_MB", "500", "JILASTIK_MAX_TILE_EDGE", "16",
                "JILASTIK_SPILL_LABELS", "1"),
                cmd.args());
        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(String.join("\n", r.stderr())).as(r.describe()).contains("kept in temporary files");
        Path ref = CaseReadme.CASES.resolve(CASE).resolve("out");
        ExportedFile ours = ExportedFile.read(work.resolve("out").resolve(image), "exported_data");
        ExportedFile theirs = ExportedFile.read(ref.resolve(image), "exported_data");
        Tolerance.sameMetadata(ours, theirs);
        Tolerance.Kind kind = cmd.flag("export_source").contains("Probabilities") ? Tolerance.Kind.PROBABILITIES
                : Tolerance.Kind.LABELS;
        Tolerance.check(kind, ours, theirs, theirs.shape(), 1.0, null);
        compareTables(work.resolve("out").resolve(table), ref.resolve(table));
    }

    @Test
    void tableOnlyWritesOnlyTheTable(@TempDir Path dir) throws IOException {
        Path work = Workspace.of(CASE, dir);
        List<String> args = new ArrayList<>(CaseReadme.commands(CASE).getFirst().args());
        args.add("--table_only");
        Jilastik.Result r = Jilastik.run(work, Map.of(), args);
        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(Workspace.filesUnder(work.resolve("out")))
                .containsExactly("ocseg_raw-data_Object_Predictions_objects_table.csv");
    }

    @Test
    void projectWithoutObjectClassifierIsOneSentenceAndExitOne(@TempDir Path dir) throws IOException {
        Path work = Workspace.of(CASE, dir);
        Path stripped = work.resolve("noclassifier.ilp");
        ProjectCopies.withoutGroup(work.resolve("ocseg_oc.ilp"), stripped, "ObjectClassification/ClassifierForests");
        Jilastik.Result r = Jilastik.run(work, Map.of(), List.of("--headless", "--project=noclassifier.ilp",
                "--raw_data=ocseg_raw.h5/data", "--segmentation_image=ocseg_mask.h5/data"));
        assertThat(r.exitCode()).as(r.describe()).isEqualTo(1);
        assertThat(r.stderr()).as(r.describe()).hasSize(1);
        assertThat(r.stderr().getFirst()).contains("noclassifier.ilp holds no trained object classifier");
        assertThat(Workspace.filesUnder(work.resolve("out"))).isEmpty();
    }

    /** Same rows, same column names, cells equal as text or as numbers within 1e-4 relative. */
    static void compareTables(Path ours, Path ref) throws IOException {
        List<String> a = Files.readAllLines(ours, StandardCharsets.UTF_8);
        List<String> b = Files.readAllLines(ref, StandardCharsets.UTF_8);
        List<String> ha = List.of(a.getFirst().split(",", -1));
        List<String> hb = List.of(b.getFirst().split(",", -1));
        assertThat(ha).as("columns of %s", ours.getFileName()).containsExactlyInAnyOrderElementsOf(hb);
        assertThat(a).as("rows of %s", ours.getFileName()).hasSameSizeAs(b);
        double worst = 0;
        String where = "";
        for (int row = 1; row < b.size(); row++) {
            String[] ca = a.get(row).split(",", -1);
            String[] cb = b.get(row).split(",", -1);
            assertThat(ca).as("cells of row %d", row).hasSameSizeAs(cb);
            for (int j = 0; j < hb.size(); j++) {
                String x = ca[ha.indexOf(hb.get(j))];
                String y = cb[j];
                if (x.equals(y)) {
                    continue;
                }
                double e;
                try {
                    double dx = Double.parseDouble(x);
                    double dy = Double.parseDouble(y);
                    e = Math.abs(dx - dy) / Math.max(Math.abs(dy), 1e-12);
                } catch (NumberFormatException nfe) {
                    e = Double.POSITIVE_INFINITY;
                }
                if (e > worst) {
                    worst = e;
                    where = "row " + row + " column '" + hb.get(j) + "': ours " + x + ", ilastik " + y;
                }
            }
        }
        assertThat(worst).as("worst relative difference in %s at %s", ours.getFileName(), where)
                .isLessThanOrEqualTo(1e-4);
    }
}
