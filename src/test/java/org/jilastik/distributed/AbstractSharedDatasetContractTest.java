package org.jilastik.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.jilastik.error.JilastikException;
import org.jilastik.exec.TileGrid;
import org.jilastik.export.ExistingOutput;
import org.jilastik.io.Regions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every {@link SharedDataset} keeps, inherited by one test class per format: blocks written from
 * several threads (edge blocks clipped) read back through jilastik's own reader of that format value for value;
 * the completion marker appears only when set and only {@link CompletionMarker#isComplete} sees it; a dataset of
 * the same run is joined (blocks kept) whether partial or complete; the existing-output rules (another run
 * refused, {@code --overwrite} replaces once even when two processes ask at once, {@code --no-overwrite} refuses a
 * complete one, a process without blocks never replaces or refuses).
 */
abstract class AbstractSharedDatasetContractTest {
    @TempDir
    Path dir;

    /** The dataset of {@code run} under {@code dir}; the same arguments describe the same dataset. */
    abstract SharedDataset dataset(Path dir, long[] shape, int[] block, DType dtype, String run);

    /** The whole dataset as the format's reader in jilastik reads it (flat C order). */
    abstract Object readAll(SharedDataset d);

    long[] shape() {
        return new long[] {5, 37, 50};
    }

    int[] block() {
        return new int[] {2, 16, 32}; // 3 x 3 x 2 blocks, the last ones clipped
    }

    DType dtype() {
        return DType.FLOAT32;
    }

    private Block expected() {
        Block b = Block.allocate(org.jilastik.array.Axes.of("tczyx".substring(5 - shape().length)),
                Box.ofShape(shape()), dtype());
        int n = Math.toIntExact(b.box().numElements());
        if (b.data() instanceof float[] f) {
            for (int i = 0; i < n; i++) {
                f[i] = i * 0.25f - 7;
            }
        } else {
            short[] s = (short[]) b.data(); // uint16
            for (int i = 0; i < n; i++) {
                s[i] = (short) (i * 7 % 65536);
            }
        }
        return b;
    }

    private List<Box> blocks() {
        long[] bs = new long[block().length];
        for (int i = 0; i < bs.length; i++) {
            bs[i] = block()[i];
        }
        return new TileGrid(Box.ofShape(shape()), bs).tiles();
    }

    private long[] grid(Box b) {
        long[] g = new long[b.start().length];
        for (int i = 0; i < g.length; i++) {
            g[i] = b.start(i) / block()[i];
        }
        return g;
    }

    private void write(SharedDataset d, Box b) {
        Block all = expected();
        Object part = Block.newStorage(dtype(), Math.toIntExact(b.numElements()));
        Regions.copy(all.data(), all.box(), part, b, b);
        d.writeBlock(grid(b), b.shape(), part);
    }

    private SharedDataset dataset(String run) {
        return dataset(dir, shape(), block(), dtype(), run);
    }

    @Test
    void blocksFromManyThreadsReadBackValueForValueAndTheMarkerComesOnlyWhenSet() throws Exception {
        SharedDataset d = dataset("run");
        assertThat(d.prepare(ExistingOutput.ILASTIK, true)).isEqualTo(SharedDataset.Found.ABSENT);
        List<Box> blocks = blocks();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (Box b : blocks) {
                fs.add(pool.submit(() -> write(d, b)));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<long[]> grids = blocks.stream().map(this::grid).toList();
        assertThat(d.hasAll(grids)).isTrue();
        assertThat(d.isComplete()).isFalse();
        assertThat(CompletionMarker.isComplete(d.arrayDir())).isFalse();
        d.markComplete();
        assertThat(d.isComplete()).isTrue();
        assertThat(CompletionMarker.isComplete(d.arrayDir())).isTrue();
        assertThat(readAll(d)).isEqualTo(expected().data());
        // no temporary file is left behind
        try (var files = Files.walk(d.location())) {
            assertThat(files.filter(p -> p.getFileName().toString().contains(".jilastik-"))).isEmpty();
        }
    }

    @Test
    void theSameRunIsJoinedWithItsBlocksKept() {
        SharedDataset d = dataset("run");
        d.prepare(ExistingOutput.ILASTIK, true);
        List<Box> blocks = blocks();
        write(d, blocks.get(0));
        SharedDataset again = dataset("run");
        assertThat(again.prepare(ExistingOutput.ILASTIK, true)).isEqualTo(SharedDataset.Found.PARTIAL);
        assertThat(again.prepare(ExistingOutput.REPLACE, true)).isEqualTo(SharedDataset.Found.PARTIAL);
        assertThat(again.prepare(ExistingOutput.REFUSE, true)).isEqualTo(SharedDataset.Found.PARTIAL);
        assertThat(again.hasBlock(grid(blocks.get(0)))).isTrue();
        assertThat(again.hasBlock(grid(blocks.get(1)))).isFalse();
        blocks.forEach(b -> write(again, b));
        again.markComplete();
        assertThat(dataset("run").prepare(ExistingOutput.ILASTIK, true)).isEqualTo(SharedDataset.Found.COMPLETE);
        assertThat(dataset("run").isComplete()).isTrue();
    }

    @Test
    void anotherRunIsRefusedUnlessOverwriteReplacesIt() {
        SharedDataset first = dataset("first");
        first.prepare(ExistingOutput.ILASTIK, true);
        write(first, blocks().get(0));
        assertThatThrownBy(() -> dataset("second").prepare(ExistingOutput.ILASTIK, true))
                .isInstanceOf(JilastikException.class).hasMessageContaining("already exists from another run");
        assertThatThrownBy(() -> dataset(dir, shape(), smallerBlock(), dtype(), "first").prepare(ExistingOutput.ILASTIK, true))
                .isInstanceOf(JilastikException.class).hasMessageContaining("block shape");
        SharedDataset second = dataset("second");
        assertThat(second.prepare(ExistingOutput.REPLACE, false)).isEqualTo(SharedDataset.Found.REPLACED);
        assertThat(second.hasBlock(grid(blocks().get(0)))).isFalse();
        assertThat(dataset("second").prepare(ExistingOutput.ILASTIK, true)).isEqualTo(SharedDataset.Found.PARTIAL);
    }

    private int[] smallerBlock() {
        int[] b = block();
        b[b.length - 1] -= 1;
        return b;
    }

    @Test
    void aCompleteOutputIsKeptRefusedOrReplacedOnceEvenWhenTwoProcessesAsk() throws Exception {
        SharedDataset d = dataset("run");
        d.prepare(ExistingOutput.ILASTIK, true);
        blocks().forEach(b -> write(d, b));
        d.markComplete();
        assertThatThrownBy(() -> dataset("run").prepare(ExistingOutput.REFUSE, true))
                .isInstanceOf(JilastikException.class).hasMessageContaining("already complete");
        assertThat(dataset("run").prepare(ExistingOutput.REFUSE, false)).isEqualTo(SharedDataset.Found.COMPLETE);
        assertThat(dataset("run").prepare(ExistingOutput.REPLACE, false)).isEqualTo(SharedDataset.Found.COMPLETE);

        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<SharedDataset.Found>> fs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                fs.add(two.submit(() -> {
                    together.await();
                    return dataset("run").prepare(ExistingOutput.REPLACE, true);
                }));
            }
            List<SharedDataset.Found> found = List.of(fs.get(0).get(), fs.get(1).get());
            // exactly one replaces; the other joins the new dataset (seen while it was being created, or after)
            assertThat(found).filteredOn(f -> f == SharedDataset.Found.REPLACED).hasSize(1);
            assertThat(found).filteredOn(f -> f != SharedDataset.Found.REPLACED)
                    .allMatch(f -> f == SharedDataset.Found.PARTIAL || f == SharedDataset.Found.ABSENT);
        } finally {
            two.shutdownNow();
        }
        SharedDataset fresh = dataset("run");
        assertThat(fresh.isComplete()).isFalse();
        assertThat(fresh.hasBlock(grid(blocks().get(0)))).isFalse();
        assertThat(Files.exists(fresh.location().resolveSibling(fresh.location().getFileName()
                + ".jilastik-lock"))).isFalse();
    }
}
