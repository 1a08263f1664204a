package org.jilastik.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.jilastik.app.BlockRoi;
import org.jilastik.app.DataRange;
import org.jilastik.app.RunRequest;
import org.jilastik.array.DType;
import org.jilastik.error.JilastikException;
import org.jilastik.workflow.WorkflowKind;
import org.junit.jupiter.api.Test;

class RequestBuilderTest {
    private static RunRequest parse(String... args) {
        return RequestBuilder.parse(args, Map.of());
    }

    private static void assertUsage(String message, String... args) {
        assertThatThrownBy(() -> parse(args)).isInstanceOf(JilastikException.class)
                .satisfies(e -> assertThat(((JilastikException) e).exitCode()).isEqualTo(2))
                .hasMessage(message);
    }

    @Test
    void typicalPixelClassificationCommand() {
        RunRequest r = parse("--headless", "--project=MyProject.ilp", "--export_source=Simple Segmentation",
                "--output_format", "compressed hdf5", "--output_filename_format={dataset_dir}/{nickname}_seg.h5",
                "--export_dtype=uint8", "--pipeline_result_drange=(0.0,1.0)", "--export_drange=(0,255)",
                "--cutout_subregion=[(None,10,10,None),(None,60,60,None)]", "--output_axis_order=zyxc",
                "a.png", "b.png");
        assertThat(r.project()).isEqualTo("MyProject.ilp");
        assertThat(r.headless()).isTrue();
        assertThat(r.isReadonly()).isTrue();
        assertThat(r.readonly()).isNull();
        assertThat(r.export().exportSource()).isEqualTo("Simple Segmentation");
        assertThat(r.export().outputFormat()).isEqualTo("compressed hdf5");
        assertThat(r.export().outputFilenameFormat()).isEqualTo("{dataset_dir}/{nickname}_seg.h5");
        assertThat(r.export().exportDtype()).isEqualTo(DType.UINT8);
        assertThat(r.export().pipelineResultDrange()).isEqualTo(new DataRange(0.0, 1.0));
        assertThat(r.export().exportDrange()).isEqualTo(new DataRange(0L, 255L));
        assertThat(r.export().cutoutSubregion().start()).containsExactly(null, 10L, 10L, null);
        assertThat(r.export().outputAxisOrder()).isEqualTo("zyxc");
        assertThat(r.inputs().positionals()).containsExactly("a.png", "b.png");
        assertThat(r.inputsFor(WorkflowKind.PIXEL_CLASSIFICATION))
                .containsExactly(Map.entry("raw_data", List.of("a.png", "b.png")), Map.entry("prediction_mask", List.of()));
        assertThat(r.givenFlags()).containsExactly("headless", "project", "export_source", "output_format",
                "output_filename_format", "export_dtype", "pipeline_result_drange", "export_drange",
                "cutout_subregion", "output_axis_order");
    }

    @Test
    void exportFieldsAreNullWhenNotGiven() {
        RunRequest r = parse("--project=P.ilp", "a.png");
        assertThat(r.export().exportSource()).isNull();
        assertThat(r.export().outputFormat()).isNull();
        assertThat(r.export().cutoutSubregion()).isNull();
        assertThat(r.export().exportDtype()).isNull();
        assertThat(r.export().tableOnly()).isFalse();
        assertThat(r.distributed().distributed()).isFalse();
        assertThat(r.distributed().blockRoiOrDefault()).isEqualTo(BlockRoi.DEFAULT);
        assertThat(r.inputs().stackAlong()).isNull();
        assertThat(r.inputs().inputAxes()).isNull();
        assertThat(r.resources().threads()).isNull();
    }

