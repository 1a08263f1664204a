package org.jilastik.workflow.objects;

import java.util.List;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;

/**
 * Paints per-object values into images (spec object-classification §6): a pixel of object o gets o's value,
 * background 0. Boxes and blocks are in the canonical order {@code tzyxc}. Thread safe (reads only).
 */
public final class ObjectPainter {
    private final List<FrameResult> frames;
    private final List<LabelStore> labels;
    private final List<BlockwiseObjects.Painted> painted;
    private final List<BlockwiseObjects.Stored> stored;
    private final int classes;
    private final int[] shape;

    private ObjectPainter(List<FrameResult> frames, List<LabelStore> labels, List<BlockwiseObjects.Painted> painted,
            List<BlockwiseObjects.Stored> stored, int classes, int[] shape) {
        this.frames = frames;
        this.labels = labels;
        this.painted = painted;
        this.stored = stored;
        this.classes = classes;
        this.shape = shape.clone();
    }

    /** A painter of whole-frame results of frames of extent {@code shape = {z, y, x}}. */
    public static ObjectPainter of(List<FrameResult> frames, int classes, int[] shape) {
        return of(frames, frames.stream().map(f -> LabelStore.wrap(f.labels(), shape)).toList(), classes, shape);
    }

    /**
     * A painter of results whose labels are in stores (one per frame, read box by box while painting; the caller
     * closes them after the export).
     */
    public static ObjectPainter of(List<FrameResult> frames, List<LabelStore> labels, int classes, int[] shape) {
        return new ObjectPainter(frames, labels, null, null, classes, shape);
    }

    /** A painter of blockwise results of frames of extent {@code shape = {z, y, x}}. */
    public static ObjectPainter blockwise(List<BlockwiseObjects.Painted> painted, int classes, int[] shape) {
        return new ObjectPainter(null, null, painted, null, classes, shape);
    }

    /**
     * A painter of blockwise results held per object ({@link BlockwiseObjects#paintInto}), one per frame of extent
     * {@code shape = {z, y, x}}; ids are read box by box while painting (the caller closes them after the export).
     */
    public static ObjectPainter blockwiseStored(List<BlockwiseObjects.Stored> stored, int classes, int[] shape) {
        return new ObjectPainter(null, null, null, stored, classes, shape);
    }

    /** The values of {@code source} in {@code box} ({@code tzyxc}). */
    public Block paint(ObjectExportSource source, Box box) {
        Block out = Block.allocate(Axes.of("tzyxc"), box, source.dtype());
        int nc = (int) box.size(4);
        int c0 = (int) box.start(4);
        int ny = shape[1];
        int nx = shape[2];
        int i = 0;
        for (int t = (int) box.start(0); t < box.stop(0); t++) {
            FrameResult f = frames == null ? null : frames.get(t);
            BlockwiseObjects.Painted p = painted == null ? null : painted.get(t);
            int[] zyx0 = {(int) box.start(1), (int) box.start(2), (int) box.start(3)};
            int[] zyx1 = {(int) box.stop(1), (int) box.stop(2), (int) box.stop(3)};
            BlockwiseObjects.Stored st = stored == null ? null : stored.get(t);
            int[] lab = labels != null ? labels.get(t).read(zyx0, zyx1)
                    : st != null ? st.ids().read(zyx0, zyx1) : null;
            int[] pred = f != null ? f.predicted() : st != null ? st.predicted() : null;
            float[] prob = f != null ? f.probabilities() : st != null ? st.probabilities() : null;
            if (p == null && lab != null) {
                i = paintLabels(source, lab, pred, prob, c0, nc, out.data(), i);
                continue;
            }
            int li = 0;
            for (int z = (int) box.start(1); z < box.stop(1); z++) {
                for (int y = (int) box.start(2); y < box.stop(2); y++) {
                    for (int x = (int) box.start(3); x < box.stop(3); x++, li++) {
                        int px = (z * ny + y) * nx + x;
                        int o = lab == null ? 0 : lab[li];
                        for (int c = c0; c < c0 + nc; c++, i++) {
                            switch (source) {
                                case OBJECT_IDENTITIES -> ((int[]) out.data())[i] = o;
                                case OBJECT_PREDICTIONS ->
                                        ((byte[]) out.data())[i] = (byte) pred[o];
                                case OBJECT_PROBABILITIES ->
                                        ((float[]) out.data())[i] = prob[o * classes + c];
                                case BLOCKWISE_OBJECT_PREDICTIONS -> ((byte[]) out.data())[i] = p != null
                                        ? p.predicted()[px] : (byte) pred[o];
                                case BLOCKWISE_OBJECT_PROBABILITIES -> ((float[]) out.data())[i] = p != null
                                        ? p.probabilities()[px * classes + c] : prob[o * classes + c];
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    // One frame's box from its labels and per-object values, one tight loop per source; returns the next index.
    private int paintLabels(ObjectExportSource source, int[] lab, int[] pred, float[] prob, int c0, int nc,
            Object data, int i) {
        switch (source) {
            case OBJECT_IDENTITIES -> {
                int[] d = (int[]) data;
                for (int o : lab) {
                    for (int c = 0; c < nc; c++) {
                        d[i++] = o;
                    }
                }
            }
            case OBJECT_PREDICTIONS, BLOCKWISE_OBJECT_PREDICTIONS -> {
                byte[] d = (byte[]) data;
                for (int o : lab) {
                    for (int c = 0; c < nc; c++) {
                        d[i++] = (byte) pred[o];
                    }
                }
            }
            case OBJECT_PROBABILITIES, BLOCKWISE_OBJECT_PROBABILITIES -> {
                float[] d = (float[]) data;
                for (int o : lab) {
                    System.arraycopy(prob, o * classes + c0, d, i, nc);
                    i += nc;
                }
            }
            default -> throw new IllegalArgumentException(source + " is not painted from objects");
        }
        return i;
    }
}
