package org.jilastik.workflow.multicut;

/**
 * Pixel neighbourhoods on a flat C-order {@code [z][y][x]} block: direct (4 in 2-D, 6 in 3-D) and, in 2-D, the
 * 8-neighbourhood. {@link #neighbours} writes the in-block neighbour indices of a pixel (neighbours outside the
 * block are skipped). Immutable, thread safe.
 */
final class Neighbourhood {
    private final int nz;
    private final int ny;
    private final int nx;
    private final int[][] offsets;

    /**
     * @param shape  block extents {z, y, x} (z = 1 for 2-D)
     * @param is3d   3-D image (6-neighbourhood) or 2-D
     * @param eight  in 2-D, the 8-neighbourhood instead of the 4-neighbourhood
     */
    Neighbourhood(int[] shape, boolean is3d, boolean eight) {
        nz = shape[0];
        ny = shape[1];
        nx = shape[2];
        if (is3d) {
            offsets = new int[][] {{-1, 0, 0}, {0, -1, 0}, {0, 0, -1}, {0, 0, 1}, {0, 1, 0}, {1, 0, 0}};
        } else if (eight) {
            offsets = new int[][] {{0, -1, -1}, {0, -1, 0}, {0, -1, 1}, {0, 0, -1}, {0, 0, 1}, {0, 1, -1},
                {0, 1, 0}, {0, 1, 1}};
        } else {
            offsets = new int[][] {{0, -1, 0}, {0, 0, -1}, {0, 0, 1}, {0, 1, 0}};
        }
    }

    /** Most neighbours a pixel has. */
    int max() {
        return offsets.length;
    }

    /** Writes the neighbours of pixel {@code p} into {@code out}; returns their count. */
    int neighbours(int p, int[] out) {
        int x = p % nx;
        int y = (p / nx) % ny;
        int z = p / (nx * ny);
        int n = 0;
        for (int[] o : offsets) {
            int zz = z + o[0];
            int yy = y + o[1];
            int xx = x + o[2];
            if (zz >= 0 && zz < nz && yy >= 0 && yy < ny && xx >= 0 && xx < nx) {
                out[n++] = (zz * ny + yy) * nx + xx;
            }
        }
        return n;
    }
}
