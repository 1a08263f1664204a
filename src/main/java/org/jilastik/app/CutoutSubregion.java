package org.jilastik.app;

import java.util.Arrays;

/**
 * The value of {@code --cutout_subregion}: start and stop coordinates, one entry per axis of the export
 * source in its pipeline axis order (including {@code c}); the order is only known once the workflow runs.
 *
 * <p>A {@code null} entry is ilastik's {@code None}: 0 for a start, the full extent for a stop. Stop is
 * exclusive. Values are kept as given (negative or too large values are clipped by the export, as ilastik
 * does). Immutable: the accessors return copies. Thread safe.
 *
 * @param start start per axis, {@code null} = 0
 * @param stop  stop per axis (exclusive), {@code null} = the axis extent
 */
public record CutoutSubregion(Long[] start, Long[] stop) {
    /** Copies both arrays; they must have the same length. */
    public CutoutSubregion {
        if (start.length != stop.length) {
            throw new IllegalArgumentException("start has " + start.length + " entries but stop has " + stop.length);
        }
        start = start.clone();
        stop = stop.clone();
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
        return o instanceof CutoutSubregion c && Arrays.equals(start, c.start) && Arrays.equals(stop, c.stop);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(start) + Arrays.hashCode(stop);
    }

    /** ilastik's rendering, e.g. {@code [(10, 10, None), (60, 60, None)]}. */
    @Override
    public String toString() {
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
