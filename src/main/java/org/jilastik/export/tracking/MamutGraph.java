package org.jilastik.export.tracking;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jilastik.workflow.tracking.ConservationTracker;
import org.jilastik.workflow.tracking.TrackingResult;
import org.jilastik.workflow.tracking.graph.FinalGraph;
import org.jilastik.workflow.tracking.graph.HypothesesGraph;
import org.jilastik.workflow.tracking.graph.TrackNode;

/**
 * The tracking result as ilastik's {@code Fiji-MaMuT} export walks it (spec tracking §3): the active nodes of the
 * final, merger-resolved hypotheses graph in graph order, each named by its hytra uuid (the node's index in the
 * main solve; resolved merger parts numbered on from the largest), and the active links in graph order
 * (node-major, out-link insertion order), each filed under the track of its source node — so a division's two
 * links belong to the parent's track. Immutable; the lists are owned by this record.
 *
 * @param spots active nodes (value &gt; 0) in graph order
 * @param links active links (value &gt; 0) in graph order
 */
public record MamutGraph(List<Spot> spots, List<Link> links) {
    /**
     * One active node.
     *
     * @param id      hytra uuid (MaMuT spot ID)
     * @param frame   frame t
     * @param label   object id in the Object-Identities frame t (row of the frame's features)
     * @param trackId the node's track id (&gt;= 2)
     */
    public record Spot(int id, int frame, int label, int trackId) {
    }

    /**
     * One active link.
     *
     * @param source  uuid of the node in frame t
     * @param target  uuid of the node in frame t + 1
     * @param trackId the source node's track id
     */
    public record Link(int source, int target, int trackId) {
    }

    /** The graph of a detailed tracking run (track ids from its result). */
    public static MamutGraph of(ConservationTracker.Tracked tracked) {
        FinalGraph fin = tracked.graph();
        HypothesesGraph g = fin.graph();
        int[] values = fin.solution().nodeValues();
        Map<Long, Integer> trackOf = new HashMap<>();
        for (TrackingResult.Node n : tracked.result().nodes()) {
            trackOf.put(key(n.frame(), n.labelImageId()), n.trackId());
        }
        int[] track = new int[g.nodeCount()];
        List<Spot> spots = new ArrayList<>();
        for (int i = 0; i < g.nodeCount(); i++) {
            TrackNode n = g.node(i);
            track[i] = trackOf.getOrDefault(key(n.frame(), n.id()), -1);
            if (values[i] > 0) {
                spots.add(new Spot(fin.uuids()[i], n.frame(), n.id(), track[i]));
            }
        }
        int[][] all = g.links();
        List<Link> links = new ArrayList<>();
        for (int l = 0; l < all.length; l++) {
            if (fin.solution().linkValues()[l] > 0) {
                links.add(new Link(fin.uuids()[all[l][0]], fin.uuids()[all[l][1]], track[all[l][0]]));
            }
        }
        return new MamutGraph(List.copyOf(spots), List.copyOf(links));
    }

    private static long key(int frame, int id) {
        return ((long) frame << 32) | (id & 0xffffffffL);
    }
}
