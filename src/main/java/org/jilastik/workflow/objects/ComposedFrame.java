package org.jilastik.workflow.objects;

/**
 * A {@link FrameAccess} made of a label reader and a raw reader (the frame's own data, a label store, or the
 * segmentation values of the blockwise sources). Thread safe when both readers are.
 *
 * @param shape    frame extent {@code {z, y, x}} (not copied: the factories pass their own copy)
 * @param channels raw channels
 * @param labels   reads the labels of a box
 * @param raw      reads the raw intensities of a box
 */
record ComposedFrame(int[] shape, int channels, BlockwiseLabelling.Values labels, FrameAccess.RawReader raw)
        implements FrameAccess {

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public int[] labels(int[] start, int[] stop) {
        return labels.read(start, stop);
    }

    @Override
    public float[] raw(int[] start, int[] stop) {
        return raw.read(start, stop);
    }
}
