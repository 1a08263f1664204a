package org.jilastik.export.tracking;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.jilastik.error.JilastikException;
import org.jilastik.io.ImageSink;
import org.jilastik.io.tiff.MultipageTiffWriter;
import org.jilastik.io.tiff.TiffImageWriter;
import org.jilastik.workflow.tracking.FrameLabels;
import org.jilastik.workflow.tracking.TrackingResult;

/**
 * ilastik's {@code CellTrackingChallenge} export (spec tracking §3): a directory with {@code res_track.txt} (one line
 * {@code L B E P} per track in the order of its first node: L = trackId − 1, B/E = first/last frame, P = parent
 * trackId − 1 or 0) and {@code maskNNN.tif} per frame, uint16, value trackId − 1 on tracked objects and 0 elsewhere.
 * A frame without any graph node keeps its object ids (as ilastik, which then skips the remapping). 2-D masks are
 * single-page LZW TIFFs (rows y, columns x, as vigra writes them); 3-D masks are uncompressed multi-page TIFFs with
 * ilastik's scrambled axes: one page per x, rows y, columns z. Values are cast to uint16 (wrapping). Stateless.
 */
public final class CellTrackingChallengeExport {
    private CellTrackingChallengeExport() {
    }

    /** Writes the directory {@code dir}; returns it. */
    public static Path write(Path dir, TrackingResult result) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw JilastikException.processing("cannot create the directory " + dir + " (" + e.getMessage()
                    + "); choose a writable --output_filename_format", e);
        }
        TextOutput.write(dir.resolve("res_track.txt"), tracks(result));
        FrameLabels labels = result.objectIdentities();
        List<Map<Integer, Integer>> mapping = new ArrayList<>();
        for (int t = 0; t < labels.frameCount(); t++) {
            mapping.add(null);
        }
        for (TrackingResult.Node n : result.nodes()) {
            Map<Integer, Integer> m = mapping.get(n.frame());
            if (m == null) {
                m = new HashMap<>();
                mapping.set(n.frame(), m);
            }
            if (n.trackId() >= 0) {
                m.put(n.labelImageId(), n.trackId() - 1);
            }
        }
        for (int t = 0; t < labels.frameCount(); t++) {
            writeMask(dir.resolve(String.format(Locale.ROOT, "mask%03d.tif", t)), labels.frame(t),
                    labels.frameShape(), mapping.get(t));
        }
        return dir;
    }

    /** The text of {@code res_track.txt}. */
    static String tracks(TrackingResult result) {
        Map<Integer, int[]> tracks = new LinkedHashMap<>(); // trackId -> {parent, first, last}
        for (TrackingResult.Node n : result.nodes()) {
            if (n.trackId() < 0) {
                continue;
            }
            int[] tr = tracks.computeIfAbsent(n.trackId(), k -> new int[] {0, n.frame(), n.frame()});
            tr[1] = Math.min(tr[1], n.frame());
            tr[2] = Math.max(tr[2], n.frame());
            if (n.parentTrackId() > 0) {
                tr[0] = n.parentTrackId();
            }
        }
        StringBuilder b = new StringBuilder();
        for (Map.Entry<Integer, int[]> e : tracks.entrySet()) {
            int[] v = e.getValue();
            b.append(e.getKey() - 1).append(' ').append(v[1]).append(' ').append(v[2]).append(' ')
                    .append(Math.max(0, v[0] - 1)).append('\n');
        }
        return b.toString();
    }

    private static void writeMask(Path file, int[] frame, long[] shape, Map<Integer, Integer> mapping) {
        short[] values = new short[frame.length];
        for (int i = 0; i < frame.length; i++) {
            int id = frame[i];
            int v = mapping == null ? id : mapping.getOrDefault(id, 0);
            values[i] = (short) v;
        }
        if (shape.length == 2 || shape[0] == 1) {
            long ny = shape[shape.length - 2];
            long nx = shape[shape.length - 1];
            Axes axes = Axes.of("yxc");
            long[] s = {ny, nx, 1};
            try (ImageSink sink = new TiffImageWriter(file, axes, s, DType.UINT16)) {
                sink.write(new Block(axes, Box.ofShape(s), DType.UINT16, values));
                sink.commit();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw JilastikException.processing("cannot write " + file + " (" + e.getMessage() + ")", e);
            }
            return;
        }
        // 3-D: ilastik's tifffile call receives the frame as (x, y, z): pages x, rows y, columns z
        int nz = (int) shape[0];
        int ny = (int) shape[1];
        int nx = (int) shape[2];
        short[] scrambled = new short[values.length];
        int i = 0;
        for (int x = 0; x < nx; x++) {
            for (int y = 0; y < ny; y++) {
                for (int z = 0; z < nz; z++) {
                    scrambled[i++] = values[(z * ny + y) * nx + x];
                }
            }
        }
        Axes axes = Axes.of("zyx"); // letters only name the page/row/column roles: pages x, rows y, columns z
        long[] s = {nx, ny, nz};
        String description = "{\"shape\": [" + nx + ", " + ny + ", " + nz + "]}";
        try (ImageSink sink = new MultipageTiffWriter(file, axes, s, DType.UINT16, description, "tifffile.py")) {
            sink.write(new Block(axes, Box.ofShape(s), DType.UINT16, scrambled));
            sink.commit();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw JilastikException.processing("cannot write " + file + " (" + e.getMessage() + ")", e);
        }
    }
}
