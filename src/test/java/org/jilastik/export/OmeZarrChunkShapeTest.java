package org.jilastik.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.jilastik.array.DType;
import org.junit.jupiter.api.Test;

/** ilastik's OME-Zarr chunk rule, on the examples its exporter's documentation gives and the reference case. */
class OmeZarrChunkShapeTest {
    @Test
    void aboutOneMegabytePerChunkWithSingleTAndC() {
        assertThat(ChunkShapes.omeZarr(new long[] {1, 3, 1, 10000, 10000}, DType.FLOAT32))
                .containsExactly(1, 1, 1, 506, 505);
        assertThat(ChunkShapes.omeZarr(new long[] {4, 2, 1000, 1000, 1000}, DType.FLOAT32))
                .containsExactly(1, 1, 63, 64, 63);
        assertThat(ChunkShapes.omeZarr(new long[] {1, 3, 1, 60, 80}, DType.FLOAT32)).containsExactly(1, 1, 1, 60, 80);
    }
}
