package org.jilastik.workflow.objects;

import java.util.concurrent.ExecutorService;

/**
 * ilastik's blockwise object classification (spec object-classification §7): the frame is cut into blocks of
 * the project's block shape on a grid starting at 0; each block is enlarged by the halo (clipped to the frame),
 * the objects of that region are labelled, measured and classified on their own, and only the block's inner
 * pixels are painted. Objects cut by the region border get other features than in the whole frame, as in
 * ilastik. Stateless, thread safe.
 */
public final class BlockwiseObjects {
    private BlockwiseObjects() {
    }

    /**
     * A painted frame.
     *
     * @param shape         {@code {z, y, x}}
     * @param predicted     predicted class per pixel (0 = background), flat {@code [z][y][x]}
     * @param probabilities class probabilities per pixel, flat {@code [z][y][x][class]}
     */
    public record Painted(int[] shape, byte[] predicted, float[] probabilities) {
    }

    /**
     * A frame classified blockwise, held per object: every pixel carries the id of its object among the objects
     * of all blocks' regions (ids of block b are {@code offset_b + 1 .. offset_b + count_b}, 0 = background) in a
     * {@link LabelStore}, and each id its predicted class and probabilities. Painting a box reads the ids of the box
     * and looks them up, so no per-pixel class image is held. {@link #close()} closes the store.
     *
     * @param ids           object ids per pixel
     * @param predicted     predicted class per id (index 0 = background, 0)
     * @param probabilities class probabilities per id, {@code (ids+1)·C}, row 0 = 0
     */
    public record Stored(LabelStore ids, int[] predicted, float[] probabilities) implements AutoCloseable {
        @Override
        public void close() {
            ids.close();
        }
    }

    /**
     * Classifies one frame blockwise into {@code ids} (a store of the frame's shape, owned by the result): the
     * painted values are those of {@link #paint(ObjectPipeline, FrameAccess, int[], int[], ExecutorService)}, held
     * per object. {@link FrameAccess#labels} of {@code frame} are the segmentation values (not yet labelled).
     *
     * @param block block shape {@code {z, y, x}}
     * @param halo  halo {@code {z, y, x}}
     */
    public static Stored paintInto(ObjectPipeline pipeline, FrameAccess frame, int[] block, int[] halo,
            LabelStore ids, ExecutorService pool) {
        int[] shape = frame.shape();
        int classes = pipeline.classifier().classCount();
        int[] edge = new int[3];
        for (int k = 0; k < 3; k++) {
            edge[k] = Math.max(1, Math.min(block[k], shape[k]));
        }
        int[] predicted = new int[64];
        float[] probabilities = new float[64 * classes];
        int offset = 0;
        for (int[][] b : ObjectFeatureComputer.blocks(shape, edge)) {
            int[] start = new int[3];
            int[] stop = new int[3];
            for (int k = 0; k < 3; k++) {
                start[k] = Math.max(0, b[0][k] - halo[k]);
                stop[k] = Math.min(shape[k], b[1][k] + halo[k]);
            }
            int[] rshape = {stop[0] - start[0], stop[1] - start[1], stop[2] - start[2]};
            FrameResult r = pipeline.run(frame.labels(start, stop), frame.raw(start, stop), frame.channels(), rshape,
                    pool);
            if ((long) offset + r.count() >= Integer.MAX_VALUE) {
                throw new IllegalStateException("more than 2^31 blockwise objects in one frame");
            }
            int top = offset + r.count() + 1;
            if (top > predicted.length) {
                int cap = Math.max(top, predicted.length * 2);
                predicted = java.util.Arrays.copyOf(predicted, cap);
                probabilities = java.util.Arrays.copyOf(probabilities, Math.multiplyExact(cap, classes));
            }
            System.arraycopy(r.predicted(), 1, predicted, offset + 1, r.count());
            System.arraycopy(r.probabilities(), classes, probabilities, (offset + 1) * classes, r.count() * classes);
            int[] out = new int[FrameAccess.volume(b[0], b[1])];
            int i = 0;
            for (int z = b[0][0]; z < b[1][0]; z++) {
                for (int y = b[0][1]; y < b[1][1]; y++) {
                    int row = ((z - start[0]) * rshape[1] + (y - start[1])) * rshape[2] - start[2];
                    for (int x = b[0][2]; x < b[1][2]; x++, i++) {
                        int o = r.labels()[row + x];
                        out[i] = o == 0 ? 0 : offset + o;
                    }
                }
            }
            ids.write(b[0], b[1], out);
            offset += r.count();
        }
        return new Stored(ids, java.util.Arrays.copyOf(predicted, offset + 1),
                java.util.Arrays.copyOf(probabilities, (offset + 1) * classes));
    }

    /**
     * Classifies one frame blockwise.
     *
     * @param segmentation the frame's segmentation values, flat {@code [z][y][x]}
     * @param raw          the frame's intensities, flat {@code [z][y][x][c]}
     * @param block        block shape {@code {z, y, x}}
     * @param halo         halo {@code {z, y, x}}
     */
    public static Painted paint(ObjectPipeline pipeline, int[] segmentation, float[] raw, int channels, int[] shape,
            int[] block, int[] halo, ExecutorService pool) {
        return paint(pipeline, FrameAccess.inMemory(segmentation, raw, channels, shape), block, halo, pool);
    }

    /**
     * Classifies one frame blockwise, reading each halo region from {@code frame}, whose {@link FrameAccess#labels}
     * are the segmentation values (not yet labelled). Only the painted result is held for the whole frame.
     *
     * @param block block shape {@code {z, y, x}}
     * @param halo  halo {@code {z, y, x}}
     */
    public static Painted paint(ObjectPipeline pipeline, FrameAccess frame, int[] block, int[] halo,
            ExecutorService pool) {
        int[] shape = frame.shape();
        int channels = frame.channels();
        int classes = pipeline.classifier().classCount();
        int n = shape[0] * shape[1] * shape[2];
        byte[] predicted = new byte[n];
        float[] probabilities = new float[Math.multiplyExact(n, classes)];
        int[] edge = new int[3];
        for (int k = 0; k < 3; k++) {
            edge[k] = Math.max(1, Math.min(block[k], shape[k]));
        }
        FrameAccess whole = frame;
        for (int[][] b : ObjectFeatureComputer.blocks(shape, edge)) {
            int[] start = new int[3];
            int[] stop = new int[3];
            for (int k = 0; k < 3; k++) {
                start[k] = Math.max(0, b[0][k] - halo[k]);
                stop[k] = Math.min(shape[k], b[1][k] + halo[k]);
            }
            int[] rshape = {stop[0] - start[0], stop[1] - start[1], stop[2] - start[2]};
            FrameResult r = pipeline.run(whole.labels(start, stop), whole.raw(start, stop), channels, rshape, pool);
            for (int z = b[0][0]; z < b[1][0]; z++) {
                for (int y = b[0][1]; y < b[1][1]; y++) {
                    for (int x = b[0][2]; x < b[1][2]; x++) {
                        int o = r.labels()[((z - start[0]) * rshape[1] + (y - start[1])) * rshape[2] + (x - start[2])];
                        int px = (z * shape[1] + y) * shape[2] + x;
                        predicted[px] = (byte) r.predicted()[o];
                        System.arraycopy(r.probabilities(), o * classes, probabilities, px * classes, classes);
                    }
                }
            }
        }
        return new Painted(shape.clone(), predicted, probabilities);
    }
}
