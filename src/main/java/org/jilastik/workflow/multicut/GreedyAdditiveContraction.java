package org.jilastik.workflow.multicut;

import java.util.Arrays;

/**
 * Greedy additive edge contraction (GAEC) as nifty's {@code MulticutGreedyAdditive} runs it: repeatedly contract
 * the edge of largest (summed) weight while that weight is &gt; 0; when a contraction makes two edges parallel their
 * weights are added into one.
 *
 * <p>Bookkeeping that decides ties (reproduced because RF weights tie often): the queue is an
 * {@link IndexedMaxHeap} filled with edges 0..E-1 in order; the contracted edge's end nodes are united in a
 * {@link UnionFind} with {@code merge(u, v)} where (u, v) is the edge's current end pair, and the surviving root
 * is the alive node. The dead node's neighbours are visited in ascending id order. A neighbour already adjacent
 * to the alive node gives a parallel pair: the two edges are united in an edge union-find with
 * {@code merge(aliveNodesEdge, deadNodesEdge)}; the surviving edge keeps the summed priority, the other leaves the
 * queue, and when the dead node's edge survives it becomes the alive node's edge to that neighbour with end pair
 * (alive, neighbour). Otherwise the dead node's edge is moved to the alive node (the dead end is replaced in its
 * end pair). The labels returned are the node union-find roots (nifty's non-consecutive ids).
 *
 * <p>Per-node adjacency is kept as sorted parallel int arrays (neighbour, edge). Single-threaded; one instance
 * per call.
 */
public final class GreedyAdditiveContraction {
    private final int[] first;
    private final int[] second;
    private final int[][] adjNode;
    private final int[][] adjEdge;
    private final int[] adjSize;
    private final IndexedMaxHeap queue;
    private final UnionFind nodes;
    private final UnionFind edges;
    private int nodesLeft;

    private GreedyAdditiveContraction(EdgeGraph g, double[] weights) {
        int n = g.nodeCount();
        int m = g.edgeCount();
        first = new int[m];
        second = new int[m];
        adjNode = new int[n][];
        adjEdge = new int[n][];
        adjSize = new int[n];
        for (int node = 0; node < n; node++) {
            int a = g.adjBegin(node);
            int b = g.adjEnd(node);
            adjNode[node] = new int[Math.max(4, b - a)];
            adjEdge[node] = new int[Math.max(4, b - a)];
            for (int i = a; i < b; i++) {
                adjNode[node][i - a] = g.adjNode(i);
                adjEdge[node][i - a] = g.adjEdge(i);
            }
            adjSize[node] = b - a;
        }
        queue = new IndexedMaxHeap(m + 1);
        for (int e = 0; e < m; e++) {
            first[e] = g.u(e);
            second[e] = g.v(e);
            queue.push(e, weights[e]);
        }
        nodes = new UnionFind(n);
        edges = new UnionFind(m + 1);
        nodesLeft = n;
    }

    /**
     * Runs GAEC.
     *
     * @param g       the graph
     * @param weights edge weights (positive = attractive), index = edge id
     * @return per node the id of its cluster's representative node
     */
    public static int[] solve(EdgeGraph g, double[] weights) {
        int[] labels = new int[g.nodeCount()];
        if (g.edgeCount() == 0) {
            for (int i = 0; i < labels.length; i++) {
                labels[i] = i;
            }
            return labels;
        }
        GreedyAdditiveContraction run = new GreedyAdditiveContraction(g, weights);
        while (!run.done()) {
            run.contract(run.queue.top());
        }
        for (int i = 0; i < labels.length; i++) {
            labels[i] = run.nodes.find(i);
        }
        return labels;
    }

    private boolean done() {
        return queue.isEmpty() || queue.topPriority() <= 0.0 || nodesLeft <= 1;
    }

    private void contract(int edge) {
        queue.delete(edge);
        int u = first[edge];
        int v = second[edge];
        nodes.merge(u, v);
        nodesLeft--;
        int alive = nodes.find(u);
        int dead = alive == u ? v : u;
        remove(alive, dead);
        remove(dead, alive);
        int deadSize = adjSize[dead];
        int[] deadNodes = adjNode[dead];
        int[] deadEdges = adjEdge[dead];
        for (int i = 0; i < deadSize; i++) {
            int other = deadNodes[i];
            int otherEdge = deadEdges[i];
            int at = find(alive, other);
            if (at >= 0) {
                int aliveEdge0 = adjEdge[alive][at];
                edges.merge(aliveEdge0, otherEdge);
                int aliveEdge = edges.find(aliveEdge0);
                int deadEdge = aliveEdge == aliveEdge0 ? otherEdge : aliveEdge0;
                if (aliveEdge != aliveEdge0) {
                    first[aliveEdge] = alive;
                    second[aliveEdge] = other;
                    adjEdge[alive][at] = aliveEdge;
                    adjEdge[other][find(other, alive)] = aliveEdge;
                }
                double sum = queue.priority(aliveEdge) + queue.priority(deadEdge);
                queue.delete(deadEdge);
                queue.changePriority(aliveEdge, sum);
                remove(other, dead);
            } else {
                insert(alive, other, otherEdge);
                remove(other, dead);
                insert(other, alive, otherEdge);
                if (first[otherEdge] == dead) {
                    first[otherEdge] = alive;
                } else {
                    second[otherEdge] = alive;
                }
            }
        }
        adjSize[dead] = 0;
    }

    private int find(int node, int neighbour) {
        int i = Arrays.binarySearch(adjNode[node], 0, adjSize[node], neighbour);
        return i >= 0 ? i : -1;
    }

    private void remove(int node, int neighbour) {
        int i = Arrays.binarySearch(adjNode[node], 0, adjSize[node], neighbour);
        if (i < 0) {
            return;
        }
        int tail = adjSize[node] - i - 1;
        System.arraycopy(adjNode[node], i + 1, adjNode[node], i, tail);
        System.arraycopy(adjEdge[node], i + 1, adjEdge[node], i, tail);
        adjSize[node]--;
    }

    private void insert(int node, int neighbour, int edge) {
        int size = adjSize[node];
        int i = -Arrays.binarySearch(adjNode[node], 0, size, neighbour) - 1;
        if (size == adjNode[node].length) {
            adjNode[node] = Arrays.copyOf(adjNode[node], size * 2);
            adjEdge[node] = Arrays.copyOf(adjEdge[node], size * 2);
        }
        System.arraycopy(adjNode[node], i, adjNode[node], i + 1, size - i);
        System.arraycopy(adjEdge[node], i, adjEdge[node], i + 1, size - i);
        adjNode[node][i] = neighbour;
        adjEdge[node][i] = edge;
        adjSize[node]++;
    }
}
