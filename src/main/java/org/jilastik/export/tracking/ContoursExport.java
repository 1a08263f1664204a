package org.jilastik.export.tracking;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jilastik.error.JilastikException;
import org.jilastik.export.PyRepr;
import org.jilastik.workflow.tracking.FrameLabels;
import org.jilastik.workflow.tracking.TrackingResult;

/**
 * ilastik's {@code Contours} tracking export (spec tracking §3): {@code <name>.outline}, one line per (lineage,
 * frame) sorted by lineage id then frame: {@code 00000000_<frame:06d> <lineage:05d> 0.000} followed by the first
 * contour of the object's mask ({@link MarchingSquares} at level 0 on ilastik's x-major frame) as
 * {@code y x} pairs printed like Python floats. When a lineage has several objects in a frame the one with the highest id wins; objects without
 * a lineage (false detections) are skipped. 2-D data only. Stateless.
 */
public final class ContoursExport {
    private ContoursExport() {
    }

    /**
     * Writes {@code file} (the {@code .outline} suffix already added).
     *
     * @throws JilastikException (processing) for 3-D data, as ilastik refuses it
     */
    public static Path write(Path file, TrackingResult result) {
        return TextOutput.write(file, text(result));
    }

    static String text(TrackingResult result) {
        FrameLabels labels = result.objectIdentities();
        int[] yx = planeShape(labels, "Contours");
        Map<Integer, TreeMap<Integer, List<MarchingSquares.Point>>> byLineage = new TreeMap<>();
        List<Map<Integer, Integer>> lineages = new ArrayList<>();
        for (int t = 0; t < labels.frameCount(); t++) {
            lineages.add(new HashMap<>());
        }
        for (TrackingResult.Node n : result.nodes()) {
            if (n.lineageId() >= 0) {
                lineages.get(n.frame()).put(n.labelImageId(), n.lineageId());
            }
        }
        for (int t = 0; t < labels.frameCount(); t++) {
            Map<Integer, Integer> lineage = lineages.get(t);
            for (var c : ObjectMasks.contours(labels.frame(t), yx[0], yx[1]).entrySet()) {
                Integer lin = lineage.get(c.getKey());
                if (lin != null && !c.getValue().isEmpty()) {
                    byLineage.computeIfAbsent(lin, k -> new TreeMap<>()).put(t, c.getValue().getFirst());
                }
            }
        }
        StringBuilder b = new StringBuilder();
        for (var e : byLineage.entrySet()) {
            for (var f : e.getValue().entrySet()) {
                b.append(String.format(Locale.ROOT, "00000000_%06d %05d 0.000 ", f.getKey(), e.getKey()));
                List<MarchingSquares.Point> pts = f.getValue();
                for (int i = 0; i < pts.size(); i++) {
                    if (i > 0) {
                        b.append(' ');
                    }
                    b.append(PyRepr.float64(pts.get(i).col())).append(' ').append(PyRepr.float64(pts.get(i).row()));
                }
                b.append('\n');
            }
        }
        return b.toString();
    }

    /** {rows, columns} of 2-D frames; refuses 3-D data naming the plugin. */
    static int[] planeShape(FrameLabels labels, String plugin) {
        long[] s = labels.frameShape();
        if (s.length == 3 && s[0] > 1) {
            throw JilastikException.processing("the " + plugin + " export works on 2-D data only (ilastik: \"Only 2D "
                    + "arrays are supported\"); choose another --export_plugin for 3-D data");
        }
        return new int[] {(int) s[s.length - 2], (int) s[s.length - 1]};
    }
}
