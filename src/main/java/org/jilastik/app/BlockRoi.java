package org.jilastik.app;

/**
 * The block shape of a distributed run ({@code --distributed_block_roi}), per axis letter.
 *
 * <p>A size of {@link #WHOLE_AXIS} (0) means the whole axis (ilastik's documented {@code None}, which ilastik
 * itself rejects; jilastik accepts it). ilastik's default is {@code x = y = z = 256, t = 1, c = whole}.
 * The export clamps each size to the output shape. Immutable and thread safe.
 *
 * @param t block size along t, or {@link #WHOLE_AXIS}
 * @param z block size along z, or {@link #WHOLE_AXIS}
 * @param y block size along y, or {@link #WHOLE_AXIS}
 * @param x block size along x, or {@link #WHOLE_AXIS}
 * @param c block size along c, or {@link #WHOLE_AXIS}
 */
public record BlockRoi(int t, int z, int y, int x, int c) {
    /** Marks an axis that is not split. */
    public static final int WHOLE_AXIS = 0;

    /** ilastik's default block: 256 along x, y and z, 1 time point, all channels. */
    public static final BlockRoi DEFAULT = new BlockRoi(1, 256, 256, 256, WHOLE_AXIS);

    /** Sizes must be positive or {@link #WHOLE_AXIS}. */
    public BlockRoi {
        for (int v : new int[] {t, z, y, x, c}) {
            if (v < 0) {
                throw new IllegalArgumentException("block sizes must be positive, got " + v);
            }
        }
    }

    /** The block size along {@code axis} (one of {@code tzyxc}), or {@link #WHOLE_AXIS}. */
    public int size(char axis) {
        return switch (axis) {
            case 't' -> t;
            case 'z' -> z;
            case 'y' -> y;
            case 'x' -> x;
            case 'c' -> c;
            default -> throw new IllegalArgumentException("axis '" + axis + "' is not one of t, z, y, x, c");
        };
    }

    /** This block with {@code axis} set to {@code size} (a positive size or {@link #WHOLE_AXIS}). */
    public BlockRoi with(char axis, int size) {
        return switch (axis) {
            case 't' -> new BlockRoi(size, z, y, x, c);
            case 'z' -> new BlockRoi(t, size, y, x, c);
            case 'y' -> new BlockRoi(t, z, size, x, c);
            case 'x' -> new BlockRoi(t, z, y, size, c);
            case 'c' -> new BlockRoi(t, z, y, x, size);
            default -> throw new IllegalArgumentException("axis '" + axis + "' is not one of t, z, y, x, c");
        };
    }
}
