package org.jilastik.forest;

import static org.assertj.core.api.Assertions.assertThat;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jilastik.project.StoredGroup;
import org.jilastik.project.StoredGroupReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** decode → encode → write with jhdf → read → decode gives the same classifier; the file has vigra's layout. */
class ForestRoundTripTest {
    @TempDir
    Path tmp;

    static Stream<Arguments> classifiers() {
        return AllProjectClassifiersTest.classifierGroups();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("classifiers")
    void roundTripsThroughAnHdf5File(String ilp, String groupPath) {
        VigraClassifier original = TestData.classifier(ilp, groupPath);
        StoredGroup encoded = ClassifierForestsCodec.encode(original, "ClassifierForests");
        assertThat(ClassifierForestsCodec.decode(encoded, groupPath).sameAs(original)).as("in memory").isTrue();

        Path file = tmp.resolve("classifier.h5");
        StoredGroupHdf5Writer.writeFile(file, groupPath, encoded);
        try (HdfFile f = new HdfFile(file)) {
            StoredGroup read = StoredGroupReader.read((Group) f.getByPath(groupPath));
            VigraClassifier back = ClassifierForestsCodec.decode(read, groupPath);
            assertThat(back.sameAs(original)).as("written and read back").isTrue();
            assertThat(back.forests().getFirst().trees().getFirst().topology())
                    .isEqualTo(original.forests().getFirst().trees().getFirst().topology());
        }
    }

    @Test
    void writtenFileHasVigraLayout() {
        String ilp = "ilastik-ref/new-2d-1ch-3class/blobs2d_pc.ilp";
        VigraClassifier original = TestData.classifier(ilp, "PixelClassification/ClassifierForests");
        Path file = tmp.resolve("layout.h5");
        StoredGroupHdf5Writer.writeFile(file, "PixelClassification/ClassifierForests",
                ClassifierForestsCodec.encode(original, "ClassifierForests"));
        try (HdfFile f = new HdfFile(file)) {
            Group cf = (Group) f.getByPath("PixelClassification/ClassifierForests");
            assertThat(cf.getChildren().keySet()).containsExactlyInAnyOrder("Forest0000", "Forest0001",
                    "feature_names", "known_labels", "pickled_type");
            assertThat(((Dataset) cf.getChild("pickled_type")).getData()).isEqualTo(
                    "clazyflow.classifiers.parallelVigraRfLazyflowClassifier\nParallelVigraRfLazyflowClassifier\np0\n.");
            Dataset known = (Dataset) cf.getChild("known_labels");
            assertThat(known.getDataType().getSize()).isEqualTo(4);
            assertThat(known.getJavaType()).isEqualTo(long.class); // jhdf widens uint32 to long
            assertThat((long[]) known.getData()).containsExactly(1, 2, 3);
            assertThat((String[]) ((Dataset) cf.getChild("feature_names")).getData()).hasSize(41);

            Group forest = (Group) cf.getChild("Forest0000");
            Attribute version = forest.getAttribute("vigra_random_forest_version");
            assertThat((double[]) version.getData()).containsExactly(0.1);
            assertThat(forest.getChildren().keySet()).contains("_options", "_ext_param", "Tree_00", "Tree_49")
                    .hasSize(52);
            Dataset treeCount = (Dataset) forest.getByPath("_options/tree_count_");
            assertThat(treeCount.getJavaType()).isEqualTo(double.class);
            assertThat(treeCount.getDimensions()).containsExactly(1);
            assertThat((double[]) treeCount.getData()).containsExactly(50.0);
            Dataset labels = (Dataset) forest.getByPath("_ext_param/labels");
            assertThat(labels.getDataType().getSize()).isEqualTo(4);
            assertThat((long[]) labels.getData()).containsExactly(1, 2, 3);
            assertThat((double[]) ((Dataset) forest.getByPath("_ext_param/column_count_")).getData()).containsExactly(41.0);
            assertThat((double[]) ((Dataset) forest.getByPath("_ext_param/class_weights_")).getData())
                    .containsExactly(1.0, 1.0, 1.0);
            Dataset topology = (Dataset) forest.getByPath("Tree_00/topology");
            assertThat(topology.getJavaType()).isEqualTo(int.class);
            assertThat(topology.getDataType().getSize()).isEqualTo(4);
            assertThat(((int[]) topology.getData())[0]).isEqualTo(41);
            Dataset parameters = (Dataset) forest.getByPath("Tree_00/parameters");
            assertThat(parameters.getJavaType()).isEqualTo(double.class);
        }
    }
}
