package org.jilastik.workflow.multicut;

import java.util.Arrays;

/**
 * An undirected graph with nodes {@code 0..nodeCount-1} and edges {@code 0..edgeCount-1} (edge e joins
 * {@code u(e) < v(e)}), with each node's adjacency sorted by neighbour id, as nifty's {@code UndirectedGraph} keeps
 * it (the solvers' visiting orders depend on it).
 *
 * <p>Layout: compressed rows; the neighbours of node n are {@code adjNode[adjStart[n] .. adjStart[n+1])} with the
 * connecting edges in {@code adjEdge} at the same positions. Immutable after construction; thread safe.
 */
public final class EdgeGraph {
    private final int nodeCount;
    private final int[] u;
    private final int[] v;
    private final int[] adjStart;
    private final int[] adjNode;
    private final int[] adjEdge;

    private EdgeGraph(int nodeCount, int[] u, int[] v, int[] adjStart, int[] adjNode, int[] adjEdge) {
        this.nodeCount = nodeCount;
        this.u = u;
        this.v = v;
        this.adjStart = adjStart;
        this.adjNode = adjNode;
        this.adjEdge = adjEdge;
    }

    /**
     * Builds the graph; the arrays are kept (callers must not modify them afterwards).
     *
     * @param nodeCount number of nodes (ids 0..nodeCount-1; nodes without edges are allowed)
     * @param u         first node of each edge
     * @param v         second node of each edge ({@code u[e] != v[e]}; no edge may repeat)
     */
    public static EdgeGraph of(int nodeCount, int[] u, int[] v) {
        int m = u.length;
        int[] degree = new int[nodeCount + 1];
        for (int e = 0; e < m; e++) {
            if (u[e] == v[e] || u[e] < 0 || v[e] < 0 || u[e] >= nodeCount || v[e] >= nodeCount) {
                throw new IllegalArgumentException("bad edge " + e + ": " + u[e] + "-" + v[e]);
            }
            degree[u[e] + 1]++;
            degree[v[e] + 1]++;
        }
        for (int n = 0; n < nodeCount; n++) {
            degree[n + 1] += degree[n];
        }
        int[] start = degree;
        long[] packed = new long[2 * m];
        int[] fill = Arrays.copyOf(start, nodeCount);
        int[] node = new int[2 * m];
        int[] edge = new int[2 * m];
        for (int e = 0; e < m; e++) {
            node[fill[u[e]]] = v[e];
            edge[fill[u[e]]++] = e;
            node[fill[v[e]]] = u[e];
            edge[fill[v[e]]++] = e;
        }
        // sort each row by neighbour id: pack (neighbour, edge) into longs
        for (int n = 0; n < nodeCount; n++) {
            int a = start[n];
            int b = start[n + 1];
            for (int i = a; i < b; i++) {
                packed[i] = ((long) node[i] << 32) | edge[i];
            }
            Arrays.sort(packed, a, b);
            for (int i = a; i < b; i++) {
                node[i] = (int) (packed[i] >>> 32);
                edge[i] = (int) packed[i];
            }
        }
        return new EdgeGraph(nodeCount, u, v, start, node, edge);
    }

    /** Number of nodes. */
    public int nodeCount() {
        return nodeCount;
    }

    /** Number of edges. */
    public int edgeCount() {
        return u.length;
    }

    /** First node of edge e. */
    public int u(int e) {
        return u[e];
    }

    /** Second node of edge e. */
    public int v(int e) {
        return v[e];
    }

    /** Index of node n's first adjacency entry. */
    int adjBegin(int n) {
        return adjStart[n];
    }

    /** One past node n's last adjacency entry. */
    int adjEnd(int n) {
        return adjStart[n + 1];
    }

    /** Neighbour at adjacency entry i. */
    int adjNode(int i) {
        return adjNode[i];
    }

    /** Edge at adjacency entry i. */
    int adjEdge(int i) {
        return adjEdge[i];
    }

    /**
     * The multicut objective: the sum of the weights of the edges whose end nodes have different labels (nifty's
     * convention; positive weights are attractive).
     */
    public double energy(double[] weights, int[] labels) {
        double sum = 0;
        for (int e = 0; e < u.length; e++) {
            if (labels[u[e]] != labels[v[e]]) {
                sum += weights[e];
            }
        }
        return sum;
    }
}
