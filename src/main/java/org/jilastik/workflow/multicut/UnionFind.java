package org.jilastik.workflow.multicut;

/**
 * Disjoint sets with union by rank and path compression, with nifty's {@code Ufd} tie rule: when both roots have
 * the same rank, the root of the FIRST argument of {@link #merge} survives (its rank grows). The surviving ids are
 * what GAEC reports as node labels. Not thread safe.
 */
final class UnionFind {
    private final int[] parent;
    private final int[] rank;

    UnionFind(int size) {
        parent = new int[size];
        rank = new int[size];
        for (int i = 0; i < size; i++) {
            parent[i] = i;
        }
    }

    int find(int x) {
        int root = x;
        while (parent[root] != root) {
            root = parent[root];
        }
        while (x != root) {
            int next = parent[x];
            parent[x] = root;
            x = next;
        }
        return root;
    }

    void merge(int a, int b) {
        a = find(a);
        b = find(b);
        if (rank[a] < rank[b]) {
            parent[a] = b;
        } else if (rank[a] > rank[b]) {
            parent[b] = a;
        } else if (a != b) {
            parent[b] = a;
            rank[a]++;
        }
    }
}
