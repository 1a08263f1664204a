package org.jilastik.workflow.multicut;

import java.util.Arrays;

/** A growable list of ints (no boxing). Not thread safe. */
final class IntList {
    int[] a;
    int size;

    IntList() {
        a = new int[4];
    }

    void add(int x) {
        if (size == a.length) {
            a = Arrays.copyOf(a, size * 2);
        }
        a[size++] = x;
    }

    int get(int i) {
        return a[i];
    }

    void clear() {
        size = 0;
    }

    boolean isEmpty() {
        return size == 0;
    }
}
