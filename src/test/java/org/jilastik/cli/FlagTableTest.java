package org.jilastik.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jilastik.workflow.WorkflowKind;
import org.junit.jupiter.api.Test;

class FlagTableTest {
    /** Every flag of spec cli-and-io §1.3–§1.7 and jilastik's own, as ilastik spells them. */
    private static final List<String> SPEC_FLAGS = List.of("--headless", "--project", "--readonly", "--new_project",
            "--workflow", "--clean_paths", "--redirect_output", "--debug", "--logfile", "--process_name", "--configfile",
            "--fullscreen", "--exit_on_failure", "--hbp", "--tiktorch_executable", "--nn_device", "--version", "--help",
            "--input_axes", "--ignore_training_axistags", "--stack_along", "--preconvert_stacks", "--distributed",
            "--distributed_block_roi", "--export_source", "--output_format", "--output_filename_format",
            "--output_internal_path", "--cutout_subregion", "--pipeline_result_drange", "--export_drange",
            "--export_dtype", "--output_axis_order", "--table_only", "--export_plugin", "--big_data_viewer_xml_file",
            "--retrain", "--tree-count", "--label-proportion", "--variable-importance-path", "--print-labels-by-slice",
            "--label-search-value", "--generate-random-labels", "--random-label-value", "--random-label-count",
            "--table_filename", "--fillmissing", "--nobatch", "--export_object_prediction_img",
            "--export_object_probability_img", "--export_pixel_probability_img", "--csv-export-file",
            "--connection_string", "--run-preprocessing", "--preprocessing-sigma", "--preprocessing-filter",
            "--quiet", "--clip", "--overwrite", "--no-overwrite", "--continue-on-error", "--tracking_solver", "--raw_data", "--prediction_mask", "--prediction_maps", "--atlas",
            "--segmentation_image", "--label_image", "--probabilities", "--superpixels", "--groundtruth",
            "--binary_image", "--overlay");

    @Test
    void everySpecFlagIsKnownWithItsIlastikSpelling() {
        assertThat(FlagTable.all()).extracting(FlagSpec::spelling).containsExactlyInAnyOrderElementsOf(SPEC_FLAGS);
    }

    @Test
    void everyRoleOfEveryWorkflowHasARoleFlag() {
        for (WorkflowKind k : WorkflowKind.values()) {
            for (String role : k.roles()) {
                String flag = WorkflowKind.roleFlag(role);
                assertThat(FlagTable.isRole(flag)).as(flag).isTrue();
                assertThat(FlagTable.get(flag).appliesTo(k)).isTrue();
            }
        }
        assertThat(FlagTable.get("prediction_mask").appliesTo(WorkflowKind.COUNTING)).isFalse();
        assertThat(FlagTable.get("overlay").workflows()).isEmpty();
        assertThat(FlagTable.isRole("project")).isFalse();
    }

    @Test
    void workflowRestrictions() {
        assertThat(FlagTable.get("retrain").appliesTo(WorkflowKind.MULTICUT)).isTrue();
        assertThat(FlagTable.get("retrain").appliesTo(WorkflowKind.COUNTING)).isFalse();
        assertThat(FlagTable.get("tree_count").appliesTo(WorkflowKind.AUTOCONTEXT)).isFalse();
        assertThat(FlagTable.get("table_filename").appliesTo(WorkflowKind.OBJECT_CLASSIFICATION_LABEL)).isTrue();
        assertThat(FlagTable.get("export_plugin").appliesTo(WorkflowKind.STRUCTURED_TRACKING_BINARY)).isTrue();
        assertThat(FlagTable.get("output_format").appliesTo(WorkflowKind.COUNTING)).isTrue();
    }

    @Test
    void editDistanceAndSuggestions() {
        assertThat(FlagTable.editDistance("kitten", "sitting")).isEqualTo(3);
        assertThat(FlagTable.editDistance("", "abc")).isEqualTo(3);
        assertThat(FlagTable.editDistance("abc", "abc")).isZero();
        assertThat(FlagTable.closest("outpt_format")).isEqualTo("--output_format");
        assertThat(FlagTable.closest("Project")).isEqualTo("--project");
        assertThat(FlagTable.closest("tree_cont")).isEqualTo("--tree-count");
        assertThat(FlagTable.closest("xyzzy_plugh_quux")).isNull();
    }
}