    @Test
    void readonlyValues() {
        assertThat(parse("--project=P.ilp", "--readonly", "a.png").readonly()).isTrue();
        assertThat(parse("--project=P.ilp", "--readonly", "a.png").inputs().positionals()).containsExactly("a.png");
        assertThat(parse("--project=P.ilp", "--readonly", "false", "a.png").isReadonly()).isFalse();
        assertThat(parse("--project=P.ilp", "--readonly=Off").isReadonly()).isFalse();
        assertThat(parse("--project=P.ilp", "--readonly=YES").isReadonly()).isTrue();
        assertUsage("--readonly \"maybe\" is not valid; give 1, yes, true, on, 0, no, false or off",
                "--project=P.ilp", "--readonly=maybe");
    }

    @Test
    void rolesPositionalsAndRepeatedFlags() {
        RunRequest r = parse("--raw_data", "a.h5", "b.h5", "--prediction-maps", "c.h5", "--project", "P.ilp",
                "--raw-data", "e.h5", "--output_format=hdf5", "--output_format=tif");
        assertThat(r.inputs().roleInputs()).containsExactly(Map.entry("raw_data", List.of("a.h5", "b.h5", "e.h5")),
                Map.entry("prediction_maps", List.of("c.h5")));
        assertThat(r.export().outputFormat()).isEqualTo("tif");
        assertThat(r.inputsFor(WorkflowKind.OBJECT_CLASSIFICATION_PREDICTION)).containsExactly(
                Map.entry("raw_data", List.of("a.h5", "b.h5", "e.h5")), Map.entry("prediction_maps", List.of("c.h5")),
                Map.entry("atlas", List.of()));
        // bare paths plus another role's flag: the bare paths are the first role's
        RunRequest s = parse("--project=P.ilp", "a.png", "b.png", "--prediction_mask", "m.png");
        assertThat(s.inputsFor(WorkflowKind.PIXEL_CLASSIFICATION)).containsExactly(
                Map.entry("raw_data", List.of("a.png", "b.png")), Map.entry("prediction_mask", List.of("m.png")));
    }

    @Test
    void workflowFlags() {
        RunRequest r = parse("--project=P.ilp", "--retrain", "--tree-count", "50", "--label_proportion=0.5",
                "--variable-importance-path=v.csv", "--print-labels-by-slice", "--label-search-value=2",
                "--generate-random-labels", "--random-label-value", "-1", "--random-label-count=10",
                "--table_filename=t.csv", "--fillmissing=SVM", "--nobatch", "--export_object_prediction_img",
                "--csv-export-file", "c.csv", "--connection_string=host:1234", "--run-preprocessing",
                "--preprocessing-sigma=1.6", "--preprocessing-filter=Step-Edges");
        var w = r.workflowOptions();
        assertThat(w.retrain()).isTrue();
        assertThat(w.treeCount()).isEqualTo(50);
        assertThat(w.labelProportion()).isEqualTo(0.5);
        assertThat(w.variableImportancePath()).isEqualTo("v.csv");
        assertThat(w.printLabelsBySlice()).isTrue();
        assertThat(w.labelSearchValue()).isEqualTo(2);
        assertThat(w.generateRandomLabels()).isTrue();
        assertThat(w.randomLabelValue()).isEqualTo(-1);
        assertThat(w.randomLabelCount()).isEqualTo(10);
        assertThat(w.tableFilename()).isEqualTo("t.csv");
        assertThat(w.fillmissing()).isEqualTo("svm");
        assertThat(w.nobatch()).isTrue();
        assertThat(w.exportObjectPredictionImg()).isTrue();
        assertThat(w.deprecatedExportSource()).isEqualTo("Object Predictions");
        assertThat(w.csvExportFile()).isEqualTo("c.csv");
        assertThat(w.connectionString()).isEqualTo("host:1234");
        assertThat(w.runPreprocessing()).isTrue();
        assertThat(w.preprocessingSigma()).isEqualTo(1.6);
        assertThat(w.preprocessingFilter()).isEqualTo("step-edges");
        assertThat(w.worksWithoutInputs()).isTrue();
    }

