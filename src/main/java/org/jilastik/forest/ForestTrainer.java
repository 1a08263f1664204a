package org.jilastik.forest;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jilastik.error.JilastikException;
import org.jilastik.exec.Tasks;
import org.jilastik.project.ClassifierType;

/**
 * Trains a classifier as ilastik's {@code ParallelVigraRfLazyflowClassifierFactory} does (spec
 * pixel-classification §4.5): {@code treeCount} vigra trees spread over {@code forestCount} forests (each
 * {@code treeCount / forestCount}, the first {@code treeCount % forestCount} one more, empty forests dropped), each
 * tree grown by {@link TreeBuilder} with vigra's defaults ({@code mtry = floor(sqrt(F) + 0.5)}, bootstrap of
 * {@code n} with replacement, Gini, {@code min_split_node_size_ = 1}).
 *
 * <p>Deterministic: tree {@code t} (counted over all forests) draws from its own random stream derived from
 * {@code seed} and {@code t}, so the result depends on neither the thread count nor the order in which trees
 * finish. Trees are grown in parallel on a pool of {@code threads} workers. Stateless apart from its settings;
 * thread safe.
 *
 * @param treeCount   total trees (ilastik default 100, {@code --tree-count})
 * @param forestCount forests to spread them over (ilastik: {@code _num_forests}, the saving machine's thread count)
 * @param seed        the random seed
 * @param threads     worker threads (≥ 1)
 */
public record ForestTrainer(int treeCount, int forestCount, long seed, int threads) {
    /** ilastik's default total tree count. */
    public static final int DEFAULT_TREES = 100;
    /** jilastik's default seed (vigra seeds from the clock; jilastik is reproducible instead). */
    public static final long DEFAULT_SEED = 42;

    /** Checks the settings. */
    public ForestTrainer {
        if (treeCount < 1 || forestCount < 1 || threads < 1) {
            throw new IllegalArgumentException("tree count " + treeCount + ", forest count " + forestCount
                    + " and threads " + threads + " must be positive");
        }
    }

    /** A trained classifier and, per feature, its importance measures (see {@link VariableImportance}). */
    public record Result(VigraClassifier classifier, VariableImportance importance) {
    }

    /** vigra's default {@code mtry} for {@code featureCount} columns ({@code RF_SQRT}). */
    public static int defaultMtry(int featureCount) {
        return Math.max(1, (int) Math.floor(Math.sqrt(featureCount) + 0.5));
    }

    /** Trees per forest, ilastik's distribution (empty forests dropped). */
    public int[] treesPerForest() {
        List<Integer> counts = new ArrayList<>();
        for (int f = 0; f < forestCount; f++) {
            int c = treeCount / forestCount + (f < treeCount % forestCount ? 1 : 0);
            if (c > 0) {
                counts.add(c);
            }
        }
        return counts.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Trains on {@code data}.
     *
     * @param withImportance also measure per-feature importance (out-of-bag permutation and Gini decrease)
     * @throws JilastikException (processing) when there are fewer samples than needed (no labelled pixels)
     */
    public Result train(TrainingSet data, boolean withImportance) {
        if (data.sampleCount() == 0) {
            throw JilastikException.processing("there are no labelled pixels to train on; label some pixels first");
        }
        int mtry = defaultMtry(data.featureCount());
        VigraTree[] trees = new VigraTree[treeCount];
        double[][][] importances = withImportance ? new double[treeCount][][] : null;
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, treeCount),
                r -> Thread.ofPlatform().daemon(true).name("jilastik-train").unstarted(r));
        try {
            List<Future<?>> parts = new ArrayList<>();
            int workers = Math.min(threads, treeCount);
            for (int w = 0; w < workers; w++) {
                int first = w;
                parts.add(pool.submit(() -> {
                    TreeBuilder builder = new TreeBuilder(data, mtry, 1);
                    for (int t = first; t < treeCount; t += workers) {
                        SplittableRandom random = new SplittableRandom(mix(seed, t));
                        TreeBuilder.Grown g = builder.build(random);
                        trees[t] = g.tree();
                        if (importances != null) {
                            importances[t] = VariableImportance.ofTree(g, data, random);
                        }
                    }
                }));
            }
            Tasks.awaitAll(parts, "training");
        } finally {
            pool.shutdownNow();
        }
        List<VigraForest> forests = new ArrayList<>();
        int next = 0;
        for (int count : treesPerForest()) {
            List<VigraTree> own = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                own.add(trees[next++]);
            }
            forests.add(forest(own, data, mtry));
        }
        VigraClassifier classifier = new VigraClassifier(ClassifierType.PARALLEL_VIGRA_RF, List.copyOf(forests),
                data.labels().clone(), data.featureNames(), null);
        VariableImportance importance = importances == null ? null
                : VariableImportance.average(importances, data.featureNames(), data.classCount());
        return new Result(classifier, importance);
    }

    // The options and external parameters vigra writes for a forest trained with its defaults.
    private static VigraForest forest(List<VigraTree> trees, TrainingSet data, int mtry) {
        TreeMap<String, double[]> options = new TreeMap<>();
        options.put("min_split_node_size_", new double[] {1});
        options.put("mtry_", new double[] {0});
        options.put("mtry_func_", new double[] {0});
        options.put("mtry_switch_", new double[] {6});
        options.put("predict_weighted_", new double[] {0});
        options.put("prepare_online_learning_", new double[] {0});
        options.put("sample_with_replacement_", new double[] {1});
        options.put("stratification_method_", new double[] {3});
        options.put("training_set_calc_switch_", new double[] {1});
        options.put("training_set_func_", new double[] {0});
        options.put("training_set_proportion_", new double[] {1});
        options.put("training_set_size_", new double[] {0});
        options.put("tree_count_", new double[] {trees.size()});
        TreeMap<String, double[]> ext = new TreeMap<>();
        int n = data.sampleCount();
        ext.put("actual_msample_", new double[] {n});
        ext.put("actual_mtry_", new double[] {mtry});
        ext.put("class_count_", new double[] {data.classCount()});
        double[] weights = new double[data.classCount()];
        java.util.Arrays.fill(weights, 1.0);
        ext.put("class_weights_", weights);
        ext.put("column_count_", new double[] {data.featureCount()});
        ext.put("is_weighted_", new double[] {1});
        ext.put("precision_", new double[] {0});
        ext.put("problem_type_", new double[] {1});
        ext.put("response_size_", new double[] {1});
        ext.put("row_count_", new double[] {n});
        ext.put("used_", new double[] {1});
        return new VigraForest(new double[] {0.1}, java.util.Collections.unmodifiableSortedMap(options),
                java.util.Collections.unmodifiableSortedMap(ext), data.labels().clone(), List.copyOf(trees));
    }

    // SplitMix64 finaliser of (seed, tree): independent, well-spread streams per tree.
    static long mix(long seed, long tree) {
        long z = seed + 0x9E3779B97F4A7C15L * (tree + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
