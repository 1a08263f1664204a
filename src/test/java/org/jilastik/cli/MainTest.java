package org.jilastik.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jilastik.app.JilastikVersion;
import org.jilastik.error.JilastikException;
import org.jilastik.project.Project;
import org.jilastik.workflow.WorkflowKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@link Main}'s testable entry point and checks exit codes, stdout and the one-line stderr. */
class MainTest {
    @TempDir
    Path dir;

    private String ilp;
    private final List<Path> projectsRead = new ArrayList<>();

    /** The outcome of one run. */
    record Result(int code, String out, String err) {
        List<String> errLines() {
            return err.isEmpty() ? List.of() : List.of(err.split("\\R"));
        }
    }

    @BeforeEach
    void makeProjectFile() throws IOException {
        ilp = Files.writeString(dir.resolve("P.ilp"), "not read by these tests").toString();
    }

    /** The only place that builds a {@link Project} (the project package owns its constructor). */
    private static Project project(WorkflowKind kind, String storedName) {
        return new Project(Path.of("P.ilp"), storedName, kind, "1.4.0");
    }

    private Result run(Function<Path, Project> reader, Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), p -> {
                    projectsRead.add(p);
                    return reader.apply(p);
                });
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Result run(WorkflowKind kind, String... args) {
        return run(p -> project(kind, kind.storedNames().get(0)), Map.of(), args);
    }

    private Result runPixel(String... args) {
        return run(WorkflowKind.PIXEL_CLASSIFICATION, args);
    }

    private static void assertOneLine(Result r, int code, String... fragments) {
        assertThat(r.code()).as("exit code of %s", r.err()).isEqualTo(code);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.errLines().get(0)).startsWith("jilastik: ").contains(fragments);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void versionComesFromTheFilteredResource() {
        Result r = runPixel("--version");
        assertThat(r.code()).isZero();
        assertThat(JilastikVersion.get()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(r.out()).isEqualTo("jilastik " + JilastikVersion.get() + System.lineSeparator());
        assertThat(r.err()).isEmpty();
        assertThat(runPixel("--project=x.ilp", "--version", "--bogus").out()).startsWith("jilastik ");
    }

    @Test
    void helpListsEveryFlagGroupedAndTheEnvironment() {
        Result r = runPixel("--help");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        for (FlagSpec f : FlagTable.all()) {
            assertThat(r.out()).contains(f.spelling());
        }
        for (FlagSpec.Group g : FlagSpec.Group.values()) {
            assertThat(r.out()).contains(g.title() + ":");
        }
        assertThat(r.out()).contains("LAZYFLOW_THREADS", "LAZYFLOW_TOTAL_RAM_MB", "-h, --help", "Exit codes");
        assertThat(projectsRead).isEmpty();
        assertThat(runPixel("-h").out()).isEqualTo(r.out());
        // the help wins over bad arguments
        assertThat(runPixel("--outpt=png", "--hel").code()).isZero();
    }

    @Test
    void helpWithProjectListsRolesSourcesAndWorkflowFlags() {
        Result r = run(p -> project(WorkflowKind.AUTOCONTEXT, "AutocontextTwoStage"), Map.of(), "--help",
                "--project", ilp);
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Autocontext (stored as \"AutocontextTwoStage\")", "--raw_data PATH...",
                "--prediction_mask PATH...", "Probabilities Stage 2   (default)", "Probabilities All Stages",
                "Input Stage 1", "Options for this workflow:");
        assertThat(projectsRead).containsExactly(Path.of(ilp));

        Result counting = run(WorkflowKind.COUNTING, "--proj=" + ilp, "-h");
        String section = counting.out().substring(counting.out().indexOf("Project " + ilp));
        assertThat(section).contains("Cell Density Counting", "--raw_data PATH...", "Probabilities   (default)",
                "--csv-export-file=FILE").doesNotContain("--tree-count", "--prediction_mask");
    }

    @Test
    void helpWithMissingProjectIsAUsageError() {
        assertOneLine(runPixel("--help", "--project=" + dir.resolve("missing.ilp")), 2, "does not exist");
    }

    @Test
    void eachBadArgumentIsOneLineAndExitCode2() {
        String p = "--project=" + ilp;
        Object[][] cases = {
            {new String[] {p, "--outpt_format=png", "a.png"}, "unknown option --outpt_format; did you mean --output_format?"},
            {new String[] {p, "--output_format=jpeg2000", "a.png"}, "--output_format \"jpeg2000\" is not valid"},
            {new String[] {p, "--readonly=perhaps", "a.png"}, "--readonly \"perhaps\" is not valid"},
            {new String[] {p, "--input_axes=zyq", "a.png"}, "'q' is not an axis letter"},
            {new String[] {p, "--distributed_block_roi={x:1", "a.png"}, "--distributed_block_roi \"{x:1\" is not valid"},
            {new String[] {p, "--distributed-block-roi=2.5", "a.png"}, "positive whole number or a dict"},
            {new String[] {p, "--export_drange=(0,255)", "a.png"}, "needs --pipeline_result_drange"},
            {new String[] {p, "--cutout_subregion=[(1,2),(3)]", "a.png"}, "start has 2 entries and stop has 1"},
            {new String[] {p, "--export_dtype=uint64", "a.png"}, "choose one of uint8"},
            {new String[] {p, "--output_axis_order=zyxz", "a.png"}, "'z' appears twice"},
            {new String[] {p, "--stack_along=q", "a.png"}, "one axis letter"},
            {new String[] {p, "--tree-count=many", "a.png"}, "--tree-count \"many\" is not valid"},
            {new String[] {p, "--label-proportion=2", "a.png"}, "greater than 0 and at most 1"},
            {new String[] {"--headless", "--fullscreen", p, "a.png"}, "GUI option"},
            {new String[] {p, "--hbp", "a.png"}, "--hbp was removed"},
            {new String[] {p, "--exp", "x", "a.png"}, "ambiguous"},
            {new String[] {p, "--raw_data", "a.png", "b.png", "--", "c.png"}, "both as bare paths"},
            {new String[] {"--headless", "--project=" + dir.resolve("nonexistent.ilp"), "a.png"},
                "project file " + dir.resolve("nonexistent.ilp") + " does not exist"},
            {new String[] {"--headless", "--project=" + dir, "a.png"}, "is a directory"},
            {new String[] {"--headless", p}, "no input images were given"},
            {new String[] {"--headless", "a.png"}, "no project given"},
            {new String[] {}, "no project given"},
            {new String[] {"P.ilp", "a.png"}, "no project given; did you mean --project=P.ilp?"},
            {new String[] {ilp}, "no input images were given"},
            {new String[] {"--new_project=n.ilp", "--workflow=Pixel Classification"}, "creating projects"},
            {new String[] {"--workflow=Pixel Classification", p}, "--workflow only works together with --new_project"},
        };
        for (Object[] c : cases) {
            String[] args = (String[]) c[0];
            assertOneLine(runPixel(args), 2, (String) c[1]);
        }
        assertThat(projectsRead).isEmpty();
    }

    @Test
    void environmentErrorsAreUsageErrors() {
        Result r = run(p -> project(WorkflowKind.PIXEL_CLASSIFICATION, "PixelClassificationWorkflow"),
                Map.of("LAZYFLOW_TOTAL_RAM_MB", "32"), "--project=" + ilp, "a.png");
        assertOneLine(r, 2, "LAZYFLOW_TOTAL_RAM_MB=32 is too small; specify RAM in MB, not GB");
        assertOneLine(run(p -> null, Map.of("LAZYFLOW_THREADS", "x"), "--project=" + ilp, "a.png"), 2,
                "LAZYFLOW_THREADS=x");
        assertThat(projectsRead).isEmpty();
    }

    @Test
    void argumentsCheckedAgainstTheProjectsWorkflow() {
        String p = "--project=" + ilp;
        assertOneLine(runPixel(p, "--export_source=Foo", "a.png"), 2, "--export_source \"Foo\" is not an export of "
                + "Pixel Classification projects; choose one of Probabilities, Simple Segmentation, Uncertainty, "
                + "Features, Labels");
        assertOneLine(runPixel(p, "a.png", "--segmentation_image", "s.h5"), 2,
                "--segmentation_image is not an input of Pixel Classification projects; use --raw_data, --prediction_mask");
        assertOneLine(runPixel(p, "--input_axes=yx,yx,yx", "a.png"), 2,
                "--input_axes gives 3 axis strings but Pixel Classification projects have 2 input roles");
        assertOneLine(run(WorkflowKind.COUNTING, p, "--tree-count=10", "a.png"), 2,
                "--tree-count does not apply to Cell Density Counting projects");
        assertOneLine(runPixel(p, "--overlay", "o.png", "a.png"), 2, "--overlay is not an input of");
        assertOneLine(runPixel(p, "--connection_string=h:1", "a.png"), 2, "workflow jilastik does not run");
        assertOneLine(run(WorkflowKind.TRACKING_BINARY, p, "--export_source=plugin", "a.png"), 2,
                "--export_source=Plugin needs --export_plugin=NAME");
    }

    @Test
    void validRunsReachTheRunner() {
        String p = "--project=" + ilp;
        Result r = runPixel("--headless", p, "--export_source=simple segmentation", "a.png");
        assertOneLine(r, 1, "holds no feature selection or classifier");
        assertThat(projectsRead).containsExactly(Path.of(ilp));

        Result auto = run(p2 -> project(WorkflowKind.AUTOCONTEXT, "AutocontextThreeStage"), Map.of(), p,
                "--export_source=Propabilities All Stages", "a.png");
        assertOneLine(auto, 1, "is a 3-stage Autocontext project but holds 0 trained stages");
        assertOneLine(run(WorkflowKind.AUTOCONTEXT, p, "--export_source=Probabilities Stage 3", "a.png"), 2,
                "is not an export of Autocontext projects");
    }

    @Test
    void laterCapabilitiesAreRefusedNotIgnored() {
        String p = "--project=" + ilp;
        assertOneLine(runPixel(p, "--generate-random-labels", "--readonly=false"), 2,
                "--generate-random-labels (training) is not supported yet in jilastik");
        assertOneLine(runPixel(p, "--preconvert_stacks", "a.png"), 2, "--preconvert_stacks is not supported yet");
        assertOneLine(runPixel(p, "--output_format=dvid", "a.png"), 2,
                "output format \"dvid\" writes to a DVID server");
    }

    @Test
    void projectReadFailuresAndInternalErrors() {
        String p = "--project=" + ilp;
        assertOneLine(run(x -> {
            throw JilastikException.processing("P.ilp is not an ilastik project\n(second line)");
        }, Map.of(), p, "a.png"), 1, "P.ilp is not an ilastik project (second line)");

        assertOneLine(run(x -> {
            throw new IllegalStateException("boom");
        }, Map.of(), p, "a.png"), 1, "internal error: boom; rerun with --debug for the stack trace");

        Result debug = run(x -> {
            throw new IllegalStateException("boom");
        }, Map.of(), p, "--deb", "a.png");
        assertThat(debug.code()).isEqualTo(1);
        assertThat(debug.errLines().get(0)).isEqualTo("jilastik: internal error: boom; rerun with --debug for the stack trace");
        assertThat(debug.errLines().size()).isGreaterThan(2);
        assertThat(debug.err()).contains("java.lang.IllegalStateException: boom", "at org.jilastik.cli");
    }

    @Test
    void theRealProjectReaderFailsWithOneLineOnANonProjectFile() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"--headless", "--project=" + ilp, "a.png"}, Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).split("\\R")).hasSize(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("jilastik: ");
    }

    @Test
    void inspectIsDelegated() {
        ByteArrayOutputStream out1 = new ByteArrayOutputStream();
        ByteArrayOutputStream err1 = new ByteArrayOutputStream();
        int viaMain = Main.run(new String[] {"inspect", ilp}, Map.of(), new PrintStream(out1, true, StandardCharsets.UTF_8),
                new PrintStream(err1, true, StandardCharsets.UTF_8));
        ByteArrayOutputStream out2 = new ByteArrayOutputStream();
        ByteArrayOutputStream err2 = new ByteArrayOutputStream();
        int direct = InspectCommand.run(new String[] {ilp}, new PrintStream(out2, true, StandardCharsets.UTF_8),
                new PrintStream(err2, true, StandardCharsets.UTF_8));
        assertThat(viaMain).isEqualTo(direct);
        assertThat(out1.toString(StandardCharsets.UTF_8)).isEqualTo(out2.toString(StandardCharsets.UTF_8));
        assertThat(err1.toString(StandardCharsets.UTF_8)).isEqualTo(err2.toString(StandardCharsets.UTF_8));
    }
}
