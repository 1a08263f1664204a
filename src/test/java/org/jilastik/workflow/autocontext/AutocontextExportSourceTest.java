package org.jilastik.workflow.autocontext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jilastik.array.DType;
import org.jilastik.workflow.WorkflowKind;
import org.jilastik.workflow.autocontext.AutocontextExportSource.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ilastik's export-source list of 2-, 3- and 4-stage Autocontext projects (spec autocontext §4). */
class AutocontextExportSourceTest {

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4})
    void namesInIlastiksOrderAsTheCliListsThem(int stages) {
        var all = AutocontextExportSource.all(stages);
        assertThat(all).hasSize(6 * stages + 1);
        assertThat(all.stream().map(AutocontextExportSource::displayName).toList())
                .isEqualTo(WorkflowKind.AUTOCONTEXT.exportSources(stages));
        assertThat(all.getFirst()).isEqualTo(new AutocontextExportSource(Kind.PROBABILITIES, stages));
        assertThat(all.get(5).displayName()).isEqualTo("Input Stage " + stages);
        assertThat(all.get(6 * stages - 1).displayName()).isEqualTo("Input Stage 1");
        assertThat(all.getLast().displayName()).isEqualTo("Probabilities All Stages");
        for (var s : all) {
            assertThat(AutocontextExportSource.byName(s.displayName().toUpperCase(), stages)).isEqualTo(s);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Propabilities All Stages", "propabilities all stages", " Probabilities All Stages "})
    void allStagesAcceptsIlastiksMisspelling(String name) {
        assertThat(AutocontextExportSource.byName(name, 3)).isEqualTo(new AutocontextExportSource(Kind.ALL_STAGES, 3));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4})
    void defaultIsTheLastStagesProbabilities(int stages) {
        assertThat(AutocontextExportSource.byName(null, stages).displayName())
                .isEqualTo("Probabilities Stage " + stages);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Probabilities", "Probabilities Stage 3", "Probabilities Stage 0", "Input"})
    void unknownNamesAreRefused(String name) {
        assertThatThrownBy(() -> AutocontextExportSource.byName(name, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"uint8", "uint16", "float32"})
    void dtypes(String raw) {
        DType d = DType.fromNumpyName(raw);
        assertThat(AutocontextExportSource.byName("Probabilities Stage 1", 2).dtype(d)).isEqualTo(DType.FLOAT32);
        assertThat(AutocontextExportSource.byName("Simple Segmentation Stage 2", 2).dtype(d)).isEqualTo(DType.UINT8);
        assertThat(AutocontextExportSource.byName("Uncertainty Stage 2", 2).dtype(d)).isEqualTo(DType.FLOAT32);
        assertThat(AutocontextExportSource.byName("Features Stage 2", 2).dtype(d)).isEqualTo(DType.FLOAT32);
        assertThat(AutocontextExportSource.byName("Labels Stage 1", 2).dtype(d)).isEqualTo(DType.UINT8);
        assertThat(AutocontextExportSource.byName("Input Stage 2", 2).dtype(d)).isEqualTo(d);
        assertThat(AutocontextExportSource.byName("Probabilities All Stages", 2).dtype(d)).isEqualTo(DType.FLOAT32);
    }
}