    @Test
    void globalAndInputAndDistributedFlags() {
        RunRequest r = parse("--project=P.ilp", "--debug", "--quiet", "--continue-on-error", "--logfile=/dev/null",
                "--redirect_output", "o.txt", "--process_name=w1", "--configfile=c.ini", "--clean_paths",
                "--input-axes=zyx,None", "--ignore-training-axistags", "--stack-along=t", "--preconvert-stacks",
                "--distributed", "--distributed-block-roi={'x': 64, 'c': None}", "--table_only", "a.h5");
        assertThat(r.debug()).isTrue();
        assertThat(r.quiet()).isTrue();
        assertThat(r.continueOnError()).isTrue();
        assertThat(r.logfile()).isEqualTo("/dev/null");
        assertThat(r.redirectOutput()).isEqualTo("o.txt");
        assertThat(r.processName()).isEqualTo("w1");
        assertThat(r.configfile()).isEqualTo("c.ini");
        assertThat(r.cleanPaths()).isTrue();
        assertThat(r.inputs().inputAxes()).containsExactly("zyx", null);
        assertThat(r.inputs().ignoreTrainingAxistags()).isTrue();
        assertThat(r.inputs().stackAlong()).isEqualTo('t');
        assertThat(r.inputs().preconvertStacks()).isTrue();
        assertThat(r.distributed().distributed()).isTrue();
        assertThat(r.distributed().blockRoi()).isEqualTo(new BlockRoi(1, 256, 256, 64, BlockRoi.WHOLE_AXIS));
        assertThat(r.export().tableOnly()).isTrue();
    }

    @Test
    void crossChecks() {
        assertUsage("--export_drange needs --pipeline_result_drange too (the range of the values before conversion)",
                "--project=P.ilp", "--export_drange=(0,255)", "a.png");
        assertUsage("--workflow only works together with --new_project", "--workflow=Pixel Classification");
        assertUsage("--new_project needs --workflow=NAME", "--new_project=n.ilp");
        assertUsage("give either --project or --new_project, not both", "--project=P.ilp", "--new_project=n.ilp",
                "--workflow=Pixel Classification");
        assertUsage("--fullscreen is a GUI option and jilastik has no GUI; remove it", "--headless", "--fullscreen",
                "--project=P.ilp");
        assertUsage("--exit-on-failure is a GUI option and jilastik has no GUI; remove it", "--exit-on-failure");
        assertUsage("--hbp was removed from ilastik and is not supported; remove it", "--hbp");
        assertUsage("inputs were given both as bare paths (b.png) and with --raw_data; give the Raw Data inputs "
                + "one way only", "--raw_data", "a.png", "--project=P.ilp", "b.png");
        assertUsage("give only one of --export_object_prediction_img, --export_object_probability_img and "
                + "--export_pixel_probability_img", "--export_object_prediction_img", "--export_object_probability_img");
        assertUsage("--project needs a value, but was given an empty one", "--project=", "a.png");
        assertUsage("an empty input path was given", "--project=P.ilp", "");
        assertUsage("an empty path was given to --raw_data", "--project=P.ilp", "--raw_data=");
        assertUsage("--tree-count \"0\" is not valid; give a whole number of at least 1", "--tree-count=0");
        assertUsage("--random-label-count \"-5\" is not valid; give a whole number of at least 0",
                "--random-label-count", "-5");
    }

    @Test
    void environmentIsValidatedWithTheArguments() {
        assertThat(RequestBuilder.parse(new String[] {"--project=P.ilp", "a.png"},
                Map.of("LAZYFLOW_THREADS", "4", "LAZYFLOW_TOTAL_RAM_MB", "8000")).resources().totalRamMb())
                .isEqualTo(8000L);
        assertThatThrownBy(() -> RequestBuilder.parse(new String[] {"--project=P.ilp", "a.png"},
                Map.of("LAZYFLOW_TOTAL_RAM_MB", "16"))).hasMessageContaining("specify RAM in MB, not GB");
    }
}
