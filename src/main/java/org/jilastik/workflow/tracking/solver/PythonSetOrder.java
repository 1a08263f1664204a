package org.jilastik.workflow.tracking.solver;

/**
 * The iteration order of a CPython {@code set} of non-negative ints built by {@code add} in a given order, with no
 * removals — what hytra's split tracking iterates when it picks a tracklet's earliest and latest node
 * ({@code networkx.connected_components} returns such sets). Stateless.
 *
 * <p>CPython (setobject.c, 3.x): the table starts with 8 slots; an int hashes to itself; a key goes to slot
 * {@code h & mask} or, when taken, to the next free one of the following 9 slots (only when all 9 lie inside the
 * table), and otherwise on to slot {@code (5·i + 1 + perturb) & mask} with {@code perturb} = the hash shifted right
 * by 5 more bits at every step. After an insertion that leaves {@code 5·fill ≥ 3·mask} the table grows to the
 * smallest power of two (at least 8) greater than 4·size (2·size above 50000 keys), re-inserting the keys in slot
 * order. Iteration visits the slots in order.
 */
public final class PythonSetOrder {
    private static final int MIN_SIZE = 8;
    private static final int LINEAR_PROBES = 9;
    private static final int PERTURB_SHIFT = 5;

    private PythonSetOrder() {
    }

    /**
     * The order in which Python iterates the set that {@code added} built.
     *
     * @param added distinct non-negative keys in the order they were added
     * @return the same keys in iteration order (a new array)
     */
    public static int[] iterationOrder(int[] added) {
        long[] table = empty(MIN_SIZE);
        int used = 0;
        for (int key : added) {
            insert(table, key);
            used++;
            int mask = table.length - 1;
            if ((long) used * 5 >= (long) mask * 3) {
                long minUsed = used > 50000 ? 2L * used : 4L * used;
                int size = MIN_SIZE;
                while (size <= minUsed) {
                    size <<= 1;
                }
                long[] grown = empty(size);
                for (long k : table) {
                    if (k >= 0) {
                        insert(grown, (int) k);
                    }
                }
                table = grown;
            }
        }
        int[] order = new int[added.length];
        int n = 0;
        for (long k : table) {
            if (k >= 0) {
                order[n++] = (int) k;
            }
        }
        return order;
    }

    private static long[] empty(int size) {
        long[] t = new long[size];
        java.util.Arrays.fill(t, -1);
        return t;
    }

    private static void insert(long[] table, int key) {
        int mask = table.length - 1;
        long perturb = key;
        int i = key & mask;
        while (true) {
            if (table[i] < 0) {
                table[i] = key;
                return;
            }
            if (i + LINEAR_PROBES <= mask) {
                for (int j = 1; j <= LINEAR_PROBES; j++) {
                    if (table[i + j] < 0) {
                        table[i + j] = key;
                        return;
                    }
                }
            }
            perturb >>>= PERTURB_SHIFT;
            i = (int) ((i * 5L + 1 + perturb) & mask);
        }
    }
}
