package org.jilastik.workflow.tracking;

import java.util.List;

/**
 * {@link FrameLabels} held in memory: one flat C-order {@code int[]} per frame. The arrays are owned by this object
 * and must not be modified. Thread safe (immutable).
 */
public final class TrackingFrameLabels implements FrameLabels {
    private final List<int[]> frames;
    private final long[] shape;

    /**
     * Wraps frames of one spatial shape.
     *
     * @param frames frame arrays, each {@code product(shape)} long
     * @param shape  the spatial shape in C order ({@code [y, x]} or {@code [z, y, x]})
     */
    public TrackingFrameLabels(List<int[]> frames, long[] shape) {
        this.frames = List.copyOf(frames);
        this.shape = shape.clone();
    }

    @Override
    public int frameCount() {
        return frames.size();
    }

    @Override
    public long[] frameShape() {
        return shape.clone();
    }

    @Override
    public int[] frame(int t) {
        return frames.get(t);
    }
}
