package org.jilastik.project;

import static org.assertj.core.api.Assertions.assertThat;

import org.jilastik.array.Axes;
import org.jilastik.workflow.WorkflowKind;
import org.junit.jupiter.api.Test;

/** The version rules of spec pixel-classification §3.1 for blocks without an axistags attribute. */
class LabelAxesRuleTest {
    private static final Axes TZYXC = Axes.of("tzyxc");

    @Test
    void blockAxistagsAlwaysWin() {
        LabelAxesRule rule = new LabelAxesRule(IlastikVersion.parse("1.3.3post2"), WorkflowKind.PIXEL_CLASSIFICATION);
        assertThat(rule.axesOf(Axes.of("xyc"), 3, TZYXC)).isEqualTo(Axes.of("xyc"));
    }

    @Test
    void versionRanges() {
        WorkflowKind pc = WorkflowKind.PIXEL_CLASSIFICATION;
        WorkflowKind pcoc = WorkflowKind.OBJECT_CLASSIFICATION_PIXEL;
        // 1.2 era: the info's axes (axisorder), else txyzc for 5-D blocks
        assertThat(rule("1.2.0rc10", pc).axesOf(null, 4, Axes.of("txyc"))).isEqualTo(Axes.of("txyc"));
        assertThat(rule("1.2.2post2", pc).axesOf(null, 5, null)).isEqualTo(Axes.of("txyzc"));
        // 1.3.3 .. 1.3.3post1, pc -> oc: txyzc; plain pc: lane order
        assertThat(rule("1.3.3", pcoc).axesOf(null, 5, TZYXC)).isEqualTo(Axes.of("txyzc"));
        assertThat(rule("1.3.3post1", pcoc).axesOf(null, 5, TZYXC)).isEqualTo(Axes.of("txyzc"));
        assertThat(rule("1.3.3post1", pc).axesOf(null, 3, TZYXC)).isNull();
        // 1.3.3post2 .. 1.4.0b7: the raw source's own axes
        assertThat(rule("1.3.3post2", pc).axesOf(null, 5, TZYXC)).isEqualTo(TZYXC);
        assertThat(rule("1.4.0b7", pc).axesOf(null, 5, TZYXC)).isEqualTo(TZYXC);
        assertThat(rule("1.3.3post2", pcoc).axesOf(null, 5, TZYXC)).isEqualTo(TZYXC);
        // later: lane image order
        assertThat(rule("1.4.0b8", pc).axesOf(null, 3, TZYXC)).isNull();
        assertThat(rule("1.4.0b11", pc).axesOf(null, 3, Axes.of("yxc"))).isNull();
        assertThat(new LabelAxesRule(null, pc).axesOf(null, 3, TZYXC)).isNull();
    }

    private static LabelAxesRule rule(String version, WorkflowKind wf) {
        return new LabelAxesRule(IlastikVersion.parse(version), wf);
    }
}
