package org.jilastik.export.tracking;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jilastik.export.PyRepr;
import org.jilastik.workflow.objects.ObjectFeatures;
import org.jilastik.workflow.tracking.FrameLabels;
import org.jilastik.workflow.tracking.TrackingResult;

/**
 * ilastik's {@code Multi-Worm-Tracker} tracking export (2-D only): {@code <name>.summary} and {@code <name>.blobs}.
 *
 * <p>Facts reproduced (ilastik's tracking_mwt_export plugin): every node of the final graph counts, false
 * detections included. The summary has one line per frame with nodes: {@code t+1 t n n 0.0 0.0 0.0 L L W W A A
 * 0.0} with L, W, A the means over the frame's nodes (ascending id) of RegionRadii[0], RegionRadii[1] and their
 * ratio. The blobs file has, per object id (ascending) over all frames, a header {@code % id} before its first node
 * and one line per frame in which (t, id) is a node: {@code k t cx cy size ax·r0 ay·r0 mean(r0,r1) r0 r1 %% row0 col0
 * n+1 code}, where (row0, col0) is the first point of the object's first contour and the code packs the steps
 * between consecutive contour points (2 bits each: up 00, down 01, left 10, right 11; a diagonal step as its
 * vertical then horizontal part) into characters {@code '0' + 6 bits}, n being the number of unit steps. Feature
 * values are the float32 Standard Object Features combined in float32 (numpy float32 scalars; only the summary's
 * final division by the count is in double) and printed as the double value's Python repr (numpy's float32
 * {@code format} converts to a Python float). Stateless.
 */
public final class MultiWormTrackerExport {
    private MultiWormTrackerExport() {
    }

    /**
     * Writes {@code base + ".summary"} and {@code base + ".blobs"}; returns both paths.
     *
     * @param features per-frame features of the merger-relabelled objects (RegionCenter, Count, RegionAxes,
     *                 RegionRadii)
     */
    public static List<Path> write(Path base, TrackingResult result, List<ObjectFeatures> features) {
        String[] text = texts(result, features);
        Path summary = base.resolveSibling(base.getFileName() + ".summary");
        Path blobs = base.resolveSibling(base.getFileName() + ".blobs");
        TextOutput.write(summary, text[0]);
        TextOutput.write(blobs, text[1]);
        return List.of(summary, blobs);
    }

