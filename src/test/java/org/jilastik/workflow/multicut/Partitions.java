package org.jilastik.workflow.multicut;

import java.util.HashMap;
import java.util.Map;

/** Compares two labellings up to relabelling. */
final class Partitions {
    private Partitions() {
    }

    /**
     * Number of elements whose label pair (ours, theirs) is not the majority pair of their label in both directions:
     * 0 iff the two labellings are the same partition.
     */
    static int disagreeingNodes(int[] ours, int[] theirs) {
        Map<Integer, Integer> fwd = new HashMap<>();
        Map<Integer, Integer> bwd = new HashMap<>();
        int bad = 0;
        for (int i = 0; i < ours.length; i++) {
            Integer f = fwd.putIfAbsent(ours[i], theirs[i]);
            Integer b = bwd.putIfAbsent(theirs[i], ours[i]);
            if ((f != null && f.intValue() != theirs[i]) || (b != null && b.intValue() != ours[i])) {
                bad++;
            }
        }
        return bad;
    }
}
