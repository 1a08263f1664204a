package org.jilastik.export.tracking;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The per-object contours of a 2-D label frame as ilastik's contour-based exports compute them: for each object id
 * (ascending) {@code find_contours(frame == id, 0)} on ilastik's internal frame, which is in {@code x, y} order
 * (txyzc axes): contour points are therefore {@code (x, y)} — {@link MarchingSquares.Point#row()} is x and
 * {@link MarchingSquares.Point#col()} is y — and squares are visited x-major. The mask is cropped to the object's bounding box grown by one
 * pixel (clipped to the frame): every square that touches the object lies inside it and the raster order of squares
 * is unchanged, so the contours equal those of the whole frame, at a cost proportional to the object. Stateless,
 * thread safe.
 */
final class ObjectMasks {
    private ObjectMasks() {
    }

    /**
     * Each object id of {@code frame} (C-order {@code rows × cols} = {@code y × x}), ascending, with its contours
     * as {@code (x, y)} points.
     */
    static TreeMap<Integer, List<List<MarchingSquares.Point>>> contours(int[] frame, int rows, int cols) {
        TreeMap<Integer, int[]> boxes = new TreeMap<>(); // id -> {r0, r1, c0, c1} inclusive
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int id = frame[r * cols + c];
                if (id == 0) {
                    continue;
                }
                int[] b = boxes.get(id);
                if (b == null) {
                    boxes.put(id, new int[] {r, r, c, c});
                } else {
                    b[0] = Math.min(b[0], r);
                    b[1] = Math.max(b[1], r);
                    b[2] = Math.min(b[2], c);
                    b[3] = Math.max(b[3], c);
                }
            }
        }
        TreeMap<Integer, List<List<MarchingSquares.Point>>> out = new TreeMap<>();
        for (var e : boxes.entrySet()) {
            int id = e.getKey();
            int[] b = e.getValue();
            int r0 = Math.max(0, b[0] - 1);
            int r1 = Math.min(rows - 1, b[1] + 1);
            int c0 = Math.max(0, b[2] - 1);
            int c1 = Math.min(cols - 1, b[3] + 1);
            int h = r1 - r0 + 1; // y extent
            int w = c1 - c0 + 1; // x extent
            double[] mask = new double[w * h]; // transposed: rows x, columns y
            for (int r = 0; r < h; r++) {
                for (int c = 0; c < w; c++) {
                    mask[c * h + r] = frame[(r0 + r) * cols + c0 + c] == id ? 1 : 0;
                }
            }
            List<List<MarchingSquares.Point>> shifted = new ArrayList<>();
            for (List<MarchingSquares.Point> contour : MarchingSquares.find(mask, w, h, 0)) {
                List<MarchingSquares.Point> s = new ArrayList<>(contour.size());
                for (MarchingSquares.Point p : contour) {
                    s.add(new MarchingSquares.Point(p.row() + c0, p.col() + r0));
                }
                shifted.add(List.copyOf(s));
            }
            out.put(id, shifted);
        }
        return out;
    }
}
