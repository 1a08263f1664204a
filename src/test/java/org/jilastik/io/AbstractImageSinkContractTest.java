package org.jilastik.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every {@link ImageSink} satisfies; each sink's test extends this class (as saalfeldlab/n5's
 * AbstractN5Test does for N5 backends) and supplies creation and an independent read-back.
 */
public abstract class AbstractImageSinkContractTest {
    @TempDir
    protected Path dir;

    /** Creates a sink writing {@code target}. */
    protected abstract ImageSink create(Path target, Axes axes, long[] shape, DType dtype);

    /** The final file name the tests use inside {@code dir}. */
    protected abstract Path target(Path dir);

    /** Axes of the test output (a layout the sink supports). */
    protected abstract Axes axes();

    /** Shape of the test output. */
    protected abstract long[] shape();

    /** The dtypes the sink is exercised with. */
    protected abstract List<DType> dtypes();

    /** Reads the committed output back with an independent reader, as the flat C-order storage of {@code dtype}. */
    protected abstract Object readBack(Path target, Axes axes, long[] shape, DType dtype) throws IOException;

    /** Every file a committed output consists of (one for most sinks; one per slice for a sequence). */
    protected List<Path> finalFiles(Path target) {
        return List.of(target);
    }

    /** A deterministic pattern with negative, large and fractional values, stored as {@code dtype}. */
    protected static Object pattern(DType dtype, int n, int seed) {
        Random r = new Random(seed);
        Object a = Block.newStorage(dtype, n);
        for (int i = 0; i < n; i++) {
            long v = r.nextLong();
            switch (a) {
                case byte[] b -> b[i] = dtype == DType.BOOL ? (byte) (v & 1) : (byte) v;
                case short[] s -> s[i] = (short) v;
                case int[] x -> x[i] = (int) v;
                case long[] x -> x[i] = v;
                case float[] f -> f[i] = (float) (r.nextGaussian() * 1e3);
                case double[] d -> d[i] = r.nextGaussian() * 1e6;
                default -> throw new IllegalStateException();
            }
        }
        return a;
    }

    /** Cuts {@code data} (the whole output) into blocks of {@code blockShape} (clipped at the border). */
    protected List<Block> blocks(Object data, DType dtype, long[] blockShape) {
        long[] shape = shape();
        List<Block> out = new ArrayList<>();
        int n = shape.length;
        long[] pos = new long[n];
        int[] strides = Block.stridesOf(Box.ofShape(shape).intShape());
        while (true) {
            long[] stop = new long[n];
            for (int i = 0; i < n; i++) {
                stop[i] = Math.min(shape[i], pos[i] + blockShape[i]);
            }
            Box box = new Box(pos.clone(), stop);
            Block b = Block.allocate(axes(), box, dtype);
            int[] bs = b.shape();
            int[] bstr = b.strides();
            for (int k = 0; k < b.size(); k++) {
                int src = 0;
                int rem = k;
                for (int i = 0; i < n; i++) {
                    int idx = rem / bstr[i];
                    rem %= bstr[i];
                    src += (int) (box.start(i) + idx) * strides[i];
                }
                System.arraycopy(data, src, b.data(), k, 1);
            }
            assertThat(bs.length).isEqualTo(n);
            out.add(b);
            int k = n - 1;
            while (k >= 0) {
                pos[k] += blockShape[k];
                if (pos[k] < shape[k]) {
                    break;
                }
                pos[k] = 0;
                k--;
            }
            if (k < 0) {
                return out;
            }
        }
    }

    private long[] oddBlockShape() {
        long[] s = shape();
        long[] b = new long[s.length];
        for (int i = 0; i < s.length; i++) {
            b[i] = Math.max(1, s[i] / 3 + 1);
        }
        return b;
    }

    private int size() {
        long n = 1;
        for (long s : shape()) {
            n *= s;
        }
        return (int) n;
    }

