package org.jilastik.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.jilastik.error.JilastikException;
import org.junit.jupiter.api.Test;

class RunRequestTest {
    private static RunRequest request(List<String> flags, ExportOptions export, DistributedOptions distributed) {
        return new RunRequest("~/p/P.ilp", null, null, true, null, false, false, false, null, null, null, null, false,
                null, null, InputOptions.NONE, export, WorkflowOptions.NONE, distributed, ResourceOptions.DEFAULTS,
                flags);
    }

    @Test
    void homeExpansionAndDefaults() {
        RunRequest r = request(List.of("project"), ExportOptions.NONE, DistributedOptions.NONE);
        assertThat(r.projectPath("/home/u")).isEqualTo(Path.of("/home/u/p/P.ilp"));
        assertThat(RunRequest.expandHome("~user/x.ilp", "/home/u")).isEqualTo(Path.of("~user/x.ilp"));
        assertThat(RunRequest.expandHome("a/~/x.ilp", "/home/u")).isEqualTo(Path.of("a/~/x.ilp"));
        assertThat(r.isReadonly()).isTrue();
        assertThat(r.gave("project")).isTrue();
        assertThat(r.gave("debug")).isFalse();
        assertThat(r.withExport(ExportOptions.NONE.withExportSource("Labels")).export().exportSource())
                .isEqualTo("Labels");
    }

    @Test
    void featureGateRefusesLaterCapabilities() {
        assertThatThrownBy(() -> FeatureGate.refuseUnsupported(
                request(List.of("project", "fillmissing"), ExportOptions.NONE, DistributedOptions.NONE)))
                .isInstanceOf(JilastikException.class)
                .hasMessage("--fillmissing is not supported yet in jilastik " + JilastikVersion.get());
        FeatureGate.refuseUnsupported(request(List.of("project", "distributed", "distributed_block_roi"),
                ExportOptions.NONE, new DistributedOptions(true, null)));
        ExportOptions png = new ExportOptions(null, "dvid", null, null, null, null, null, null, null, false, null, null);
        assertThatThrownBy(() -> FeatureGate.refuseUnsupported(request(List.of("output_format"), png,
                DistributedOptions.NONE))).hasMessageContaining("output format \"dvid\" writes to a DVID server");
        ExportOptions tif = new ExportOptions(null, "tif", null, null, null, null, null, null, null, false, null, null);
        FeatureGate.refuseUnsupported(request(List.of("project", "output_format", "headless"), tif,
                DistributedOptions.NONE));
        assertThat(FeatureGate.refusedFlags()).contains("generate_random_labels")
                .doesNotContain("retrain", "tree_count", "label_proportion", "variable_importance_path")
                .doesNotContain("csv_export_file", "distributed", "distributed_block_roi", "project", "export_source",
                        "cutout_subregion", "quiet", "debug");
    }

    @Test
    void blockRoiAccessors() {
        BlockRoi b = BlockRoi.DEFAULT.with('c', 3).with('t', BlockRoi.WHOLE_AXIS);
        assertThat(b).isEqualTo(new BlockRoi(0, 256, 256, 256, 3));
        assertThat(b.size('c')).isEqualTo(3);
        assertThatThrownBy(() -> b.size('q')).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BlockRoi(1, -2, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dataRangeRejectsOtherNumberTypes() {
        assertThatThrownBy(() -> new DataRange(1, 2.0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new DataRange(0L, 1.5).toString()).isEqualTo("(0, 1.5)");
    }
}
