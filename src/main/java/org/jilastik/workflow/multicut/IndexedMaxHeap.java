package org.jilastik.workflow.multicut;

import java.util.Arrays;

/**
 * A binary max-heap of items {@code 0..capacity-1} with changeable priorities, laid out and tie-broken exactly
 * like nifty's {@code ChangeablePriorityQueue<double, std::greater>} (the GAEC result depends on it whenever
 * summed edge weights tie, which RF-derived weights do all the time).
 *
 * <p>Layout: 1-based array {@code heap[1..size]} of items, {@code position[item]} its slot (−1 when absent),
 * {@code priority[item]}. Rules: sift-up swaps while the parent is strictly smaller; sift-down picks the right
 * child only when the left one is strictly smaller than it, and stops when the parent is not smaller than that
 * child; deleting an item moves the last slot into its place, then sifts up and down; changing a priority sifts
 * down when it decreased, up when it increased, not at all when equal. Not thread safe.
 */
final class IndexedMaxHeap {
    private final int[] heap;
    private final int[] position;
    private final double[] priority;
    private int size;

    IndexedMaxHeap(int capacity) {
        heap = new int[capacity + 1];
        position = new int[capacity];
        priority = new double[capacity];
        Arrays.fill(position, -1);
    }

    boolean isEmpty() {
        return size == 0;
    }

    boolean contains(int item) {
        return position[item] != -1;
    }

    /** Inserts an absent item (present items get their priority changed). */
    void push(int item, double p) {
        if (contains(item)) {
            changePriority(item, p);
            return;
        }
        size++;
        position[item] = size;
        heap[size] = item;
        priority[item] = p;
        siftUp(size);
    }

    int top() {
        return heap[1];
    }

    double topPriority() {
        return priority[heap[1]];
    }

    double priority(int item) {
        return priority[item];
    }

    void delete(int item) {
        int at = position[item];
        swap(at, size--);
        siftUp(at);
        siftDown(at);
        position[item] = -1;
    }

    void changePriority(int item, double p) {
        double old = priority[item];
        if (p < old) {
            priority[item] = p;
            siftDown(position[item]);
        } else if (p > old) {
            priority[item] = p;
            siftUp(position[item]);
        }
    }

    private void swap(int i, int j) {
        int a = heap[i];
        heap[i] = heap[j];
        heap[j] = a;
        position[heap[i]] = i;
        position[heap[j]] = j;
    }

    private void siftUp(int k) {
        while (k > 1 && priority[heap[k / 2]] < priority[heap[k]]) {
            swap(k, k / 2);
            k /= 2;
        }
    }

    private void siftDown(int k) {
        while (2 * k <= size) {
            int j = 2 * k;
            if (j < size && priority[heap[j]] < priority[heap[j + 1]]) {
                j++;
            }
            if (priority[heap[k]] >= priority[heap[j]]) {
                break;
            }
            swap(k, j);
            k = j;
        }
    }
}
