package org.jilastik.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jilastik.array.Axes;

/**
 * A project group that holds label classes and/or a trained classifier, generic over workflows
 * ({@code PixelClassification}, {@code PixelClassification01}, {@code ObjectClassification}, {@code Counting},
 * {@code CountClassification}, {@code DivisionDetection}, {@code Training and Multicut}, ...).
 *
 * @param path        HDF5 path of the group, e.g. {@code /PixelClassification}
 * @param classes     label names and colours ({@link LabelClasses#NONE} when the group stores none)
 * @param labelBlocks pixel label blocks per lane index (from {@code LabelSets}; empty when none), each block in
 *                    its stored axes; unmodifiable
 * @param classifier  the stored classifier, or null when none is stored
 * @param factory     the classifier factory settings, or null when not stored
 */
public record ClassifierGroup(String path, LabelClasses classes, Map<Integer, List<LabelBlock>> labelBlocks,
                              StoredClassifier classifier, ClassifierFactorySettings factory) {

    /** The group's name without the leading {@code /}. */
    public String name() {
        return path.startsWith("/") ? path.substring(1) : path;
    }

    /** The blocks of lane {@code lane} as stored (empty if unlabelled). */
    public List<LabelBlock> storedBlocks(int lane) {
        return labelBlocks.getOrDefault(lane, List.of());
    }

    /**
     * The blocks of lane {@code lane} converted to {@code laneImageAxes} (the lane image order of spec §1.3, e.g.
     * from {@link Lane#laneImageAxes()} or {@link LaneImageOrder#of}); empty if the lane has no labels.
     *
     * @throws org.jilastik.error.JilastikException if a block cannot be expressed in those axes
     */
    public List<LabelBlock> blocksInLaneOrder(int lane, Axes laneImageAxes) {
        List<LabelBlock> out = new ArrayList<>();
        for (LabelBlock b : storedBlocks(lane)) {
            out.add(b.toAxes(laneImageAxes));
        }
        return List.copyOf(out);
    }
}
