package org.jilastik.export.tracking;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Iso-contours of a 2-D image as scikit-image's {@code find_contours(image, level)} returns them with its defaults
 * (fully_connected low, positive_orientation low), point order included, because ilastik's Contours and
 * Multi-Worm-Tracker exports print those points.
 *
 * <p>Algorithm (facts of skimage's marching squares): squares are visited in raster order (row, then column); a
 * square with corners ul, ur, ll, lr gets the case {@code (ul>level) + 2(ur>level) + 4(ll>level) + 8(lr>level)}
 * and emits zero, one or two directed segments between the edge points top, bottom, left, right (linear
 * interpolation along the edge, fraction 0 when both ends are equal); saddles (6, 9) use the low-connectivity
 * pairing. Segments are then chained: a segment whose end is a contour's start is prepended, whose start is a
 * contour's end is appended, and one that joins two contours merges them into the older one. Contours are returned
 * in order of creation of the surviving chain. Points are {@code {row, column}}. Stateless, thread safe.
 */
public final class MarchingSquares {
    private MarchingSquares() {
    }

    /** A contour point, row then column. */
    public record Point(double row, double col) {
    }

    /**
     * The contours of {@code image} (flat C-order, {@code rows × cols}) at {@code level}.
     *
     * @return each contour as its points in order
     */
    public static List<List<Point>> find(double[] image, int rows, int cols, double level) {
        List<Point[]> segments = new ArrayList<>();
        for (int r = 0; r < rows - 1; r++) {
            for (int c = 0; c < cols - 1; c++) {
                double ul = image[r * cols + c];
                double ur = image[r * cols + c + 1];
                double ll = image[(r + 1) * cols + c];
                double lr = image[(r + 1) * cols + c + 1];
                int sq = (ul > level ? 1 : 0) + (ur > level ? 2 : 0) + (ll > level ? 4 : 0) + (lr > level ? 8 : 0);
                if (sq == 0 || sq == 15) {
                    continue;
                }
                Point top = new Point(r, c + fraction(ul, ur, level));
                Point bottom = new Point(r + 1, c + fraction(ll, lr, level));
                Point left = new Point(r + fraction(ul, ll, level), c);
                Point right = new Point(r + fraction(ur, lr, level), c + 1);
                switch (sq) {
                    case 1 -> segments.add(new Point[] {top, left});
                    case 2 -> segments.add(new Point[] {right, top});
                    case 3 -> segments.add(new Point[] {right, left});
                    case 4 -> segments.add(new Point[] {left, bottom});
                    case 5 -> segments.add(new Point[] {top, bottom});
                    case 6 -> {
                        segments.add(new Point[] {right, top});
                        segments.add(new Point[] {left, bottom});
                    }
                    case 7 -> segments.add(new Point[] {right, bottom});
                    case 8 -> segments.add(new Point[] {bottom, right});
                    case 9 -> {
                        segments.add(new Point[] {top, left});
                        segments.add(new Point[] {bottom, right});
                    }
                    case 10 -> segments.add(new Point[] {bottom, top});
                    case 11 -> segments.add(new Point[] {bottom, left});
                    case 12 -> segments.add(new Point[] {left, right});
                    case 13 -> segments.add(new Point[] {top, right});
                    case 14 -> segments.add(new Point[] {left, top});
                    default -> throw new IllegalStateException("square case " + sq);
                }
            }
        }
        return assemble(segments);
    }

    private static double fraction(double from, double to, double level) {
        return to == from ? 0 : (level - from) / (to - from);
    }

    private record Chain(ArrayDeque<Point> points, int index) {
    }

    private static List<List<Point>> assemble(List<Point[]> segments) {
        Map<Integer, ArrayDeque<Point>> contours = new TreeMap<>();
        Map<Point, Chain> starts = new HashMap<>();
        Map<Point, Chain> ends = new HashMap<>();
        int next = 0;
        for (Point[] s : segments) {
            Point from = s[0];
            Point to = s[1];
            if (from.equals(to)) {
                continue;
            }
            Chain tail = starts.remove(to);
            Chain head = ends.remove(from);
            if (tail != null && head != null) {
                if (tail.points() == head.points()) {
                    head.points().addLast(to); // closes the contour
                } else if (tail.index() > head.index()) {
                    head.points().addAll(tail.points());
                    contours.remove(tail.index());
                    starts.put(head.points().peekFirst(), head);
                    ends.put(head.points().peekLast(), head);
                } else {
                    var it = head.points().descendingIterator();
                    while (it.hasNext()) {
                        tail.points().addFirst(it.next());
                    }
                    contours.remove(head.index());
                    starts.put(tail.points().peekFirst(), tail);
                    ends.put(tail.points().peekLast(), tail);
                }
            } else if (tail == null && head == null) {
                ArrayDeque<Point> d = new ArrayDeque<>();
                d.add(from);
                d.add(to);
                Chain c = new Chain(d, next);
                contours.put(next, d);
                starts.put(from, c);
                ends.put(to, c);
                next++;
            } else if (head == null) {
                tail.points().addFirst(from);
                starts.put(from, tail);
            } else {
                head.points().addLast(to);
                ends.put(to, head);
            }
        }
        List<List<Point>> out = new ArrayList<>();
        for (ArrayDeque<Point> d : contours.values()) {
            out.add(List.copyOf(d));
        }
        return out;
    }
}
