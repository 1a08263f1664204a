package org.jilastik.features;

import io.jhdf.HdfFile;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
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
 * All feature channels of a reference project on a benchmark image, whole image as one output box:
 * {@code big2d}: 2048×2048 uint8 with the 41-channel set of new-2d-1ch-3class; {@code big3d}: 128³ uint8 with the
 * 61-channel set of new-3d-allfeatures. {@code features}: the channel-last array of an export
 * ({@code threads = 1} runs {@link FeatureComputer#compute}, more threads {@link FeatureComputer#computeParallel});
 * {@code planes}: one array per channel, as the forest reads them ({@link FeatureComputer#computePlanes}). Reads
 * {@code ../shared/testdata} (override with {@code -Djilastik.testdata=DIR}).
 *
 * <pre>mvn -B -Pjmh -DskipTests package && java -jar target/benchmarks.jar FeatureBenchmark -wi 1 -i 3 -f 1</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx8g"})
public class FeatureBenchmark {
    @Param({"big2d", "big3d"})
    public String image;

    @Param({"1", "2"})
    public int threads;

    private FeatureComputer computer;
    private Block input;
    private ExecutorService pool;

    @Setup(Level.Trial)
    public void setUp() {
        Path data = Path.of(System.getProperty("jilastik.testdata", "../shared/testdata"));
        boolean two = image.equals("big2d");
        Path ilp = data.resolve(two ? "ilastik-ref/new-2d-1ch-3class/blobs2d_pc.ilp"
                : "ilastik-ref/new-3d-allfeatures/blobs3d_pc.ilp");
        input = readUint8(data.resolve("bench/" + image + ".h5"), two ? "yx" : "zyx");
        FeaturePlan plan = FeaturePlan.of(readSelection(ilp), input.axes(), input.box().shape());
        computer = new FeatureComputer(plan);
        pool = Executors.newFixedThreadPool(threads);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pool.shutdownNow();
    }

    @Benchmark
    public float[] features() throws InterruptedException {
        return threads == 1 ? computer.compute(input, input.box())
                : computer.computeParallel(input, input.box(), pool, threads);
    }

    /**
     * {@link #features} into one output array allocated once per trial ({@link FeatureComputer#computeInto}), as a
     * caller computing many blocks of one size does and as ilastik does (numpy allocates without zeroing): the
     * measurement is the features, without the JVM zeroing a fresh 690 MB array per call.
     */
    @Benchmark
    public float[] featuresInto(Output output) throws InterruptedException {
        return computer.computeInto(input, input.box(), threads == 1 ? null : pool, threads, output.into);
    }

    /** The output array of {@link #featuresInto}, allocated only for that benchmark (the others keep the heap). */
    @State(Scope.Benchmark)
    public static class Output {
        float[] into;

        @Setup(Level.Trial)
        public void setUp(FeatureBenchmark b) {
            into = new float[Math.multiplyExact(Math.toIntExact(b.input.box().numElements()),
                    b.computer.plan().channelCount())];
        }
    }

    /** The features as channel planes, the layout the forest reads ({@link FeatureComputer#computePlanes}). */
    @Benchmark
    public float[][] planes() throws InterruptedException {
        return computer.computePlanes(input, input.box(), threads == 1 ? null : pool);
    }

    private static Block readUint8(Path h5, String axes) {
        try (HdfFile f = new HdfFile(h5)) {
            var d = f.getDatasetByPath("data");
            int[] dims = d.getDimensions();
            int n = 1;
            for (int v : dims) {
                n *= v;
            }
            byte[] out = new byte[n];
            int[] pos = {0};
            flatten(d.getData(), out, pos);
            return new Block(Axes.of(axes), Box.ofShape(dims), DType.UINT8, out);
        }
    }

    private static void flatten(Object a, byte[] out, int[] pos) {
        if (a instanceof int[] v) {
            for (int x : v) {
                out[pos[0]++] = (byte) x;
            }
        } else if (a instanceof short[] v) {
            for (short x : v) {
                out[pos[0]++] = (byte) x;
            }
        } else {
            for (Object x : (Object[]) a) {
                flatten(x, out, pos);
            }
        }
    }

    private static FeatureSelection readSelection(Path ilp) {
        try (HdfFile f = new HdfFile(ilp)) {
            String[] ids = (String[]) f.getDatasetByPath("FeatureSelections/FeatureIds").getData();
            double[] scales = (double[]) f.getDatasetByPath("FeatureSelections/Scales").getData();
            Object m = f.getDatasetByPath("FeatureSelections/SelectionMatrix").getData();
            Object c = f.getDatasetByPath("FeatureSelections/ComputeIn2d").getData();
            boolean[][] sel = new boolean[ids.length][scales.length];
            boolean[] in2d = new boolean[scales.length];
            for (int i = 0; i < ids.length; i++) {
                for (int j = 0; j < scales.length; j++) {
                    sel[i][j] = String.valueOf(Array.get(Array.get(m, i), j)).equalsIgnoreCase("TRUE");
                }
            }
            for (int j = 0; j < scales.length; j++) {
                in2d[j] = String.valueOf(Array.get(c, j)).equalsIgnoreCase("TRUE");
            }
            return new FeatureSelection(List.of(ids), scales, sel, in2d);
        }
    }
}
