package org.jilastik.export.tracking;

import java.util.ArrayList;
import java.util.List;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.jilastik.workflow.tracking.FrameLabels;
import org.jilastik.workflow.tracking.TrackingResult;

/**
 * Paints the tracking image sources (spec tracking §3) for any box: each pixel of the merger-relabelled object
 * image ({@link TrackingResult#objectIdentities()}) is mapped through a per-frame lookup table from object id to
 * output value. Tables are built once; painting is a table lookup per pixel. Immutable, thread safe.
 */
public final class TrackingImagePainter {
    /** The canonical axes of painted blocks. */
    public static final Axes CANONICAL = Axes.of("tzyxc");
    private final FrameLabels labels;
    private final List<int[]> tables;
    private final boolean identity;

    /** A painter of {@code source} for {@code result}. */
    public TrackingImagePainter(TrackingResult result, TrackingImageSource source) {
        this.labels = result.objectIdentities();
        this.identity = source == TrackingImageSource.OBJECT_IDENTITIES;
        this.tables = identity ? List.of() : tables(result, source);
    }

    private static List<int[]> tables(TrackingResult result, TrackingImageSource source) {
        int frames = result.objectIdentities().frameCount();
        int[] maxId = new int[frames];
        for (TrackingResult.Node n : result.nodes()) {
            maxId[n.frame()] = Math.max(maxId[n.frame()], n.labelImageId());
        }
        List<int[]> out = new ArrayList<>();
        for (int t = 0; t < frames; t++) {
            out.add(new int[maxId[t] + 1]);
        }
        for (TrackingResult.Node n : result.nodes()) {
            int[] table = out.get(n.frame());
            table[n.labelImageId()] = switch (source) {
                case TRACKING_RESULT -> n.lineageId() >= 2 ? n.lineageId() : 1;
                case MERGER_RESULT -> (n.mergerLabelId() != 0 || n.value() > 1) && n.lineageId() >= 2
                        ? n.lineageId() : 0;
                case OBJECT_IDENTITIES -> n.labelImageId();
            };
        }
        return out;
    }

    /**
     * The values of a box in {@link #CANONICAL} axes ({@code c} extent 1, {@code z} extent 1 for 2-D data), uint32.
     * The block belongs to the caller.
     */
    public Block paint(Box box) {
        Block out = Block.allocate(CANONICAL, box, DType.UINT32);
        int[] dst = (int[]) out.data();
        long[] shape = labels.frameShape();
        int ny = (int) shape[shape.length - 2];
        int nx = (int) shape[shape.length - 1];
        int i = 0;
        for (long t = box.start(0); t < box.stop(0); t++) {
            int[] frame = labels.frame((int) t);
            int[] table = identity ? null : tables.get((int) t);
            for (long z = box.start(1); z < box.stop(1); z++) {
                for (long y = box.start(2); y < box.stop(2); y++) {
                    int row = (int) ((z * ny + y) * nx);
                    for (long x = box.start(3); x < box.stop(3); x++) {
                        int id = frame[row + (int) x];
                        int v = identity ? id : id < table.length ? table[id] : 0;
                        for (long c = box.start(4); c < box.stop(4); c++) {
                            dst[i++] = v;
                        }
                    }
                }
            }
        }
        return out;
    }
}
