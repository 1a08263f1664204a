package org.jilastik.workflow.tracking.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A directed graph of detections with insertion-ordered adjacency, as hytra's networkx {@code DiGraph}: nodes are
 * kept in insertion order; each node's out-links in the order they were added. The link order of the model
 * ({@link #links()}) is node-major, out-link order within a node — the order dpct and the JSON export see.
 * Not thread safe while being built; read-only use afterwards is safe.
 */
public final class HypothesesGraph {
    private final List<TrackNode> nodes = new ArrayList<>();
    private final List<int[]> out = new ArrayList<>();
    private final int[] outCount0 = new int[0];
    private int[] outCounts = new int[16];
    private final Set<Long> linkKeys = new HashSet<>();
    private int linkCount;

    /** Appends a node and returns its index. */
    public int addNode(TrackNode node) {
        nodes.add(node);
        out.add(outCount0);
        if (nodes.size() > outCounts.length) {
            outCounts = Arrays.copyOf(outCounts, outCounts.length * 2);
        }
        return nodes.size() - 1;
    }

    /** Appends link {@code u → v} to u's out-links unless it exists; returns whether it was added. */
    public boolean addLink(int u, int v) {
        if (!linkKeys.add(((long) u << 32) | v)) {
            return false;
        }
        int[] list = out.get(u);
        int n = outCounts[u];
        if (n == list.length) {
            list = Arrays.copyOf(list, Math.max(4, n * 2));
            out.set(u, list);
        }
        list[n] = v;
        outCounts[u] = n + 1;
        linkCount++;
        return true;
    }

    /** Whether link {@code u → v} exists. */
    public boolean hasLink(int u, int v) {
        return linkKeys.contains(((long) u << 32) | v);
    }

    /** Number of nodes. */
    public int nodeCount() {
        return nodes.size();
    }

    /** Number of links. */
    public int linkCount() {
        return linkCount;
    }

    /** Node {@code i}. */
    public TrackNode node(int i) {
        return nodes.get(i);
    }

    /** The targets of node {@code u}'s out-links in insertion order (a new array). */
    public int[] outLinks(int u) {
        return Arrays.copyOf(out.get(u), outCounts[u]);
    }

    /** All links {@code {src, dest}} in model order: node-major, out-link insertion order within a node. */
    public int[][] links() {
        int[][] links = new int[linkCount][];
        int k = 0;
        for (int u = 0; u < nodes.size(); u++) {
            int[] list = out.get(u);
            for (int j = 0; j < outCounts[u]; j++) {
                links[k++] = new int[] {u, list[j]};
            }
        }
        return links;
    }
}
