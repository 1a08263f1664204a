package org.jilastik.workflow.counting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
}
