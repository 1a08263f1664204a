package org.jilastik.workflow.autocontext;

import java.util.List;
import org.jilastik.array.Block;
import org.jilastik.array.Box;

/**
 * Cropping and channel concatenation of C-order blocks with the channel axis last, as the autocontext chain needs
 * them (a stage's result lives on a box grown by the later stages' halos). Stateless, thread safe.
 */
final class ChannelBlocks {
    private ChannelBlocks() {
    }

    /**
     * The part of {@code block} inside {@code region} (absolute coordinates, inside the block's box); the block
     * itself when the boxes are equal.
     */
    static Block crop(Block block, Box region) {
        if (block.box().equals(region)) {
            return block;
        }
        if (!block.box().contains(region)) {
            throw new IllegalArgumentException(region + " is not inside " + block.box());
        }
        Block out = Block.allocate(block.axes(), region, block.dtype());
        int nd = region.ndim();
        int[] srcStrides = block.strides();
        int run = Math.toIntExact(region.size(nd - 1));
        long rows = region.numElements() / Math.max(1, run);
        long[] pos = region.start();
        long[] srcStart = block.box().start();
        int dst = 0;
        for (long r = 0; r < rows; r++) {
            long src = 0;
            for (int d = 0; d < nd; d++) {
                src += (pos[d] - srcStart[d]) * srcStrides[d];
            }
            System.arraycopy(block.data(), Math.toIntExact(src), out.data(), dst, run);
            dst += run;
            for (int d = nd - 2; d >= 0; d--) {
                if (++pos[d] < region.stop(d)) {
                    break;
                }
                pos[d] = region.start(d);
            }
        }
        return out;
    }

    /**
     * Concatenates blocks of one dtype over the same spatial box along the last (channel) axis, in list order.
     *
     * @return a new block whose channel extent is the sum of the parts'
     */
    static Block concatChannels(List<Block> parts) {
        Block first = parts.getFirst();
        int c = first.axes().size() - 1;
        int[] widths = new int[parts.size()];
        int channels = 0;
        for (int i = 0; i < widths.length; i++) {
            widths[i] = Math.toIntExact(parts.get(i).box().size(c));
            channels += widths[i];
        }
        long[] start = first.box().start();
        long[] stop = first.box().stop();
        start[c] = 0;
        stop[c] = channels;
        Box box = new Box(start, stop);
        Block out = Block.allocate(first.axes(), box, first.dtype());
        int pixels = Math.toIntExact(box.numElements() / Math.max(1, channels));
        int offset = 0;
        for (int i = 0; i < widths.length; i++) {
            Object src = parts.get(i).data();
            for (int p = 0; p < pixels; p++) {
                System.arraycopy(src, p * widths[i], out.data(), p * channels + offset, widths[i]);
            }
            offset += widths[i];
        }
        return out;
    }
}
