package org.jilastik.export;

import java.util.List;
import org.jilastik.array.Axes;
import org.jilastik.array.Box;
import org.jilastik.error.JilastikException;

/**
 * The region of the export source that is exported (spec cli-and-io §3.7), in the source's pipeline axis order.
 *
 * <p>Three ways to name it, one meaning: ilastik's positional form {@code [(start...), (stop...)]} with one entry
 * per axis of the source in pipeline order (e.g. {@code yxc}); the same with five entries in {@code tczyx} order
 * (the order ilastik's help text and the reference commands use; taken when the count does not match the source
 * but is 5); and jilastik's named form, whose letters are given explicitly ({@code x=10:60,y=10:60}). Axes a
 * named or 5-entry region leaves out, or gives as {@code None}, take the whole extent. An axis the source does
 * not have may only be given as its one position ({@code 0:1}).
 *
 * <p>Per axis: start {@code None} → 0; stop {@code None} or 0 → the full extent ("value or extent", as
 * ilastik); then the region is clipped to the source with ilastik's warning; a region empty after clipping is
 * refused. Stateless.
 */
final class CutoutRegion {
    /** The order of ilastik's 5-entry form. */
    static final Axes FIVE_D = Axes.of("tczyx");

    private CutoutRegion() {
    }

    /**
     * Resolves the cutout; {@code start}/{@code stop} null mean the whole source.
     *
     * @param givenAxes the letters of the entries, or {@code null} for ilastik's positional form
     * @param warnings  receives a line when the region had to be clipped
     * @throws JilastikException (usage) for a wrong number of entries, an axis the source lacks or an empty region
     */
    static Box resolve(Long[] start, Long[] stop, Axes givenAxes, String sourceName, Axes axes, long[] shape,
            List<String> warnings) {
        int n = shape.length;
        Long[] a = start;
        Long[] b = stop;
        if (start != null || stop != null) {
            int given = start != null ? start.length : stop.length;
            Axes order = givenAxes;
            if (order == null && given != n) {
                if (given != FIVE_D.size()) {
                    throw JilastikException.usage("the cutout subregion has " + given + " entries per corner but the "
                            + sourceName + " export has " + n + " axes (" + axes + "); give start and stop in that "
                            + "order, in tczyx order, or by name such as x=10:60,y=10:60");
                }
                order = FIVE_D;
            }
            if (order != null) {
                a = new Long[n];
                b = new Long[n];
                for (int k = 0; k < order.size(); k++) {
                    Long s = start == null ? null : start[k];
                    Long e = stop == null ? null : stop[k];
                    int i = axes.indexOf(order.get(k));
                    if (i >= 0) {
                        a[i] = s;
                        b[i] = e;
                    } else if ((s != null && s != 0) || (e != null && e != 0 && e != 1)) {
                        throw JilastikException.usage("the cutout subregion selects " + range(s, e) + " on axis "
                                + order.get(k) + ", but the " + sourceName + " export has no such axis (axes " + axes
                                + "); leave that axis out or give it as 0:1");
                    }
                }
            }
        }
        return clip(a, b, sourceName, axes, shape, warnings);
    }

    private static Box clip(Long[] start, Long[] stop, String sourceName, Axes axes, long[] shape,
            List<String> warnings) {
        int n = shape.length;
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
                throw JilastikException.usage("the cutout subregion is empty on axis " + axes.get(i) + " of the "
                        + sourceName + " export (start " + s + ", stop " + e + ", extent " + shape[i]
                        + "); give a start below the stop and inside the image");
            }
        }
        if (clipped) {
            warnings.add("The ROI you are attempting to export exceeds the extents of your dataset.  "
                    + "Clipping to dataset bounds.");
        }
        return new Box(a, b);
    }

    private static String range(Long s, Long e) {
        return (s == null ? "" : s.toString()) + ":" + (e == null ? "" : e.toString());
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
