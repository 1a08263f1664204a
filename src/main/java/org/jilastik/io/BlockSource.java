package org.jilastik.io;

import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;

/**
 * An in-memory image: a {@link Block} seen as an {@link ImageSource} whose origin is 0. Reads copy the requested
 * region. Thread safe for reads as long as nobody writes the block's array.
 */
public final class BlockSource implements ImageSource {
    private final Block block;

    /** Wraps {@code block} (not copied); its box start is ignored, the image starts at 0. */
    public BlockSource(Block block) {
        this.block = new Block(block.axes(), Box.ofShape(block.box().shape()), block.dtype(), block.data());
    }

    @Override
    public Axes axes() {
        return block.axes();
    }

    @Override
    public long[] shape() {
        return block.box().shape();
    }

    @Override
    public DType dtype() {
        return block.dtype();
    }

    @Override
    public Block read(Box box) {
        Regions.requireInside(this, box);
        Block out = Block.allocate(block.axes(), box, block.dtype());
        Regions.copy(block.data(), block.box(), out.data(), box, box);
        return out;
    }

    @Override
    public String describe() {
        return "in-memory " + block.dtype() + " " + block.axes() + " array";
    }

    @Override
    public void close() {
        // nothing to release
    }
}
