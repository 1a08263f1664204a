package org.jilastik.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link ImageSource} must keep. A reader's test extends this class, opens a fixture in
 * {@link #open()} and states what it holds: axes, shape, dtype and the whole array ({@link #expected()}).
 */
public abstract class AbstractImageSourceTest {
    protected ImageSource source;

    /** Opens the fixture (each test gets a fresh source). */
    protected abstract ImageSource open() throws Exception;

    /** The axes the fixture must report. */
    protected abstract Axes expectedAxes();

    /** The shape the fixture must report. */
    protected abstract long[] expectedShape();

    /** The dtype the fixture must report. */
    protected abstract DType expectedDtype();

    /** The whole array as it must be read (computed independently of the reader). */
    protected abstract Block expected() throws Exception;

    @BeforeEach
    void openSource() throws Exception {
        source = open();
    }

    @AfterEach
    void closeSource() {
        if (source != null) {
            source.close();
        }
    }

    @Test
    void metadataIsConsistent() {
        assertThat(source.axes()).isEqualTo(expectedAxes());
        assertThat(source.shape()).containsExactly(expectedShape());
        assertThat(source.dtype()).isEqualTo(expectedDtype());
        assertThat(source.ndim()).isEqualTo(expectedShape().length);
        assertThat(source.bounds()).isEqualTo(Box.ofShape(expectedShape()));
        assertThat(source.describe()).isNotBlank();
        int[] chunk = source.chunkShape();
        if (chunk != null) {
            assertThat(chunk).hasSize(source.ndim());
            for (int c : chunk) {
                assertThat(c).isPositive();
            }
        }
    }

    @Test
    void readsWholeArray() throws Exception {
        Block all = source.readAll();
        assertThat(all.axes()).isEqualTo(expectedAxes());
        TestArrays.assertSameValues(all, expected());
    }

    @Test
    void readsSubBoxesIncludingEdges() throws Exception {
        Block all = expected();
        for (Box box : subBoxes(source.shape())) {
            Block part = source.read(box);
            assertThat(part.box()).isEqualTo(box);
            TestArrays.assertSameValues(part, TestArrays.crop(all, box));
        }
    }

    @Test
    void rejectsBoxesOutsideOrOfWrongRank() {
        long[] shape = source.shape();
        long[] stop = shape.clone();
        stop[stop.length - 1]++;
        assertThatThrownBy(() -> source.read(new Box(new long[shape.length], stop)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> source.read(Box.ofShape(new long[shape.length + 1])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsEmptyBox() {
        long[] start = new long[source.ndim()];
        Block b = source.read(new Box(start, start));
        assertThat(b.size()).isZero();
    }

    @Test
    void concurrentReadsGiveTheSameValues() throws Exception {
        Block all = expected();
        List<Box> boxes = subBoxes(source.shape());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Block>> futures = new ArrayList<>();
            for (int rep = 0; rep < 3; rep++) {
                for (Box b : boxes) {
                    futures.add(pool.submit(() -> source.read(b)));
                }
            }
            for (Future<Block> f : futures) {
                Block b = f.get();
                TestArrays.assertSameValues(b, TestArrays.crop(all, b.box()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void relabellingKeepsPixelsAndShape() throws Exception {
        String letters = "tzyxc".substring(5 - source.ndim());
        Axes other = Axes.of(new StringBuilder(letters).reverse().toString());
        ImageSource view = source.withAxes(other);
        assertThat(view.axes()).isEqualTo(other);
        assertThat(view.shape()).containsExactly(source.shape());
        Block b = view.readAll();
        assertThat(b.axes()).isEqualTo(other);
        Block plain = expected();
        TestArrays.assertSameValues(b, plain);
        assertThat(view.withAxes(source.axes()).axes()).isEqualTo(source.axes());
        assertThatThrownBy(() -> source.withAxes(Axes.of(letters.substring(1))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Corner, edge, interior, single-element and whole-axis boxes. */
    static List<Box> subBoxes(long[] shape) {
        int nd = shape.length;
        List<Box> out = new ArrayList<>();
        long[][] fractions = {{0, 1, 1, 2}, {1, 3, 2, 3}, {1, 2, 1, 1}, {0, 1, 1, 1}, {1, 4, 3, 4}};
        for (long[] f : fractions) {
            long[] a = new long[nd];
            long[] b = new long[nd];
            for (int i = 0; i < nd; i++) {
                a[i] = shape[i] * f[0] / f[1];
                b[i] = Math.max(a[i] + (shape[i] > 0 ? 1 : 0), shape[i] * f[2] / f[3]);
                b[i] = Math.min(b[i], shape[i]);
                a[i] = Math.min(a[i], b[i]);
            }
            out.add(new Box(a, b));
        }
        long[] last = new long[nd];
        long[] lastStop = shape.clone();
        for (int i = 0; i < nd; i++) {
            last[i] = Math.max(0, shape[i] - 1);
        }
        out.add(new Box(last, lastStop));
        return out;
    }
}
