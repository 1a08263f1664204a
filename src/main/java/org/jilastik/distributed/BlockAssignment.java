package org.jilastik.distributed;

import java.util.ArrayList;
import java.util.List;
import org.jilastik.array.Box;
import org.jilastik.exec.TileGrid;

/**
 * The blocks of a distributed export and which process owns which: the output is cut into blocks of the block
 * shape aligned to the output origin (so a block is exactly one chunk of the shared dataset and no two processes
 * ever write the same chunk), listed in C order, and block {@code i} belongs to rank {@code i mod size}. Every
 * process computes the same list from the same plan, so the assignment needs no messages. Immutable, thread safe.
 */
public final class BlockAssignment {
    private final long[] blockShape;
    private final List<Box> blocks;

    /**
     * @param outputShape the output's extents (output axes)
     * @param blockShape  block extents per output axis, each ≥ 1 (already clamped to the output)
     */
    public BlockAssignment(long[] outputShape, long[] blockShape) {
        this.blockShape = blockShape.clone();
        this.blocks = List.copyOf(new TileGrid(Box.ofShape(outputShape), blockShape).tiles());
    }

    /** All blocks, C order. */
    public List<Box> blocks() {
        return blocks;
    }

    /** The block extents (output axes). */
    public long[] blockShape() {
        return blockShape.clone();
    }

    /** The grid position of {@code block} (its start divided by the block shape). */
    public long[] gridIndex(Box block) {
        long[] g = new long[blockShape.length];
        for (int i = 0; i < g.length; i++) {
            g[i] = block.start(i) / blockShape[i];
        }
        return g;
    }

    /** The blocks of {@code rank} among {@code size} processes: indices {@code rank, rank + size, …}. */
    public List<Box> owned(int rank, int size) {
        if (size < 1 || rank < 0 || rank >= size) {
            throw new IllegalArgumentException("rank " + rank + " of " + size);
        }
        List<Box> mine = new ArrayList<>();
        for (int i = rank; i < blocks.size(); i += size) {
            mine.add(blocks.get(i));
        }
        return mine;
    }
}