    private List<Path> filesIn(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.toList();
        }
    }

    @Test
    void blocksInAnyOrderAppearOnlyAfterCommit() throws IOException {
        for (DType dtype : dtypes()) {
            Path target = target(dir.resolve(dtype.numpyName()));
            Files.createDirectories(target.getParent());
            Object data = pattern(dtype, size(), 7);
            List<Block> blocks = blocks(data, dtype, oddBlockShape());
            Collections.shuffle(blocks, new Random(3));
            try (ImageSink sink = create(target, axes(), shape(), dtype)) {
                assertThat(sink.axes()).isEqualTo(axes());
                assertThat(sink.shape()).isEqualTo(shape());
                assertThat(sink.dtype()).isEqualTo(dtype);
                for (Block b : blocks) {
                    sink.write(b);
                }
                for (Path f : finalFiles(target)) {
                    assertThat(f).as("no file under the final name before commit").doesNotExist();
                }
                sink.commit();
            }
            assertThat(filesIn(target.getParent())).as("only the final files remain")
                    .containsExactlyInAnyOrderElementsOf(finalFiles(target));
            assertThat(readBack(target, axes(), shape(), dtype)).as(dtype.numpyName()).isEqualTo(data);
        }
    }

    @Test
    void concurrentWritesOfDisjointBlocks() throws Exception {
        DType dtype = dtypes().getFirst();
        Path target = target(dir);
        Object data = pattern(dtype, size(), 11);
        List<Block> blocks = blocks(data, dtype, oddBlockShape());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (ImageSink sink = create(target, axes(), shape(), dtype)) {
            List<Future<?>> fs = new ArrayList<>();
            for (Block b : blocks) {
                fs.add(pool.submit(() -> sink.write(b)));
            }
            for (Future<?> f : fs) {
                f.get();
            }
            sink.commit();
        } finally {
            pool.shutdown();
        }
        assertThat(readBack(target, axes(), shape(), dtype)).isEqualTo(data);
    }

    @Test
    void unwrittenRegionsAreZero() throws IOException {
        DType dtype = dtypes().getFirst();
        Path target = target(dir);
        Object data = pattern(dtype, size(), 5);
        List<Block> blocks = blocks(data, dtype, oddBlockShape());
        Block first = blocks.getFirst();
        try (ImageSink sink = create(target, axes(), shape(), dtype)) {
            sink.write(first);
            sink.commit();
        }
        Object expected = Block.newStorage(dtype, size());
        Block whole = new Block(axes(), Box.ofShape(shape()), dtype, expected);
        int[] strides = whole.strides();
        int[] fs = first.strides();
        for (int k = 0; k < first.size(); k++) {
            int dst = 0;
            int rem = k;
            for (int i = 0; i < fs.length; i++) {
                dst += (int) (first.box().start(i) + rem / fs[i]) * strides[i];
                rem %= fs[i];
            }
            System.arraycopy(first.data(), k, expected, dst, 1);
        }
        assertThat(readBack(target, axes(), shape(), dtype)).isEqualTo(expected);
    }

    @Test
    void abortAndCloseWithoutCommitLeaveNothing() throws IOException {
        DType dtype = dtypes().getFirst();
        Path target = target(dir);
        Object data = pattern(dtype, size(), 1);
        try (ImageSink sink = create(target, axes(), shape(), dtype)) {
            sink.write(blocks(data, dtype, oddBlockShape()).getFirst());
            sink.abort();
            sink.abort(); // idempotent
            assertThatThrownBy(() -> sink.write(blocks(data, dtype, oddBlockShape()).getFirst()))
                    .isInstanceOf(IllegalStateException.class);
        }
        assertThat(filesIn(dir)).isEmpty();
        try (ImageSink sink = create(target, axes(), shape(), dtype)) {
            sink.write(blocks(data, dtype, oddBlockShape()).getFirst());
        }
        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void commitReplacesAnEarlierOutputOfTheSameName() throws IOException {
        DType dtype = dtypes().getFirst();
        Path target = target(dir);
        for (int seed : new int[] {21, 22}) {
            Object data = pattern(dtype, size(), seed);
            try (ImageSink sink = create(target, axes(), shape(), dtype)) {
                for (Block b : blocks(data, dtype, shape())) {
                    sink.write(b);
                }
                sink.commit();
            }
            assertThat(readBack(target, axes(), shape(), dtype)).isEqualTo(data);
        }
        assertThat(filesIn(dir)).containsExactlyInAnyOrderElementsOf(finalFiles(target));
    }

    @Test
    void rejectsForeignBlocks() {
        DType dtype = dtypes().getFirst();
        DType other = dtype == DType.FLOAT64 ? DType.FLOAT32 : DType.FLOAT64;
        long[] shape = shape();
        try (ImageSink sink = create(target(dir), axes(), shape, dtype)) {
            long[] over = shape.clone();
            over[0] += 1;
            assertThatThrownBy(() -> sink.write(Block.allocate(axes(), Box.ofShape(over), dtype)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> sink.write(Block.allocate(axes(), Box.ofShape(shape), other)))
                    .isInstanceOf(IllegalArgumentException.class);
            Axes reversed = axes().reversed();
            if (!reversed.equals(axes())) {
                assertThatThrownBy(() -> sink.write(Block.allocate(reversed, Box.ofShape(new long[shape.length]),
                        dtype))).isInstanceOf(IllegalArgumentException.class);
            }
        }
    }

    @Test
    void commitTwiceFails() {
        DType dtype = dtypes().getFirst();
        try (ImageSink sink = create(target(dir), axes(), shape(), dtype)) {
            sink.commit();
            assertThatThrownBy(sink::commit).isInstanceOf(IllegalStateException.class);
        }
    }
}
