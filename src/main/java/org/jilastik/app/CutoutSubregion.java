package org.jilastik.app;

import java.util.Arrays;

/**
 * The value of {@code --cutout_subregion}: start and stop coordinates, one entry per axis. In ilastik's
 * positional form ({@code axes == null}) the entries follow the export source's pipeline axis order (including
 * {@code c}; known only once the workflow runs), or {@code tczyx} when there are five of them and the source has
 * another number of axes. In jilastik's named form ({@code x=10:60,y=10:60}) {@code axes} names the letter of
 * each entry; axes not named take the whole extent.
 *
 * <p>A {@code null} entry is ilastik's {@code None}: 0 for a start, the full extent for a stop. Stop is
 * exclusive. Values are kept as given (negative or too large values are clipped by the export, as ilastik
 * does). Immutable: the accessors return copies. Thread safe.
 *
 * @param start start per axis, {@code null} = 0
 * @param stop  stop per axis (exclusive), {@code null} = the axis extent
 * @param axes  the letter of each entry (named form), or {@code null} (ilastik's positional form)
 */
public record CutoutSubregion(Long[] start, Long[] stop, String axes) {
    /** Copies both arrays; they (and {@code axes}) must have the same length. */
    public CutoutSubregion {
        if (start.length != stop.length || (axes != null && axes.length() != start.length)) {
            throw new IllegalArgumentException("start has " + start.length + " entries but stop has " + stop.length
                    + (axes == null ? "" : " and axes " + axes));
        }
        start = start.clone();
        stop = stop.clone();
    }

    /** ilastik's positional form. */
    public CutoutSubregion(Long[] start, Long[] stop) {
        this(start, stop, null);
    }

    /** A copy of the start coordinates ({@code null} = None). */
    @Override
    public Long[] start() {
        return start.clone();
    }

    /** A copy of the stop coordinates ({@code null} = None). */
    @Override
    public Long[] stop() {
        return stop.clone();
    }

    /** Number of axes the subregion names. */
    public int rank() {
        return start.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CutoutSubregion c && Arrays.equals(start, c.start) && Arrays.equals(stop, c.stop)
                && java.util.Objects.equals(axes, c.axes);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(start) + Arrays.hashCode(stop)) + java.util.Objects.hashCode(axes);
    }

    /** ilastik's rendering, e.g. {@code [(10, 10, None), (60, 60, None)]}, or the named form {@code x=10:60}. */
    @Override
    public String toString() {
        if (axes != null) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < start.length; i++) {
                b.append(i == 0 ? "" : ",").append(axes.charAt(i)).append('=')
                        .append(start[i] == null ? "" : start[i]).append(':').append(stop[i] == null ? "" : stop[i]);
            }
            return b.toString();
        }
        return "[" + tuple(start) + ", " + tuple(stop) + "]";
    }

    private static String tuple(Long[] v) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < v.length; i++) {
            b.append(i == 0 ? "" : ", ").append(v[i] == null ? "None" : v[i].toString());
        }
        return b.append(v.length == 1 ? ",)" : ")").toString();
    }
}
