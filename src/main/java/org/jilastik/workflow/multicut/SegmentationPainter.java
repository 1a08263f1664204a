package org.jilastik.workflow.multicut;

/** Paints node labels onto the superpixel image: {@code out[p] = labels[superpixel[p]]} (no relabelling). */
public final class SegmentationPainter {
    private SegmentationPainter() {
    }

    /** A new array; {@code superpixels} is not modified. */
    public static int[] paint(int[] superpixels, int[] labels) {
        int[] out = new int[superpixels.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = labels[superpixels[i]];
        }
        return out;
    }
}
