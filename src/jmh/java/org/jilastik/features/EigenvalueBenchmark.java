package org.jilastik.features;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * fastfilters' 3-D eigenvalue solver ({@link FastfiltersEigen3}) on 2 M voxels (one 128³ block) of random symmetric
 * matrices, one thread: the scalar lanes ({@link FastfiltersEigen3#staged}) against the Vector API lanes
 * ({@link VectorFastfiltersEigen3#symmetric3}, the whole vectors; same bits). The first calls of the vector lanes
 * run the Vector API's boxed fallback, so compare the warm iterations.
 *
 * <pre>mvn -B -Pjmh -DskipTests package && java -jar target/benchmarks.jar EigenvalueBenchmark -wi 5 -i 8 -f 1</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx2g"})
public class EigenvalueBenchmark {
    private static final int VOXELS = 128 * 128 * 128;

    private float[][] tensor;
    private float[][] out;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(20261125);
        tensor = new float[6][VOXELS];
        for (float[] component : tensor) {
            for (int i = 0; i < VOXELS; i++) {
                component[i] = (float) (2 * rnd.nextDouble() - 1);
            }
        }
        out = new float[3][VOXELS];
    }

    @Benchmark
    public float[][] scalarLanes() {
        float[][] t = tensor;
        FastfiltersEigen3.staged(t[0], t[1], t[2], t[3], t[4], t[5], 0, VOXELS, out[0], out[1], out[2]);
        return out;
    }

    @Benchmark
    public float[][] vectorLanes() {
        float[][] t = tensor;
        VectorFastfiltersEigen3.symmetric3(t[0], t[1], t[2], t[3], t[4], t[5], VOXELS, out[0], out[1], out[2]);
        return out;
    }
}
