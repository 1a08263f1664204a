package org.jilastik.forest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jilastik.error.JilastikException;
import org.jilastik.project.StoredGroup;
import org.junit.jupiter.api.Test;

/** The trainer's vigra defaults, its determinism, and that what it writes is a forest the codec and predictor read. */
class ForestTrainerTest {

    // Two Gaussian-ish clouds in 5 features, class by the sign of feature 2 (plus 3 noise features); label values 3, 7.
    private static TrainingSet clouds(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n * 5];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            boolean positive = i % 2 == 0;
            for (int f = 0; f < 5; f++) {
                x[i * 5 + f] = (float) r.nextGaussian();
            }
            x[i * 5 + 2] = (float) ((positive ? 2 : -2) + 0.5 * r.nextGaussian());
            labels[i] = positive ? 7 : 3;
        }
        List<String> names = new ArrayList<>();
        for (int f = 0; f < 5; f++) {
            names.add("f" + f);
        }
        return TrainingSet.of(x, 5, labels, names);
    }

    @Test
    void vigraDefaultsAndIlastikForestSplit() {
        assertThat(ForestTrainer.defaultMtry(41)).isEqualTo(6);
        assertThat(ForestTrainer.defaultMtry(49)).isEqualTo(7);
        assertThat(ForestTrainer.defaultMtry(2)).isEqualTo(1);
        assertThat(new ForestTrainer(100, 8, 1, 1).treesPerForest()).containsExactly(13, 13, 13, 13, 12, 12, 12, 12);
        assertThat(new ForestTrainer(3, 8, 1, 1).treesPerForest()).containsExactly(1, 1, 1);
    }

    @Test
    void learnsSeparableClassesWithPureLeavesAndVigraMetadata() {
        TrainingSet data = clouds(400, 5);
        assertThat(data.labels()).containsExactly(3, 7);
        ForestTrainer.Result result = new ForestTrainer(20, 3, 11, 2).train(data, false);
        VigraClassifier c = result.classifier();
        assertThat(c.forests()).hasSize(3);
        assertThat(c.treeCount()).isEqualTo(20);
        assertThat(c.knownLabels()).containsExactly(3, 7);
        VigraForest f = c.forests().getFirst();
        assertThat(f.options().get("tree_count_")).containsExactly(7);
        assertThat(f.options().get("mtry_switch_")).containsExactly(6);
        assertThat(f.extParams().get("actual_mtry_")).containsExactly(2);
        assertThat(f.extParams().get("row_count_")).containsExactly(400);
        assertThat(f.extParams().get("column_count_")).containsExactly(5);
        // every leaf is pure (min_split_node_size 1 and unlimited depth); leaf weights add up to the bootstrap size
        for (VigraForest forest : c.forests()) {
            for (VigraTree t : forest.trees()) {
                assertThat(VigraForestCodec.checkTree(t, 5, 2)).isNull();
                double weights = 0;
                int[] top = t.topology();
                for (int n = VigraTree.ROOT; n < top.length; n += top[n] == VigraTree.CONSTANT_LEAF ? 2 : 5) {
                    if (top[n] == VigraTree.CONSTANT_LEAF) {
                        double[] p = t.parameters();
                        int a = top[n + 1];
                        weights += p[a];
                        assertThat(Math.max(p[a + 1], p[a + 2])).isEqualTo(1.0);
                    }
                }
                assertThat(weights).isEqualTo(400.0);
            }
        }
        // the forest classifies its training samples and fresh samples of the same clouds
        ForestPredictor predictor = ForestPredictor.compile(c, 7);
        TrainingSet fresh = clouds(200, 99);
        float[] p = predictor.predict(fresh.features(), 200);
        int correct = 0;
        for (int i = 0; i < 200; i++) {
            int label = p[i * 7 + 6] > p[i * 7 + 2] ? 7 : 3;
            correct += label == fresh.labels()[fresh.classes()[i]] ? 1 : 0;
        }
        assertThat(correct).as("fresh samples classified correctly").isGreaterThanOrEqualTo(196);
    }

    @Test
    void sameSeedSameTreesWhateverTheThreadCount() {
        TrainingSet data = clouds(300, 1);
        VigraClassifier one = new ForestTrainer(12, 4, 7, 1).train(data, false).classifier();
        VigraClassifier four = new ForestTrainer(12, 4, 7, 4).train(data, false).classifier();
        VigraClassifier other = new ForestTrainer(12, 4, 8, 4).train(data, false).classifier();
        assertThat(one.sameAs(four)).isTrue();
        assertThat(one.sameAs(other)).isFalse();
    }

    @Test
    void encodedForestDecodesToTheSameForest() {
        VigraClassifier c = new ForestTrainer(5, 2, 3, 2).train(clouds(100, 2), false).classifier();
        StoredGroup g = ClassifierForestsCodec.encode(c, "ClassifierForests");
        assertThat(g.groups()).containsOnlyKeys("Forest0000", "Forest0001");
        assertThat(ClassifierForestsCodec.decode(g, "ClassifierForests").sameAs(c)).isTrue();
    }

    @Test
    void labelProportionKeepsThatShareAndRefusesToLoseAClass() {
        TrainingSet data = clouds(200, 3);
        TrainingSet half = data.subsample(0.5, 1);
        assertThat(half.sampleCount()).isEqualTo(100);
        assertThat(half.labels()).containsExactly(3, 7);
        float[] x = {0, 1, 2, 3};
        TrainingSet rare = TrainingSet.of(x, 1, new int[] {1, 1, 1, 2}, List.of("f"));
        assertThatThrownBy(() -> rare.subsample(0.25, 4)).isInstanceOf(JilastikException.class)
                .hasMessageContaining("--label-proportion");
    }

    @Test
    void importanceTableHasIlastiksLayout() {
        ForestTrainer.Result r = new ForestTrainer(30, 2, 5, 2).train(clouds(400, 4), true);
        String table = r.importance().table();
        String[] lines = table.split("\n");
        assertThat(lines).hasSize(6);
        assertThat(lines[0]).isEqualTo("Feature Name,  Class #0,  Class #1,   Overall,      Gini");
        // sorted by the overall column ascending: the informative feature f2 comes last, with the largest Gini
        assertThat(lines[5]).startsWith("f2,"); // names padded to the longest name (2), as ilastik pads
        String[] fields = lines[5].split(",");
        assertThat(fields).hasSize(5);
        for (int k = 1; k < 5; k++) {
            assertThat(fields[k]).hasSizeGreaterThanOrEqualTo(10).matches(" *-?\\d+\\.\\d{7}");
        }
        double f2Overall = Double.parseDouble(fields[3].strip());
        assertThat(f2Overall).isGreaterThan(0.3);
        for (int i = 1; i < 5; i++) {
            assertThat(Double.parseDouble(lines[i].split(",")[3].strip())).isLessThan(f2Overall);
        }
    }
}
