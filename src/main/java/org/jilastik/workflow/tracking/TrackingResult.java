package org.jilastik.workflow.tracking;

import java.util.List;

/**
 * The outcome of conservation tracking on the final, merger-resolved graph (spec tracking §2.8–2.9, §3): what every
 * export needs. Immutable; the lists are owned by this record.
 *
 * @param nodes            one entry per node of the final graph, in graph order (frame, then label-image id)
 * @param objectIdentities the per-frame label images after merger relabelling (Object-Identities export): merged
 *                         objects replaced by their resolved parts with new ids
 * @param links            active links of the final graph, each {@code {t, idInFrameT, idInFrameTPlus1}}, division
 *                         children included
 * @param divisions        each {@code {t, parentIdInFrameT, child1IdInFrameTPlus1, child2IdInFrameTPlus1}}, children
 *                         in the parent's out-edge order
 * @param unresolvedMergers each {@code {t, id, value}} for nodes with value > 1 that were not resolved
 */
public record TrackingResult(List<Node> nodes, FrameLabels objectIdentities, List<int[]> links,
        List<int[]> divisions, List<int[]> unresolvedMergers) {

    /**
     * One node of the final graph.
     *
     * @param frame         frame t
     * @param labelImageId  the object's id in {@code objectIdentities} frame t
     * @param value         the number of objects the solver assigned (0 = false detection)
     * @param trackId       track id (>= 2), or -1 when the node has no track (value 0)
     * @param lineageId     lineage id (>= 2), or -1 when the node has no track
     * @param parentTrackId the parent's track id on the first node of a child track, else 0
     * @param mergerLabelId the original id of the merged object on its resolved parts, else 0
     */
    public record Node(int frame, int labelImageId, int value, int trackId, int lineageId, int parentTrackId,
            int mergerLabelId) {
    }
}
