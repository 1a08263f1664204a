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
        return new FrameAccess() {
            @Override
            public int[] shape() {
                return store.shape();
            }

            @Override
            public int channels() {
                return channels;
            }

            @Override
            public int[] labels(int[] start, int[] stop) {
                return store.read(start, stop);
            }

            @Override
            public float[] raw(int[] start, int[] stop) {
                return raw.read(start, stop);
            }
        };
    }

    /**
     * A frame whose "labels" are the segmentation values that {@code values} reads (for ilastik's blockwise
     * sources, which label every halo region themselves) and whose intensities {@code raw} reads.
     */
    static FrameAccess of(BlockwiseLabelling.Values values, RawReader raw, int channels, int[] shape) {
        return new FrameAccess() {
            @Override
            public int[] shape() {
                return shape.clone();
            }

            @Override
            public int channels() {
                return channels;
            }

            @Override
            public int[] labels(int[] start, int[] stop) {
                return values.read(start, stop);
            }

            @Override
            public float[] raw(int[] start, int[] stop) {
                return raw.read(start, stop);
            }
        };
    }

    /** A frame held in memory. */
    static FrameAccess inMemory(int[] labels, float[] raw, int channels, int[] shape) {
        return new FrameAccess() {
            @Override
            public int[] shape() {
                return shape.clone();
            }

            @Override
            public int channels() {
                return channels;
            }

            @Override
            public int[] labels(int[] start, int[] stop) {
                int[] out = new int[volume(start, stop)];
                copy(labels, 1, start, stop, out);
                return out;
            }

            @Override
            public float[] raw(int[] start, int[] stop) {
                float[] out = new float[volume(start, stop) * channels];
                copy(raw, channels, start, stop, out);
                return out;
            }

            private void copy(Object src, int c, int[] start, int[] stop, Object dst) {
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
        };
    }

    /** Number of pixels of a box. */
    static int volume(int[] start, int[] stop) {
        return Math.multiplyExact(Math.multiplyExact(stop[0] - start[0], stop[1] - start[1]), stop[2] - start[2]);
    }
}
