package org.jilastik.workflow.multicut;

/**
 * Watershed seeds as elf takes them: vigra {@code localMaxima} (2-D, 8-neighbourhood) / {@code localMaxima3D}
 * (6-neighbourhood) with plateaus and border pixels allowed — a connected set of equal values (same neighbourhood)
 * whose outside neighbours are all strictly lower is marked whole — then connected components of the marks
 * (direct neighbourhood) numbered 1.. in order of first pixel. Stateless, thread safe.
 */
final class SeedMaxima {
    private SeedMaxima() {
    }

    /** Seed labels (0 = no seed) of a flat C-order block. */
    static int[] label(float[] v, int[] shape, boolean is3d) {
        int n = v.length;
        Neighbourhood nb = new Neighbourhood(shape, is3d, true);
        boolean[] visited = new boolean[n];
        boolean[] marked = new boolean[n];
        int[] queue = new int[n];
        int[] around = new int[nb.max()];
        for (int start = 0; start < n; start++) {
            if (visited[start]) {
                continue;
            }
            float value = v[start];
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            visited[start] = true;
            boolean maximum = true;
            while (head < tail) {
                int p = queue[head++];
                int k = nb.neighbours(p, around);
                for (int j = 0; j < k; j++) {
                    int o = around[j];
                    if (v[o] > value) {
                        maximum = false;
                    } else if (v[o] == value && !visited[o]) {
                        visited[o] = true;
                        queue[tail++] = o;
                    }
                }
            }
            if (maximum) {
                for (int i = 0; i < tail; i++) {
                    marked[queue[i]] = true;
                }
            }
        }
        return ConnectedComponents.label(marked, shape, is3d);
    }
}
