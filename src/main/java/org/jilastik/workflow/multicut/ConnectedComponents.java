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
            flood(s, ++next, o -> marked[o], nb, out, queue, around);
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
                    int id = ids[s];
                    flood(s, ++next, o -> ids[o] == id, nb, out, queue, around);
                }
            }
        }
        return out;
    }

    /**
     * Breadth-first flood from {@code seed}: every pixel reachable through direct neighbours that are
     * {@code member}s and still unlabelled gets {@code label}. {@code queue} (one slot per pixel) and
     * {@code around} are the caller's work arrays.
     */
    private static void flood(int seed, int label, java.util.function.IntPredicate member, Neighbourhood nb,
            int[] out, int[] queue, int[] around) {
        int head = 0;
        int tail = 0;
        queue[tail++] = seed;
        out[seed] = label;
        while (head < tail) {
            int p = queue[head++];
            int k = nb.neighbours(p, around);
            for (int j = 0; j < k; j++) {
                int o = around[j];
                if (out[o] == 0 && member.test(o)) {
                    out[o] = label;
                    queue[tail++] = o;
                }
            }
        }
    }
}
