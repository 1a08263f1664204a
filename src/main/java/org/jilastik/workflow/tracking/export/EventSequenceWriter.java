package org.jilastik.workflow.tracking.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.jilastik.error.JilastikException;
import org.jilastik.io.hdf5.Hdf5DatasetWriter;
import org.jilastik.io.hdf5.Hdf5Groups;
import org.jilastik.workflow.tracking.FrameLabels;
import org.jilastik.workflow.tracking.TrackingResult;

/**
 * The removed ilastik tracking-export plugin {@code H5-Event-Sequence} (spec tracking §3): a directory with one
 * file {@code NNNNN.h5} per frame that has graph nodes, holding
 * <ul>
 * <li>{@code segmentation/labels}: the frame's merger-relabelled label image, uint32, in ilastik's internal
 * {@code t, x, y, z, c} order (shape {@code (1, X, Y, Z, 1)}, Z = 1 for 2-D), gzip level 4, h5py's chunk guess;</li>
 * <li>{@code objects/meta/id} (the label values &gt; 0 present, ascending) and {@code objects/meta/valid} (ones),
 * uint32;</li>
 * <li>group {@code tracking}, with int32 {@code Moves} (n × 2: id in the previous frame, id here; every active
 * link into this frame, division children included, in model link order), {@code Splits} (n × 3: parent in the
 * previous frame, the two children in out-link order) and {@code Mergers} (n × 2: id, object count; unresolved
 * mergers) where non-empty, each with ilastik's {@code Format} attribute.</li>
 * </ul>
 * Stateless.
 */
public final class EventSequenceWriter {
    private EventSequenceWriter() {
    }

    /**
     * Writes the event files into {@code dir} (created if missing; existing files of the same names replaced).
     *
     * @throws JilastikException when a file cannot be written
     */
    public static void write(TrackingResult result, Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw JilastikException.processing("cannot create the event-sequence directory " + dir + " ("
                    + e.getMessage() + "); check the output path", e);
        }
        TreeSet<Integer> frames = new TreeSet<>();
        result.nodes().forEach(n -> frames.add(n.frame()));
        for (int t : frames) {
            Path file = dir.resolve(String.format("%05d.h5", t));
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw JilastikException.processing("cannot replace " + file + " (" + e.getMessage()
                        + "); check write permission", e);
            }
            writeFrame(result, t, file);
        }
    }

    private static void writeFrame(TrackingResult r, int t, Path file) {
        FrameLabels labels = r.objectIdentities();
        long[] shape = labels.frameShape();
        int[] frame = labels.frame(t);
        int d = shape.length;
        int nx = (int) shape[d - 1];
        int ny = (int) shape[d - 2];
        int nz = d == 3 ? (int) shape[0] : 1;
        int[] txyzc = new int[frame.length];
        TreeSet<Integer> ids = new TreeSet<>();
        int o = 0;
        for (int x = 0; x < nx; x++) {
            for (int y = 0; y < ny; y++) {
                for (int z = 0; z < nz; z++) {
                    int v = frame[(z * ny + y) * nx + x];
                    txyzc[o++] = v;
                    if (v > 0) {
                        ids.add(v);
                    }
                }
            }
        }
        long[] labelShape = {1, nx, ny, nz, 1};
        dataset(file, "segmentation/labels", Axes.of("txyzc"), labelShape, DType.UINT32, txyzc,
                H5pyChunks.guess(labelShape, 4), 4, null);
        int[] idArray = ids.stream().mapToInt(Integer::intValue).toArray();
        int[] valid = new int[idArray.length];
        java.util.Arrays.fill(valid, 1);
        if (idArray.length > 0) {
            dataset(file, "objects/meta/id", Axes.of("x"), new long[] {idArray.length}, DType.UINT32, idArray,
                    null, 0, null);
            dataset(file, "objects/meta/valid", Axes.of("x"), new long[] {valid.length}, DType.UINT32, valid,
                    null, 0, null);
        }
        Hdf5Groups.create(file, "tracking");
        List<int[]> moves = new ArrayList<>();
        for (int[] l : r.links()) {
            if (l[0] == t - 1) {
                moves.add(new int[] {l[1], l[2]});
            }
        }
        List<int[]> splits = new ArrayList<>();
        for (int[] s : r.divisions()) {
            if (s[0] == t - 1) {
                splits.add(new int[] {s[1], s[2], s[3]});
            }
        }
        List<int[]> mergers = new ArrayList<>();
        for (int[] m : r.unresolvedMergers()) {
            if (m[0] == t) {
                mergers.add(new int[] {m[1], m[2]});
            }
        }
        table(file, "tracking/Moves", moves, 2, "from (previous file), to (current file)");
        table(file, "tracking/Splits", splits, 3,
                "ancestor (previous file), descendant (current file), descendant (current file)");
        table(file, "tracking/Mergers", mergers, 2, "descendant (current file), number of objects");
    }

    private static void table(Path file, String path, List<int[]> rows, int width, String format) {
        if (rows.isEmpty()) {
            return;
        }
        int[] data = new int[rows.size() * width];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, data, i * width, width);
        }
        dataset(file, path, Axes.of("yx"), new long[] {rows.size(), width}, DType.INT32, data, null, 0, format);
    }

    private static void dataset(Path file, String path, Axes axes, long[] shape, DType dtype, int[] data,
            long[] chunks, int gzip, String format) {
        List<Hdf5DatasetWriter.Attribute> attrs = format == null ? List.of()
                : List.of(new Hdf5DatasetWriter.StringAttribute("Format", format));
        try (Hdf5DatasetWriter w = Hdf5DatasetWriter.create(file, path, axes, shape, dtype,
                chunks == null ? shape : chunks, gzip, attrs)) {
            w.write(new Block(axes, Box.ofShape(shape), dtype, data));
            w.commit();
        }
    }
}
