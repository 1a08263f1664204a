package org.jilastik.workflow.multicut;

/**
 * Connected components on flat C-order {@code [z][y][x]} blocks with the direct neighbourhood (4 in 2-D, 6 in 3-D).
 * Stateless, thread safe.
 */
final class ConnectedComponents {
    private ConnectedComponents() {
    }

    /** Components of the marked pixels, numbered 1.. in C-order of their first pixel; unmarked pixels get 0. */
    static int[] label(boolean[] marked, int[] shape, boolean is3d) {
        int n = marked.length;
        int[] out = new int[n];
        Neighbourhood nb = new Neighbourhood(shape, is3d, false);
        int[] queue = new int[n];
        int[] around = new int[nb.max()];
        int next = 0;
        for (int s = 0; s < n; s++) {
            if (!marked[s] || out[s] != 0) {
                continue;
            }
            next++;
            int head = 0;
            int tail = 0;
            queue[tail++] = s;
            out[s] = next;
            while (head < tail) {
                int p = queue[head++];
                int k = nb.neighbours(p, around);
                for (int j = 0; j < k; j++) {
                    int o = around[j];
                    if (marked[o] && out[o] == 0) {
                        out[o] = next;
                        queue[tail++] = o;
                    }
                }
            }
        }
        return out;
    }

    /**
     * vigra {@code labelMultiArray} of an id image as ilastik calls it: components of equal ids (direct
     * neighbourhood), numbered 1.. in order of first occurrence in column-major scan order (the FIRST C-order axis
     * varies fastest: z, then y, then x).
     */
    static int[] relabelColumnMajor(int[] ids, int[] shape, boolean is3d) {
        int nz = shape[0];
        int ny = shape[1];
        int nx = shape[2];
        int n = ids.length;
        int[] out = new int[n];
        Neighbourhood nb = new Neighbourhood(shape, is3d, false);
        int[] queue = new int[n];
        int[] around = new int[nb.max()];
        int next = 0;
        for (int x = 0; x < nx; x++) {
            for (int y = 0; y < ny; y++) {
                for (int z = 0; z < nz; z++) {
                    int s = (z * ny + y) * nx + x;
                    if (out[s] != 0) {
                        continue;
                    }
                    next++;
                    int id = ids[s];
                    int head = 0;
                    int tail = 0;
                    queue[tail++] = s;
                    out[s] = next;
                    while (head < tail) {
                        int p = queue[head++];
                        int k = nb.neighbours(p, around);
                        for (int j = 0; j < k; j++) {
                            int o = around[j];
                            if (ids[o] == id && out[o] == 0) {
                                out[o] = next;
                                queue[tail++] = o;
                            }
                        }
                    }
                }
            }
        }
        return out;
    }
}
