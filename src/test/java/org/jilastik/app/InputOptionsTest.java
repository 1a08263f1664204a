package org.jilastik.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jilastik.error.JilastikException;
import org.jilastik.workflow.WorkflowKind;
import org.junit.jupiter.api.Test;

class InputOptionsTest {
    private static InputOptions inputs(Map<String, List<String>> roles, List<String> positionals, List<String> axes) {
        return new InputOptions(roles, positionals, axes, false, null, false);
    }

    @Test
    void positionalsGoToTheFirstRoleAndEveryRoleIsPresent() {
        InputOptions in = inputs(Map.of("segmentation_image", List.of("s1.h5", "s2.h5")), List.of("a.h5", "b.h5"),
                null);
        assertThat(in.inputsFor(WorkflowKind.OBJECT_CLASSIFICATION_BINARY)).containsExactly(
                Map.entry("raw_data", List.of("a.h5", "b.h5")), Map.entry("segmentation_image", List.of("s1.h5", "s2.h5")),
                Map.entry("atlas", List.of()));
        assertThat(in.hasInputs()).isTrue();
        assertThat(InputOptions.NONE.hasInputs()).isFalse();
    }

    @Test
    void unknownRoleForTheWorkflowNamesTheValidFlags() {
        InputOptions in = inputs(Map.of("prediction_maps", List.of("p.h5")), List.of("a.h5"), null);
        assertThatThrownBy(() -> in.inputsFor(WorkflowKind.COUNTING)).isInstanceOf(JilastikException.class)
                .hasMessage("--prediction_maps is not an input of Cell Density Counting projects; use --raw_data");
        assertThat(in.inputsFor(WorkflowKind.TRACKING_PREDICTION)).containsKeys("raw_data", "prediction_maps");
    }

    @Test
    void firstRoleFlagAndPositionalsConflict() {
        Map<String, List<String>> roles = new LinkedHashMap<>();
        roles.put("raw_data", List.of("a.h5"));
        InputOptions in = inputs(roles, List.of("b.h5"), null);
        assertThatThrownBy(() -> in.inputsFor(WorkflowKind.PIXEL_CLASSIFICATION))
                .hasMessage("inputs were given both as bare paths and with --raw_data; give the Raw Data inputs one way only");
    }

    @Test
    void inputAxesExpandPerRole() {
        assertThat(inputs(Map.of(), List.of("a"), List.of("zyx")).inputAxesFor(WorkflowKind.MULTICUT))
                .containsExactly("zyx", "zyx", "zyx", "zyx");
        assertThat(inputs(Map.of(), List.of("a"), Arrays.asList("zyx", null, "zyxc"))
                .inputAxesFor(WorkflowKind.MULTICUT)).containsExactly("zyx", null, "zyxc", null);
        assertThat(inputs(Map.of(), List.of("a"), List.of("yx", "yxc")).inputAxesFor(WorkflowKind.PIXEL_CLASSIFICATION))
                .containsExactly("yx", "yxc");
        assertThat(inputs(Map.of(), List.of("a"), null).inputAxesFor(WorkflowKind.COUNTING)).isNull();
        assertThatThrownBy(() -> inputs(Map.of(), List.of("a"), List.of("yx", "yx"))
                .inputAxesFor(WorkflowKind.COUNTING)).isInstanceOf(JilastikException.class)
                .hasMessage("--input_axes gives 2 axis strings but Cell Density Counting projects have 1 input role "
                        + "(Raw Data); give at most 1");
    }

    @Test
    void collectionsAreUnmodifiableCopies() {
        List<String> pos = new java.util.ArrayList<>(List.of("a.png"));
        InputOptions in = inputs(Map.of(), pos, null);
        pos.add("b.png");
        assertThat(in.positionals()).containsExactly("a.png");
        assertThatThrownBy(() -> in.positionals().add("c")).isInstanceOf(UnsupportedOperationException.class);
    }
}