    static String[] texts(TrackingResult result, List<ObjectFeatures> features) {
        FrameLabels labels = result.objectIdentities();
        int[] yx = ContoursExport.planeShape(labels, "Multi-Worm-Tracker");
        List<TreeSet<Integer>> nodes = new ArrayList<>();
        for (int t = 0; t < labels.frameCount(); t++) {
            nodes.add(new TreeSet<>());
        }
        for (TrackingResult.Node n : result.nodes()) {
            nodes.get(n.frame()).add(n.labelImageId());
        }
        StringBuilder summary = new StringBuilder();
        TreeMap<Integer, TreeMap<Integer, List<MarchingSquares.Point>>> byId = new TreeMap<>();
        for (int t = 0; t < labels.frameCount(); t++) {
            for (var c : ObjectMasks.contours(labels.frame(t), yx[0], yx[1]).entrySet()) {
                if (!c.getValue().isEmpty()) {
                    byId.computeIfAbsent(c.getKey(), k -> new TreeMap<>()).put(t, c.getValue().getFirst());
                }
            }
            if (nodes.get(t).isEmpty()) {
                continue;
            }
            ObjectFeatures f = features.get(t);
            // numpy float32 scalars: sums and ratios in float32, the final division by the count in double
            float sumLength = 0;
            float sumWidth = 0;
            float sumAspect = 0;
            for (int id : nodes.get(t)) {
                float r0 = f32(f, "RegionRadii", id, 0);
                float r1 = f32(f, "RegionRadii", id, 1);
                sumLength += r0;
                sumWidth += r1;
                sumAspect += r0 / r1;
            }
            int n = nodes.get(t).size();
            double length = (double) sumLength / n;
            double width = (double) sumWidth / n;
            double aspect = (double) sumAspect / n;
            summary.append(t + 1).append(' ').append(t).append(' ').append(n).append(' ').append(n)
                    .append(" 0.0 0.0 0.0 ").append(py(length)).append(' ').append(py(length)).append(' ')
                    .append(py(width)).append(' ').append(py(width)).append(' ').append(py(aspect)).append(' ')
                    .append(py(aspect)).append(" 0.0\n");
        }
        StringBuilder blobs = new StringBuilder();
        for (var e : byId.entrySet()) {
            int id = e.getKey();
            int count = 0;
            for (Map.Entry<Integer, List<MarchingSquares.Point>> fc : e.getValue().entrySet()) {
                int t = fc.getKey();
                if (!nodes.get(t).contains(id)) {
                    continue;
                }
                count++;
                if (count == 1) {
                    blobs.append("% ").append(id).append('\n');
                }
                ObjectFeatures f = features.get(t);
                float r0 = f32(f, "RegionRadii", id, 0);
                float r1 = f32(f, "RegionRadii", id, 1);
                List<MarchingSquares.Point> contour = fc.getValue();
                String[] code = encode(contour);
                blobs.append(count).append(' ').append(t).append(' ')
                        .append(py(f32(f, "RegionCenter", id, 0))).append(' ')
                        .append(py(f32(f, "RegionCenter", id, 1))).append(' ')
                        .append(py(f32(f, "Count", id, 0))).append(' ')
                        .append(py(f32(f, "RegionAxes", id, 0) * r0)).append(' ')
                        .append(py(f32(f, "RegionAxes", id, 1) * r0)).append(' ')
                        .append(py((r0 + r1) / 2f)).append(' ').append(py(r0)).append(' ').append(py(r1))
                        .append(" %% ").append(py(contour.getFirst().row())).append(' ')
                        .append(py(contour.getFirst().col())).append(' ').append(code[1]).append(' ')
                        .append(code[0]).append('\n');
            }
        }
        return new String[] {summary.toString(), blobs.toString()};
    }

    private static float f32(ObjectFeatures f, String name, int id, int j) {
        int k = f.width(name);
        return (float) f.values().get(name)[id * k + j];
    }

    private static String py(double v) {
        return PyRepr.float64(v);
    }

    /** {code characters, unit steps + 1} of a contour. */
    static String[] encode(List<MarchingSquares.Point> contour) {
        StringBuilder bits = new StringBuilder();
        StringBuilder out = new StringBuilder();
        int steps = 0;
        MarchingSquares.Point prev = null;
        for (int i = 0; i < contour.size(); i++) {
            MarchingSquares.Point p = contour.get(i);
            if (prev != null) {
                double dr = p.row() - prev.row();
                double dc = p.col() - prev.col();
                String vertical = dr == -1 ? "00" : dr == 1 ? "01" : null;
                String horizontal = dc == -1 ? "10" : dc == 1 ? "11" : null;
                if (vertical != null && dc == 0) {
                    bits.append(vertical);
                    steps += 1;
                } else if (horizontal != null && dr == 0) {
                    bits.append(horizontal);
                    steps += 1;
                } else if (vertical != null && horizontal != null) {
                    bits.append(vertical).append(horizontal);
                    steps += 2;
                }
            }
            if (bits.length() == 6) {
                out.append((char) (Integer.parseInt(bits.toString(), 2) + '0'));
                bits.setLength(0);
            } else if (bits.length() > 6) {
                int diff = bits.length() - 6;
                out.append((char) (Integer.parseInt(bits.substring(0, bits.length() - diff), 2) + '0'));
                bits.delete(0, bits.length() - diff);
            } else if (i >= contour.size() - 1) {
                if (bits.length() == 2) {
                    bits.append("00001");
                    out.append((char) (Integer.parseInt(bits.toString(), 2) + '0'));
                    bits.setLength(0);
                } else if (bits.length() == 4) {
                    bits.append("00");
                    out.append((char) (Integer.parseInt(bits.toString(), 2) + '0'));
                    bits.setLength(0);
                }
            }
            prev = p;
        }
        return new String[] {out.toString(), Integer.toString(steps + 1)};
    }
}
