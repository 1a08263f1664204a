package org.jilastik.workflow.multicut;

import java.util.Arrays;

/**
 * A min-priority queue of pixels keyed by a float32 priority, ties broken by pixel index: one primitive long per
 * entry (order-preserving bits of the float in the high word, the pixel index in the low word) in a 4-ary heap
 * (shallower and more cache-friendly than a binary one; keys are unique, so every correct priority queue pops the
 * same sequence).
 * Not thread safe.
 */
final class PixelQueue {
    private long[] heap = new long[1024];
    private int size;

    boolean isEmpty() {
        return size == 0;
    }

    void push(float priority, int pixel) {
        int bits = Float.floatToIntBits(priority);
        bits = bits < 0 ? bits ^ 0x7fffffff : bits;
        long key = ((long) bits << 32) | (pixel & 0xffffffffL);
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        int k = size++;
        while (k > 0) {
            int parent = (k - 1) >>> 2;
            if (heap[parent] <= key) {
                break;
            }
            heap[k] = heap[parent];
            k = parent;
        }
        heap[k] = key;
    }

    /** Removes the lowest entry and returns its pixel index. */
    int pop() {
        long top = heap[0];
        long last = heap[--size];
        int k = 0;
        while (true) {
            int first = 4 * k + 1;
            if (first >= size) {
                break;
            }
            int c = first;
            long best = heap[first];
            int end = Math.min(first + 4, size);
            for (int j = first + 1; j < end; j++) {
                if (heap[j] < best) {
                    best = heap[j];
                    c = j;
                }
            }
            if (last <= best) {
                break;
            }
            heap[k] = best;
            k = c;
        }
        heap[k] = last;
        return (int) top;
    }
}
