package org.jilastik.workflow.tracking.solver;

import java.util.Arrays;

/**
 * The priority queue of {@link SuccessiveShortestPaths}' search: (key, vertex) entries popped in order of key, then
 * vertex id, duplicates allowed (the caller skips stale entries).
 *
 * <p>Why two parts. Keys are reduced distances {@code dist − potential}; after the first augmentation almost every
 * vertex the search reaches sits at reduced distance exactly 0 (on the synthetic 30-frame problem 98 % of the
 * valid pops), so a plain binary heap spends its time ordering tens of thousands of equal keys by vertex id. Entries
 * whose key is exactly 0 (either sign) therefore go into a two-level bitset over vertex ids (bit v of {@code words}
 * set ⇔ an entry (0, v) is queued; bit w of {@code summary} set ⇔ {@code words[w] != 0}), whose smallest vertex is
 * found by a scan from a lower bound on the first non-empty summary word. Every other key goes into a binary
 * min-heap on parallel {@code keys}/{@code items} arrays — negative keys at once, positive keys first into an
 * unordered pending list: while zero-key vertices remain, most positive labels are improved (to 0) before they
 * could be popped, so they are never ordered. Only when the top is wanted, no negative key is queued and the
 * bitset is empty, the pending entries still current ({@code key == dist[v] − pot[v]}; keys only fall during a
 * search, so a stale entry never becomes current again) move into the heap, by Floyd's bottom-up construction
 * when they outnumber the heap. The top is the heap's entry when its key is negative, else the bitset's smallest
 * vertex when there is one, else the heap's entry after that move: exactly the (key, id) order of one heap holding
 * everything. Two queued entries (0, v) collapse into one bit; the second pop of such a pair would
 * re-process v with an unchanged distance, which changes nothing, so the search result is the same.
 *
 * <p>Not thread safe; owned by one search.
 */
final class ReducedKeyQueue {
    private double[] keys;
    private int[] items;
    private int size;
    private final long[] words;
    private final long[] summary;
    /** No summary word below this index is non-zero. */
    private int lowSummary;
    private int zeroCount;
    private double[] pendingKeys;
    private int[] pendingItems;
    private int pendingCount;
    private final double[] dist;
    private final double[] pot;

    /**
     * A queue for vertex ids 0..vertices−1 of a search whose keys are {@code dist[v] − pot[v]}; the queue reads
     * (never writes) both arrays, which the caller owns, to drop stale pending entries.
     */
    ReducedKeyQueue(int vertices, double[] dist, double[] pot) {
        this.dist = dist;
        this.pot = pot;
        keys = new double[Math.max(16, vertices)];
        items = new int[keys.length];
        pendingKeys = new double[keys.length];
        pendingItems = new int[keys.length];
        words = new long[(vertices + 63) >>> 6];
        summary = new long[(words.length + 63) >>> 6];
        lowSummary = summary.length;
    }

    void clear() {
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

    void push(double key, int item) {
        if (key == 0) {
            int w = item >>> 6;
            long bit = 1L << item;
            if ((words[w] & bit) == 0) {
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
        if (key < 0) {
            pushHeap(key, item);
            return;
        }
        if (pendingCount == pendingKeys.length) {
            pendingKeys = Arrays.copyOf(pendingKeys, pendingCount * 2);
            pendingItems = Arrays.copyOf(pendingItems, pendingCount * 2);
        }
        pendingKeys[pendingCount] = key;
        pendingItems[pendingCount++] = item;
    }

    /**
     * Key of the entry {@link #pop} returns next, or NaN when only stale entries were left (the queue is then
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

    /** Removes and returns the vertex of the entry {@link #topKey} just reported. */
    int pop() {
        return zeroFirst() ? popZero() : popHeap();
    }

    private boolean zeroFirst() {
        return zeroCount > 0 && (size == 0 || keys[0] > 0);
    }

    private void flushPending() {
        int n = 0;
        for (int i = 0; i < pendingCount; i++) {
            int v = pendingItems[i];
            if (pendingKeys[i] == dist[v] - pot[v]) {
                pendingKeys[n] = pendingKeys[i];
                pendingItems[n++] = v;
            }
        }
        pendingCount = 0;
        if (size + n > keys.length) {
            keys = Arrays.copyOf(keys, Math.max(size + n, keys.length * 2));
            items = Arrays.copyOf(items, keys.length);
        }
        if (n <= size) {
            for (int i = 0; i < n; i++) {
                pushHeap(pendingKeys[i], pendingItems[i]);
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

    private int popZero() {
        int s = lowSummary;
        while (summary[s] == 0) {
            s++;
        }
        lowSummary = s;
        int w = (s << 6) + Long.numberOfTrailingZeros(summary[s]);
        long word = words[w];
        int item = (w << 6) + Long.numberOfTrailingZeros(word);
        word &= word - 1;
        words[w] = word;
        if (word == 0) {
            summary[s] &= ~(1L << w);
        }
        zeroCount--;
        return item;
    }

    private void pushHeap(double key, int item) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            items = Arrays.copyOf(items, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!less(key, item, keys[parent], items[parent])) {
                break;
            }
            keys[i] = keys[parent];
            items[i] = items[parent];
            i = parent;
        }
        keys[i] = key;
        items[i] = item;
    }

    private int popHeap() {
        int top = items[0];
        size--;
        siftDown(0, keys[size], items[size]);
        return top;
    }

    /** Places (key, item) at or below slot i of the heap, whose subtrees below i are heaps. */
    private void siftDown(int i, double key, int item) {
        while (true) {
            int c = 2 * i + 1;
            if (c >= size) {
                break;
            }
            if (c + 1 < size && less(keys[c + 1], items[c + 1], keys[c], items[c])) {
                c++;
            }
            if (!less(keys[c], items[c], key, item)) {
                break;
            }
            keys[i] = keys[c];
            items[i] = items[c];
            i = c;
        }
        keys[i] = key;
        items[i] = item;
    }

    /** Order by key, then by vertex id, so the search order does not depend on heap history. */
    private static boolean less(double k1, int i1, double k2, int i2) {
        return k1 < k2 || (k1 == k2 && i1 < i2);
    }
}
