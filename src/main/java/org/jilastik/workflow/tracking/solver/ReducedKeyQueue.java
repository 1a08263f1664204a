package org.jilastik.workflow.tracking.solver;

import java.util.Arrays;

/**
 * The priority queue of {@link SuccessiveShortestPaths}' search: vertices popped in order of (key, vertex id),
 * where a vertex's key is its reduced distance {@code dist[v] − pot[v]} at the time it was last pushed. The
 * caller still skips an entry whose key is no longer current (a vertex improved to key 0 after a negative push).
 *
 * <p>Why three parts. After the first augmentation almost every vertex a search reaches sits at reduced distance
 * exactly 0 (98 % of the pops on the synthetic tracking problems), so a plain binary heap spent its time ordering
 * tens of thousands of equal keys by vertex id. So:
 * <ul>
 * <li>key exactly 0 (either sign): a bit in a two-level bitset over vertex ids (bit v of {@code words} set ⇔ v is
 * queued at 0; bit w of {@code summary} set ⇔ {@code words[w] != 0}); the smallest vertex is found by a scan from
 * a lower bound on the first non-empty summary word;</li>
 * <li>other keys: an indexed binary min-heap (parallel {@code keys}/{@code items}, {@code heapPos[v]} the slot of
 * v or −1) holding each vertex at most once — a push for a vertex already there lowers its key in place; a push
 * at 0 takes it out;</li>
 * <li>positive keys of vertices not in the heap first go to an unordered pending list: while zero-key vertices
 * remain, most positive labels are improved (to 0) before their turn and are never ordered. When the top is
 * wanted, no negative key is queued and the bitset is empty, the pending entries that are still current (keys
 * only fall during a search, so a stale one never becomes current again) enter the heap, by Floyd's bottom-up
 * construction when they outnumber it.</li>
 * </ul>
 * The top is the heap's entry when its key is negative, else the bitset's smallest vertex when there is one, else
 * the heap's entry: the (key, id) order of one heap holding every pushed entry. That heap would also hold repeats
 * of a vertex with its current key; popping a repeat re-processes the vertex with an unchanged distance, which
 * changes nothing, so dropping repeats leaves the search result unchanged.
 *
 * <p>Not thread safe; owned by one search.
 */
final class ReducedKeyQueue {
    private final double[] keys;
    private final int[] items;
    private final int[] heapPos;
    private int size;
    private final long[] words;
    private final long[] summary;
    /** No summary word below this index is non-zero. */
    private int lowSummary;
    private int zeroCount;
    private double[] pendingKeys;
    private int[] pendingItems;
    private int pendingCount;
    private final double[] lab;

    /**
     * A queue for vertex ids 0..vertices−1 of a search whose keys are {@code lab[2v] − lab[2v+1]} (distance minus
     * potential); the queue reads (never writes) that array, which the caller owns, to drop stale pending entries.
     */
    ReducedKeyQueue(int vertices, double[] lab) {
        this.lab = lab;
        keys = new double[vertices];
        items = new int[vertices];
        heapPos = new int[vertices];
        Arrays.fill(heapPos, -1);
        pendingKeys = new double[Math.max(16, vertices)];
        pendingItems = new int[pendingKeys.length];
        words = new long[(vertices + 63) >>> 6];
        summary = new long[(words.length + 63) >>> 6];
        lowSummary = summary.length;
    }

    void clear() {
        for (int i = 0; i < size; i++) {
            heapPos[items[i]] = -1;
        }
        size = 0;
        pendingCount = 0;
        if (zeroCount > 0) {
            Arrays.fill(words, 0L);
            Arrays.fill(summary, 0L);
        }
        zeroCount = 0;
        lowSummary = summary.length;
    }

    boolean isEmpty() {
        return size == 0 && zeroCount == 0 && pendingCount == 0;
    }

