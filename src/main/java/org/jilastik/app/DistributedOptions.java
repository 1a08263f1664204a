package org.jilastik.app;

/**
 * Distributed-mode flags: {@code --distributed} and {@code --distributed_block_roi}.
 *
 * @param distributed whether {@code --distributed} was given
 * @param blockRoi    the parsed {@code --distributed_block_roi}, or {@code null} when not given
 */
public record DistributedOptions(boolean distributed, BlockRoi blockRoi) {
    /** Neither flag given. */
    public static final DistributedOptions NONE = new DistributedOptions(false, null);

    /** The block shape to use: the given one, else ilastik's default. */
    public BlockRoi blockRoiOrDefault() {
        return blockRoi == null ? BlockRoi.DEFAULT : blockRoi;
    }
}
