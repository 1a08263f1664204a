package org.jilastik.workflow.counting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.jilastik.project.CountingStore;
import org.jilastik.project.CountingStoreReader;
import org.junit.jupiter.api.Test;

/** The reference counting project's stored regressor, decoded as data (spec counting §4, §7). */
class CountingReferenceModelTest {
    static final Path ILP = Path.of("../shared/testdata/ilastik-ref/counting-2d/cells2d_counting.ilp");

    @Test
    void decodesTheStoredForest() {
        CountingStore store = CountingStoreReader.read(ILP);
        assertThat(store.wrapperPaths()).containsExactly("/Counting/CountingWrappers/wrapper0003");
        assertThat(store.pickles().getFirst()).hasSize(142569);
        assertThat(store.csvFilepath()).isNull();
        CountingModel model = CountingModelDecoder.decode(store.pickles(), store.wrapperPaths());
        assertThat(model.wrappers()).hasSize(1);
        assertThat(model.wrappers().getFirst()).hasSize(1);
        ForestRegressor forest = (ForestRegressor) model.wrappers().getFirst().getFirst();
        assertThat(forest.trees()).hasSize(10);
        assertThat(forest.featureCount()).isEqualTo(12);
    }

    @Test
    void aProjectWithoutWrappersIsRefused() {
        java.io.File dir = new java.io.File("../shared/testdata/ilastik-ref/new-2d-1ch-3class");
        Path pixel = java.util.Arrays.stream(dir.listFiles((d, n) -> n.endsWith(".ilp"))).findFirst().orElseThrow()
                .toPath();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CountingStoreReader.read(pixel))
                .isInstanceOf(org.jilastik.error.JilastikException.class)
                .hasMessageContaining("holds no trained counting regressor");
    }

    @Test
    void aWrapperThatIsNoSvrIsRefused() {
        byte[] notSvr = {(byte) 0x80, 4, 'N', '.'};
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CountingModelDecoder.decode(List.of(notSvr),
                List.of("w0"))).hasMessageStartingWith("w0 is no ilastik counting regressor");
    }
}
