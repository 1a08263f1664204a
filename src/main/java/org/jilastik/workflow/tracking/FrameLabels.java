package org.jilastik.workflow.tracking;

/**
 * The per-frame object label images of a time series: frame {@code t} as a flat C-order int array over the frame's
 * spatial axes ({@code yx} or {@code zyx}), 0 = background, objects 1..n. Implementations may compute frames lazily;
 * callers must not modify a returned array. Thread safety: implementations document their own.
 */
public interface FrameLabels {
    /** The number of frames (length of the t axis). */
    int frameCount();

    /** The spatial shape of one frame in C order ({@code [y, x]} or {@code [z, y, x]}). */
    long[] frameShape();

    /** Frame {@code t} (0-based) as a flat C-order label array of {@code product(frameShape())} elements. */
    int[] frame(int t);
}
