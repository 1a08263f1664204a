package org.jilastik.project;

/**
 * One axis of vigra {@code axistags}, as an {@code .ilp} stores them in JSON.
 *
 * @param key         axis letter, one of {@code t z y x c}
 * @param typeFlags   vigra AxisType bits: 1 channels, 2 space, 4 angle, 8 time, 16 frequency
 * @param resolution  physical size of one pixel step (0 = unknown)
 * @param description free text (usually empty)
 */
public record AxisTag(char key, int typeFlags, double resolution, String description) {
    /** vigra's flag for a channel axis. */
    public static final int CHANNELS = 1;
    /** vigra's flag for a spatial axis. */
    public static final int SPACE = 2;
    /** vigra's flag for a time axis. */
    public static final int TIME = 8;

    /** The default tag vigra gives an axis letter ({@code c} channels, {@code t} time, else space). */
    public static AxisTag defaultFor(char key) {
        int flags = switch (key) {
            case 'c' -> CHANNELS;
            case 't' -> TIME;
            default -> SPACE;
        };
        return new AxisTag(key, flags, 0, "");
    }
}
