package org.jilastik.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jilastik.array.Axes;
import org.jilastik.array.Box;
import org.junit.jupiter.api.Test;

class BlockAssignmentTest {
    @Test
    void blocksTileTheOutputFromItsOriginAndRanksShareThemRoundRobin() {
        BlockAssignment a = new BlockAssignment(new long[] {10, 7, 3}, new long[] {4, 7, 3});
        assertThat(a.blocks()).containsExactly(new Box(new long[] {0, 0, 0}, new long[] {4, 7, 3}),
                new Box(new long[] {4, 0, 0}, new long[] {8, 7, 3}), new Box(new long[] {8, 0, 0},
                        new long[] {10, 7, 3}));
        assertThat(a.gridIndex(a.blocks().get(2))).containsExactly(2, 0, 0);
        assertThat(a.owned(0, 2)).containsExactly(a.blocks().get(0), a.blocks().get(2));
        assertThat(a.owned(1, 2)).containsExactly(a.blocks().get(1));
        assertThat(a.owned(3, 5)).isEmpty();
    }

    @Test
    void everyBlockHasExactlyOneOwnerForAnyWorldSize() {
        BlockAssignment a = new BlockAssignment(new long[] {33, 65, 17, 2}, new long[] {8, 16, 17, 2});
        assertThat(a.blocks()).hasSize(5 * 5);
        for (int size = 1; size <= 30; size++) {
            List<Box> all = new ArrayList<>();
            for (int rank = 0; rank < size; rank++) {
                all.addAll(a.owned(rank, size));
            }
            assertThat(all).hasSize(a.blocks().size());
            assertThat(new HashSet<>(all)).isEqualTo(Set.copyOf(a.blocks()));
        }
    }

    @Test
    void blockShapeFromRoiSizesClampsAndTakesWholeAxes() {
        // t 1, z None (whole), y 256 clamped to 40, x 16, c whole (0)
        long[] b = DistributedExport.blockShape(Axes.of("tzyxc"), new long[] {3, 9, 40, 100, 2},
                axis -> switch (axis) {
                    case 't' -> 1;
                    case 'y' -> 256;
                    case 'x' -> 16;
                    default -> 0;
                });
        assertThat(b).containsExactly(1, 9, 40, 16, 2);
    }
}
