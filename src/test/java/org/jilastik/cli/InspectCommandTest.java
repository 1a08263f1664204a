package org.jilastik.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InspectCommandTest {
    private static final String BLOBS = "../shared/testdata/ilastik-ref/new-2d-1ch-3class/blobs2d_pc.ilp";

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = InspectCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void printsAReadableSummary() {
        Result r = run(BLOBS);
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out().lines()).contains(
                "Workflow: Pixel Classification (stored as \"Pixel Classification\")",
                "ilastik version: 1.4.3.dev28+gebbaf9b9c",
                "Roles: Raw Data, Prediction Mask",
                "  lane 0 (lane0000), lane image axes yxc",
                "    Raw Data: relative_filesystem blobs2d.h5/data, nickname blobs2d-data, axes yx, shape [384, 384]",
                "    Prediction Mask: (empty)",
                "Features (/FeatureSelections): 31 of 42 selected",
                "  sigma                          0.3   0.7   1.0   1.6   3.5   5.0  10.0",
                "  GaussianSmoothing                X     X     X     X     X     X     .",
                "  LaplacianOfGaussian              .     X     X     X     X     X     .",
                "  filter in                       2D    2D    2D    2D    2D    2D    2D",
                "Group PixelClassification:",
                "  Classes: 1 background #ff0000, 2 interior #00ff00, 3 rim #0000ff",
                "  Labels lane 0: 4 blocks, labelled pixels 1: 615, 2: 590, 3: 318",
                "    2 forests, trees 50+50 = 100, 41 features, known labels [1, 2, 3]",
                "  Classifier factory: ParallelVigraRfLazyflowClassifierFactory, trees 100, forests 2,"
                        + " label proportion none, variable importance off",
                "Export (/Prediction Export):",
                "  format compressed hdf5, file name {dataset_dir}/{nickname}_{result_type}, internal path exported_data");
    }

    @Test
    void printsJson() {
        Result r = run("--json", BLOBS);
        assertThat(r.code()).isZero();
        String json = r.out();
        assertThat(json).startsWith("{\n").endsWith("}\n");
        assertThat(json).contains("\"workflowName\": \"Pixel Classification\"",
                "\"ilastikVersion\": \"1.4.3.dev28+gebbaf9b9c\"",
                "\"nickname\": \"blobs2d-data\"",
                "\"axes\": \"yx\"",
                "\"shape\": [384, 384]",
                "\"scales\": [0.3, 0.7, 1, 1.6, 3.5, 5, 10]",
                "[true, true, true, true, true, true, false]",
                "\"computeIn2d\": [true, true, true, true, true, true, true]",
                "\"name\": \"interior\"",
                "\"treesPerForest\": [50, 50]",
                "\"featureCount\": 41",
                "\"knownLabels\": [1, 2, 3]",
                "\"Gaussian Smoothing (σ=0.3) in 2D\"",
                "\"numTrees\": 100",
                "\"outputFormat\": \"compressed hdf5\"");
    }

    @Test
    void badUsageIsOneLineAndExitCode2() {
        for (String[] args : new String[][] {{}, {"--frobnicate", BLOBS}, {BLOBS, BLOBS}}) {
            Result r = run(args);
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            assertThat(r.err().lines()).singleElement().asString().contains("usage: jilastik inspect PROJECT.ilp");
        }
    }

    @Test
    void unreadableProjectIsOneLineAndExitCode1() {
        Result r = run("../shared/testdata/ilastik-ref/new-2d-1ch-3class/blobs2d.h5");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines()).containsExactly("jilastik inspect: blobs2d.h5 is not an ilastik project"
                + " (no workflowName dataset); pass the .ilp file that ilastik saved");
        Result missing = run("missing.ilp");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err().lines()).singleElement().asString().contains("missing.ilp does not exist");
    }
}