    /** Queues v with the given key, never larger than a key v is queued with now. */
    void push(double key, int v) {
        if (key == 0) {
            int w = v >>> 6;
            long bit = 1L << v;
            // Already queued at 0: then v is not in the heap either (it left the heap when first queued at 0, and
            // keys only fall, so no non-zero push came since).
            if ((words[w] & bit) == 0) {
                int pos = heapPos[v];
                if (pos >= 0) {
                    removeAt(pos);
                }
                words[w] |= bit;
                zeroCount++;
                int s = w >>> 6;
                summary[s] |= 1L << w;
                if (s < lowSummary) {
                    lowSummary = s;
                }
            }
            return;
        }
        int pos = heapPos[v];
        if (pos >= 0) {
            siftUp(pos, key, v);
        } else if (key < 0) {
            siftUp(size++, key, v);
        } else {
            if (pendingCount == pendingKeys.length) {
                pendingKeys = Arrays.copyOf(pendingKeys, pendingCount * 2);
                pendingItems = Arrays.copyOf(pendingItems, pendingCount * 2);
            }
            pendingKeys[pendingCount] = key;
            pendingItems[pendingCount++] = v;
        }
    }

    /**
     * Key of the vertex {@link #pop} returns next, or NaN when only stale entries were left (the queue is then
     * empty); the queue must not be empty when called.
     */
    double topKey() {
        if (zeroFirst()) {
            return 0.0;
        }
        if (pendingCount > 0) {
            flushPending();
        }
        return size > 0 ? keys[0] : Double.NaN;
    }

    /** Removes and returns the vertex whose key {@link #topKey} just reported. */
    int pop() {
        if (zeroFirst()) {
            return popZero();
        }
        int top = items[0];
        removeAt(0);
        return top;
    }

    private boolean zeroFirst() {
        return zeroCount > 0 && (size == 0 || keys[0] > 0);
    }

    private int popZero() {
        int s = lowSummary;
        while (summary[s] == 0) {
            s++;
        }
        lowSummary = s;
        int w = (s << 6) + Long.numberOfTrailingZeros(summary[s]);
        long word = words[w];
        int v = (w << 6) + Long.numberOfTrailingZeros(word);
        word &= word - 1;
        words[w] = word;
        if (word == 0) {
            summary[s] &= ~(1L << w);
        }
        zeroCount--;
        return v;
    }

    private void flushPending() {
        int n = 0;
        for (int i = 0; i < pendingCount; i++) {
            int v = pendingItems[i];
            double key = pendingKeys[i];
            if (key == lab[2 * v] - lab[2 * v + 1] && heapPos[v] < 0) {
                heapPos[v] = size + n; // claims v: a repeat of it later in the list is skipped
                pendingKeys[n] = key;
                pendingItems[n++] = v;
            }
        }
        pendingCount = 0;
        if (n <= size) {
            for (int i = 0; i < n; i++) {
                siftUp(size++, pendingKeys[i], pendingItems[i]);
            }
            return;
        }
        System.arraycopy(pendingKeys, 0, keys, size, n);
        System.arraycopy(pendingItems, 0, items, size, n);
        size += n;
        for (int i = (size >>> 1) - 1; i >= 0; i--) {
            siftDown(i, keys[i], items[i]);
        }
    }

    private void removeAt(int pos) {
        heapPos[items[pos]] = -1;
        size--;
        if (pos == size) {
            return;
        }
        double key = keys[size];
        int v = items[size];
        if (pos > 0 && less(key, v, keys[(pos - 1) >>> 1], items[(pos - 1) >>> 1])) {
            siftUp(pos, key, v);
        } else {
            siftDown(pos, key, v);
        }
    }

    /** Places (key, v) at or above slot i, whose entry (if any) is v's or is being replaced. */
    private void siftUp(int i, double key, int v) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!less(key, v, keys[parent], items[parent])) {
                break;
            }
            place(i, keys[parent], items[parent]);
            i = parent;
        }
        place(i, key, v);
    }

    /** Places (key, v) at or below slot i of the heap, whose subtrees below i are heaps. */
    private void siftDown(int i, double key, int v) {
        while (true) {
            int c = 2 * i + 1;
            if (c >= size) {
                break;
            }
            if (c + 1 < size && less(keys[c + 1], items[c + 1], keys[c], items[c])) {
                c++;
            }
            if (!less(keys[c], items[c], key, v)) {
                break;
            }
            place(i, keys[c], items[c]);
            i = c;
        }
        place(i, key, v);
    }

    /** Puts (key, v) into heap slot i and records the slot. */
    private void place(int i, double key, int v) {
        keys[i] = key;
        items[i] = v;
        heapPos[v] = i;
    }

    /** Order by key, then by vertex id, so the search order does not depend on heap history. */
    private static boolean less(double k1, int i1, double k2, int i2) {
        return k1 < k2 || (k1 == k2 && i1 < i2);
    }
}
