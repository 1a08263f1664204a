package org.jilastik.forest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Prediction of 4 million pixels with the forest of ilastik-ref/new-2d-1ch-3class (41 features, 3 classes,
 * 2 forests × 50 trees). Features ({@code source}): "big2d" = the project's features of bench/big2d.h5 (first 4 M
 * pixels, computed once and cached in java.io.tmpdir, see BenchFeatures), "tile" = the case's own 128×128 Features
 * export repeated. ilastik's vigra forest needs about 5.8 s for this on one thread.
 *
 * <p>Run from the project root: {@code java --add-modules jdk.incubator.vector -jar target/benchmarks.jar
 * ForestPredictionBenchmark.production -wi 2 -i 5 -f 1 -p threads=1,2} (test data at {@code ../shared/testdata},
 * or {@code -Djilastik.testdata=...}).
 *
 * <p>{@code production} = ForestPredictor (threads = 1: one call; otherwise 64 Ki-pixel chunks on a pool of that
 * many threads). Older layouts on the same flattened arrays, for comparison: {@code reference} = vigra's own
 * encoding walked per pixel; {@code pixelMajorLoop} = per pixel all trees, stop-at-leaf loop; {@code blockLoop} =
 * tree-outer over pixel blocks, stop-at-leaf loop; {@code blockFixedDepth} = tree-outer, each pixel takes depth[t]
 * branch-free steps; {@code blockLevelSync} = tree-outer, step-outer / pixel-inner branch-free steps, also with
 * early exit. More (CPU-time harness): ForestKernelLab.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-Xms4g", "--add-modules", "jdk.incubator.vector"})
public class ForestPredictionBenchmark {
    static final int PIXELS = BenchFeatures.PIXELS;

    @Param({"big2d"})
    public String source;

    @Param({"1"})
    public int threads;

    @Param({"128"})
    public int block;

    ForestPredictor predictor;
    VigraReferencePredictor reference;
    float[] features;
    float[] out;
    ExecutorService pool;

    @Setup(Level.Trial)
    public void setUp() {
        VigraClassifier classifier = BenchFeatures.classifier();
        features = BenchFeatures.load(source == null ? "big2d" : source, classifier.featureCount());
        predictor = ForestPredictor.compile(classifier, 3);
        reference = new VigraReferencePredictor(classifier, 3);
        out = new float[PIXELS * 3];
        pool = Executors.newFixedThreadPool(Math.max(1, threads));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pool.shutdownNow();
    }

    @Benchmark
    public float[] production() throws Exception {
        if (threads <= 1) {
            predictor.predict(features, 0, PIXELS, out, 0);
            return out;
        }
        int chunk = 65_536;
        int nf = predictor.featureCount();
        List<Future<?>> jobs = new ArrayList<>();
        for (int start = 0; start < PIXELS; start += chunk) {
            int from = start;
            int count = Math.min(chunk, PIXELS - start);
            jobs.add(pool.submit(() -> predictor.predict(features, from * nf, count, out, from * 3)));
        }
        for (Future<?> j : jobs) {
            j.get();
        }
        return out;
    }

    /** The single-thread production call (kept for the older experiment harnesses). */
    float[] productionOneThread() {
        predictor.predict(features, 0, PIXELS, out, 0);
        return out;
    }

    @Benchmark
    public float[] reference() {
        reference.predict(features, 0, PIXELS, out, 0);
        return out;
    }

    @Benchmark
    public float[] pixelMajorLoop() {
        ForestLayoutVariants.pixelMajorLoop(predictor, features, PIXELS, out);
        return out;
    }

    @Benchmark
    public float[] blockLoop() {
        ForestLayoutVariants.blockLoop(predictor, features, PIXELS, out, block);
        return out;
    }

    @Benchmark
    public float[] blockFixedDepth() {
        ForestLayoutVariants.blockFixedDepthPixelOuter(predictor, features, PIXELS, out, block);
        return out;
    }

    @Benchmark
    public float[] blockLevelSync() {
        ForestLayoutVariants.blockLevelSynchronous(predictor, features, PIXELS, out, block);
        return out;
    }

    @Benchmark
    public float[] blockLevelSyncEarlyExit() {
        ForestLayoutVariants.blockLevelSynchronousEarlyExit(predictor, features, PIXELS, out, block);
        return out;
    }
}
