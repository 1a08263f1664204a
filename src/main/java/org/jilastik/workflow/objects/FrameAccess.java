package org.jilastik.workflow.objects;

/**
 * Random access to one time frame of an object workflow: the object labels and the raw intensities of any
 * spatial box. Boxes are {@code {z0, y0, x0}} (inclusive) to {@code {z1, y1, x1}} (exclusive) in frame
 * coordinates; returned arrays are new, owned by the caller, flat C-order {@code [z][y][x]} (raw: {@code [z][y][x][c]}).
 * Implementations must allow calls from several threads at once.
 */
public interface FrameAccess {
    /** Frame extent {@code {z, y, x}}. */
    int[] shape();

    /** Raw channels. */
    int channels();

    /** Labels (0 = background, objects 1..N) of the box. */
    int[] labels(int[] start, int[] stop);

    /** Raw intensities of the box as float32, channel fastest. */
    float[] raw(int[] start, int[] stop);

    /** Raw intensities of any box, as {@link #raw}. */
    @FunctionalInterface
    interface RawReader {
        /** The box's intensities, flat {@code [z][y][x][c]}, float32; a new array. */
        float[] read(int[] start, int[] stop);
    }

    /** A frame whose labels are in {@code store} and whose intensities {@code raw} reads on demand. */
    static FrameAccess of(LabelStore store, RawReader raw, int channels) {
        return new ComposedFrame(store.shape(), channels, store::read, raw);
    }

    /**
     * A frame whose "labels" are the segmentation values that {@code values} reads (for ilastik's blockwise
     * sources, which label every halo region themselves) and whose intensities {@code raw} reads.
     */
    static FrameAccess of(BlockwiseLabelling.Values values, RawReader raw, int channels, int[] shape) {
        return new ComposedFrame(shape.clone(), channels, values, raw);
    }

    /** A frame held in memory. */
    static FrameAccess inMemory(int[] labels, float[] raw, int channels, int[] shape) {
        int[] s = shape.clone();
        return new ComposedFrame(s, channels, (start, stop) -> {
            int[] out = new int[volume(start, stop)];
            copyBox(labels, s, 1, start, stop, out);
            return out;
        }, (start, stop) -> {
            float[] out = new float[volume(start, stop) * channels];
            copyBox(raw, s, channels, start, stop, out);
            return out;
        });
    }

    /** Copies the box {@code start..stop} of a frame of {@code shape} with {@code c} values per pixel. */
    private static void copyBox(Object src, int[] shape, int c, int[] start, int[] stop, Object dst) {
        int ny = shape[1];
        int nx = shape[2];
        int w = (stop[2] - start[2]) * c;
        int o = 0;
        for (int z = start[0]; z < stop[0]; z++) {
            for (int y = start[1]; y < stop[1]; y++) {
                System.arraycopy(src, ((z * ny + y) * nx + start[2]) * c, dst, o, w);
                o += w;
            }
        }
    }

    /** Number of pixels of a box. */
    static int volume(int[] start, int[] stop) {
        return Math.multiplyExact(Math.multiplyExact(stop[0] - start[0], stop[1] - start[1]), stop[2] - start[2]);
    }
}
