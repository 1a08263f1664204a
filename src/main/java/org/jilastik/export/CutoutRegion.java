package org.jilastik.export;

import java.util.List;
import org.jilastik.array.Axes;
import org.jilastik.array.Box;
import org.jilastik.error.JilastikException;

/**
 * The region of the export source that is exported (spec cli-and-io §3.7): start and stop per axis in the
 * source's pipeline order, {@code None}/{@code null} start → 0, {@code None}/{@code null} or 0 stop → full
 * extent ("value or extent"), clipped to the source with a warning. Stateless.
 */
final class CutoutRegion {
    private CutoutRegion() {
    }

    /**
     * Resolves the cutout; {@code start}/{@code stop} null mean the whole source.
     *
     * @param warnings receives a line when the region had to be clipped
     * @throws JilastikException (usage) for a wrong number of entries or an empty region
     */
    static Box resolve(Long[] start, Long[] stop, String sourceName, Axes axes, long[] shape, List<String> warnings) {
        int n = shape.length;
        for (Long[] v : new Long[][] {start, stop}) {
            if (v != null && v.length != n) {
                throw JilastikException.usage("the cutout subregion has " + v.length + " entries per corner but the "
                        + sourceName + " export has " + n + " axes (" + axes + "); give start and stop in that order");
            }
        }
        long[] a = new long[n];
        long[] b = new long[n];
        boolean clipped = false;
        for (int i = 0; i < n; i++) {
            long s = start == null || start[i] == null ? 0 : start[i];
            long e = stop == null || stop[i] == null || stop[i] == 0 ? shape[i] : stop[i];
            a[i] = Math.max(0, s);
            b[i] = Math.min(shape[i], e);
            clipped |= a[i] != s || b[i] != e;
            if (a[i] >= b[i]) {
                throw JilastikException.usage("the cutout subregion is empty on axis " + axes.get(i) + " (start " + s
                        + ", stop " + e + ", extent " + shape[i] + "); give a start below the stop");
            }
        }
        if (clipped) {
            warnings.add("The ROI you are attempting to export exceeds the extents of your dataset.  "
                    + "Clipping to dataset bounds.");
        }
        return new Box(a, b);
    }

    /** Python's {@code str()} of ilastik's {@code roi} list: {@code [(0, 0, 0), (60, 80, 3)]}. */
    static String pythonRoi(long[] start, long[] stop) {
        return "[" + tuple(start) + ", " + tuple(stop) + "]";
    }

    private static String tuple(long[] v) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < v.length; i++) {
            b.append(i == 0 ? "" : ", ").append(v[i]);
        }
        return b.append(v.length == 1 ? ",)" : ")").toString();
    }
}
