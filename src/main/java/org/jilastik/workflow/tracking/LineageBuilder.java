package org.jilastik.workflow.tracking;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import org.jilastik.workflow.tracking.graph.HypothesesGraph;
import org.jilastik.workflow.tracking.solver.Solution;

/**
 * hytra's {@code computeLineage} (spec tracking §2.8) on a solved graph: nodes are visited in graph order and every
 * node with a value &gt; 0 and no incoming objects starts a track (trackId = lineageId = 2, 3, …); tracks are then
 * propagated from a LIFO stack, the last started first. A node keeps the first ids that reach it. At a division
 * the children with active links get the next free trackIds in the parent's out-link order, keep the lineage and
 * record the parent's track; otherwise every active out-link continues the track. Stateless.
 */
public final class LineageBuilder {
    private LineageBuilder() {
    }

    /** Per node track id, lineage id (−1 where none) and parent track id (0 where none). */
    public record Lineage(int[] trackIds, int[] lineageIds, int[] parentTrackIds) {
    }

    /** Computes the lineage of solution {@code s} on {@code g} (link values in {@code g.links()} order). */
    public static Lineage compute(HypothesesGraph g, Solution s) {
        int n = g.nodeCount();
        int[][] links = g.links();
        int[] incoming = new int[n];
        int[][] outLinkIndex = new int[n][];
        int[] outCount = new int[n];
        for (int[] l : links) {
            outCount[l[0]]++;
        }
        for (int i = 0; i < n; i++) {
            outLinkIndex[i] = new int[outCount[i]];
        }
        Arrays.fill(outCount, 0);
        for (int l = 0; l < links.length; l++) {
            incoming[links[l][1]] += s.linkValues()[l];
            outLinkIndex[links[l][0]][outCount[links[l][0]]++] = l;
        }
        int[] track = new int[n];
        int[] lineage = new int[n];
        int[] parent = new int[n];
        Arrays.fill(track, -1);
        Arrays.fill(lineage, -1);
        Deque<int[]> stack = new ArrayDeque<>();
        int nextLineage = 2;
        int nextTrack = 2;
        for (int i = 0; i < n; i++) {
            if (incoming[i] == 0 && s.nodeValues()[i] > 0) {
                stack.push(new int[] {i, nextLineage++, nextTrack++});
            }
        }
        // hytra pops the last started track first: a stack whose first element is the last pushed.
        while (!stack.isEmpty()) {
            int[] e = stack.pop();
            int node = e[0];
            if (track[node] >= 0) {
                continue;
            }
            lineage[node] = e[1];
            track[node] = e[2];
            boolean divides = s.divisions()[node];
            for (int l : outLinkIndex[node]) {
                if (s.linkValues()[l] <= 0) {
                    continue;
                }
                int child = links[l][1];
                if (divides) {
                    parent[child] = track[node];
                    stack.push(new int[] {child, e[1], nextTrack++});
                } else {
                    stack.push(new int[] {child, e[1], e[2]});
                }
            }
        }
        return new Lineage(track, lineage, parent);
    }
}
