package org.jilastik.export.tracking;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.jilastik.export.PyRepr;
import org.jilastik.workflow.tracking.FrameLabels;
import org.jilastik.workflow.tracking.TrackingResult;

/**
 * ilastik's {@code Contours-With-Head} tracking export (2-D only; raw data with at least 3 channels):
 * {@code <name>.contours}, per frame (ascending) one line per lineage present — {@code t id head n} and the n contour
 * points as {@code y x} pairs — where the contour is the first one of the object ({@link ObjectMasks}, ilastik's
 * x-major frame), id is the lineage id ({@code None} for nodes without one, as Python prints it; lineages in order
 * of their first object id in the frame, the highest id's contour winning), and head is the index of the contour
 * point with the largest sum of raw channel 2 over the 41 × 41 window around it (points outside the frame skipped;
 * the first maximum). Sums are in double (ilastik sums numpy scalars of the raw dtype, which may wrap for integer
 * raw data). Not checked against ilastik (no reference output). Stateless.
 */
public final class ContoursWithHeadExport {
    private static final int HALF_WINDOW = 20;

    private ContoursWithHeadExport() {
    }

    /**
     * Writes {@code file} (the {@code .contours} suffix already added).
     *
     * @param raw      frame t → raw intensities, flat {@code [y][x][c]} with {@code channels} values per pixel
     * @param channels raw channels (at least 3)
     */
    public static Path write(Path file, TrackingResult result, IntFunction<float[]> raw, int channels) {
        FrameLabels labels = result.objectIdentities();
        int[] yx = ContoursExport.planeShape(labels, "Contours-With-Head");
        int ny = yx[0];
        int nx = yx[1];
        List<Map<Integer, Integer>> lineages = new ArrayList<>();
        for (int t = 0; t < labels.frameCount(); t++) {
            lineages.add(new HashMap<>());
        }
        for (TrackingResult.Node n : result.nodes()) {
            lineages.get(n.frame()).put(n.labelImageId(), n.lineageId());
        }
        StringBuilder b = new StringBuilder();
        for (int t = 0; t < labels.frameCount(); t++) {
            Map<Integer, Integer> lineage = lineages.get(t);
            Map<Integer, List<MarchingSquares.Point>> contours = new LinkedHashMap<>();
            Map<Integer, Integer> heads = new HashMap<>();
            float[] pixels = null;
            for (var c : ObjectMasks.contours(labels.frame(t), ny, nx).entrySet()) {
                Integer lin = lineage.get(c.getKey());
                if (lin == null || c.getValue().isEmpty()) {
                    continue;
                }
                if (pixels == null) {
                    pixels = raw.apply(t);
                }
                List<MarchingSquares.Point> contour = c.getValue().getFirst();
                contours.put(lin, contour);
                heads.put(lin, head(contour, pixels, channels, ny, nx));
            }
            for (var e : contours.entrySet()) {
                List<MarchingSquares.Point> pts = e.getValue();
                b.append(t).append(' ').append(e.getKey() < 0 ? "None" : Integer.toString(e.getKey())).append(' ')
                        .append(heads.get(e.getKey())).append(' ').append(pts.size()).append(' ');
                for (int i = 0; i < pts.size(); i++) {
                    if (i > 0) {
                        b.append(' ');
                    }
                    b.append(PyRepr.float64(pts.get(i).col())).append(' ').append(PyRepr.float64(pts.get(i).row()));
                }
                b.append('\n');
            }
        }
        return TextOutput.write(file, b.toString());
    }

    // points are (x, y); the window test uses the fractional coordinate, the index its truncation (as ilastik)
    private static int head(List<MarchingSquares.Point> contour, float[] pixels, int channels, int ny, int nx) {
        int best = 0;
        double bestSum = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < contour.size(); p++) {
            double x = contour.get(p).row();
            double y = contour.get(p).col();
            double sum = 0;
            for (int i = -HALF_WINDOW; i <= HALF_WINDOW; i++) {
                for (int j = -HALF_WINDOW; j <= HALF_WINDOW; j++) {
                    if (x + i >= 0 && x + i < nx && y + j >= 0 && y + j < ny) {
                        int xi = (int) x + i;
                        int yj = (int) y + j;
                        sum += pixels[(yj * nx + xi) * channels + 2];
                    }
                }
            }
            if (sum > bestSum) {
                bestSum = sum;
                best = p;
            }
        }
        return best;
    }
}
