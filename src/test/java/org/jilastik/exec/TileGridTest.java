package org.jilastik.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.jilastik.array.Box;
import org.junit.jupiter.api.Test;

class TileGridTest {
    @Test
    void tilesCoverTheRegionOnceWithClippedEdges() {
        Box region = new Box(new long[] {5, 10}, new long[] {30, 17});
        List<Box> tiles = new TileGrid(region, new long[] {10, 4}).tiles();
        assertThat(tiles).hasSize(3 * 2);
        assertThat(tiles.get(0)).isEqualTo(new Box(new long[] {5, 10}, new long[] {15, 14}));
        assertThat(tiles.get(5)).isEqualTo(new Box(new long[] {25, 14}, new long[] {30, 17}));
        long covered = tiles.stream().mapToLong(Box::numElements).sum();
        assertThat(covered).isEqualTo(region.numElements());
    }

    @Test
    void sizerShrinksUntilTheGrownTileFits() {
        long[] tile = TileSizer.choose(new long[] {4096, 4096}, new long[] {20, 20}, 200, 64L << 20, 64);
        assertThat(TileSizer.bytes(new long[] {4096, 4096}, tile, new long[] {20, 20}, 200)).isLessThanOrEqualTo(64L << 20);
        assertThat(tile[0]).isGreaterThanOrEqualTo(256);
        assertThat(TileSizer.choose(new long[] {50, 60}, new long[] {5, 5}, 4, 1L << 30, 64))
                .containsExactly(50, 60);
    }

    @Test
    void runnerVisitsEveryBlockAndRethrowsTheFirstFailure() {
        List<Integer> blocks = java.util.stream.IntStream.range(0, 100).boxed().toList();
        ConcurrentLinkedQueue<Integer> seen = new ConcurrentLinkedQueue<>();
        BlockRunner.run(blocks, 2, Progress.SILENT, seen::add);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(blocks);

        AtomicLong after = new AtomicLong();
        assertThatThrownBy(() -> BlockRunner.run(blocks, 0, Progress.SILENT, b -> {
            if (b == 3) {
                throw new IllegalStateException("block 3 failed");
            }
            if (b > 3) {
                after.incrementAndGet();
            }
        })).hasMessage("block 3 failed");
        assertThat(after.get()).isZero();
    }
}
