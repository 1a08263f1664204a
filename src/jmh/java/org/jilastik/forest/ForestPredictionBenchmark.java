package org.jilastik.forest;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jilastik.project.StoredGroupReader;
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
 * 2 forests × 50 trees); features are the case's own Features export (128×128 pixels) repeated. ilastik's vigra
 * forest needs about 5.8 s for this on one thread.
 *
 * <p>Run from the project root: {@code java -jar target/benchmarks.jar ForestPredictionBenchmark -wi 1 -i 3 -f 1}
 * (test data at {@code ../shared/testdata}, or {@code -Djilastik.testdata=...}).
 *
 * <p>Layouts measured (all on the same flattened arrays; see ForestPredictor's layout comment): {@code reference}
 * = vigra's own encoding walked per pixel; {@code pixelMajorLoop} = per pixel all trees, stop-at-leaf loop;
 * {@code blockLoop} = tree-outer over pixel blocks, stop-at-leaf loop; {@code blockFixedDepth} = tree-outer, each
 * pixel takes depth[t] branch-free steps one after the other; {@code blockLevelSync} = tree-outer, step-outer /
 * pixel-inner branch-free steps (the production kernel), also with early exit. Results: see the forest package
 * notes in the report (numbers depend on the machine; this one is shared).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-Xms4g"})
public class ForestPredictionBenchmark {
    static final int PIXELS = 4_000_000;

    @Param({"128"})
    public int block;

    ForestPredictor predictor;
    VigraReferencePredictor reference;
    float[] features;
    float[] out;
    ExecutorService pool;
    int threads;

    @Setup(Level.Trial)
    public void setUp() {
        Path data = Path.of(System.getProperty("jilastik.testdata", "../shared/testdata"))
                .resolve("ilastik-ref/new-2d-1ch-3class");
        float[] tile;
        VigraClassifier classifier;
        try (HdfFile ilp = new HdfFile(data.resolve("blobs2d_pc.ilp"));
             HdfFile exported = new HdfFile(data.resolve("out/blobs2d-data_Features.h5"))) {
            classifier = ClassifierForestsCodec.decode(StoredGroupReader.read(
                    (Group) ilp.getByPath("PixelClassification/ClassifierForests")), "ClassifierForests");
            tile = (float[]) ((Dataset) exported.getByPath("exported_data")).getDataFlat();
        }
        int nf = classifier.featureCount();
        features = new float[PIXELS * nf];
        for (int at = 0; at < features.length; at += tile.length) {
            System.arraycopy(tile, 0, features, at, Math.min(tile.length, features.length - at));
        }
        predictor = ForestPredictor.compile(classifier, 3);
        reference = new VigraReferencePredictor(classifier, 3);
        out = new float[PIXELS * 3];
        threads = Runtime.getRuntime().availableProcessors();
        pool = Executors.newFixedThreadPool(threads);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pool.shutdownNow();
    }

    @Benchmark
    public float[] productionOneThread() {
        predictor.predict(features, 0, PIXELS, out, 0);
        return out;
    }

    @Benchmark
    public float[] productionAllThreads() throws Exception {
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
