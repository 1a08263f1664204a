package org.jilastik.project;

import org.jilastik.array.Axes;
import org.jilastik.workflow.WorkflowKind;

/**
 * Which axes a stored label block without an {@code axistags} attribute is in (spec pixel-classification §3.1).
 * The only place that knows how label layouts changed between ilastik versions:
 * <ul>
 * <li>before 1.3 (1.2 era): the raw dataset info's axes ({@code axisorder}, often {@code txyzc});
 *     a 5-D block otherwise means {@code txyzc};</li>
 * <li>1.3.3 up to (not incl.) 1.3.3post2, workflow "Object Classification (from pixel classification)":
 *     {@code txyzc};</li>
 * <li>1.3.3post2 up to 1.4.0b7: the raw data source's own axes (the dataset info's axes, singletons kept);</li>
 * <li>otherwise: the lane image order ({@code null}: decided when the raw data is opened).</li>
 * </ul>
 * Stateless, thread safe.
 */
final class LabelAxesRule {
    private static final Axes TXYZC = Axes.of("txyzc");
    private static final IlastikVersion V1_3 = IlastikVersion.parse("1.3.0a0.dev0");
    private static final IlastikVersion V1_3_3 = IlastikVersion.parse("1.3.3.dev0");
    private static final IlastikVersion V1_3_3_POST2 = IlastikVersion.parse("1.3.3post2");
    private static final IlastikVersion V1_4_0B7 = IlastikVersion.parse("1.4.0b7");

    private final IlastikVersion version;
    private final WorkflowKind workflow;

    /**
     * @param version  the project's version, or null if unknown (then the current rule applies)
     * @param workflow the project's workflow
     */
    LabelAxesRule(IlastikVersion version, WorkflowKind workflow) {
        this.version = version;
        this.workflow = workflow;
    }

    /**
     * The axes of a block.
     *
     * @param blockAxes axes from the block's own {@code axistags} attribute, or null
     * @param ndim      the block's rank
     * @param infoAxes  the lane's raw dataset info axes, or null
     * @return the stored axes, or null for "the lane image order"
     */
    Axes axesOf(Axes blockAxes, int ndim, Axes infoAxes) {
        if (blockAxes != null) {
            return blockAxes;
        }
        if (version == null) {
            return null;
        }
        if (version.isBefore(V1_3)) {
            if (infoAxes != null && infoAxes.size() == ndim) {
                return infoAxes;
            }
            return ndim == 5 ? TXYZC : null;
        }
        if (!version.isBefore(V1_3_3) && version.isBefore(V1_3_3_POST2)
                && workflow == WorkflowKind.OBJECT_CLASSIFICATION_PIXEL && ndim == 5) {
            return TXYZC;
        }
        if (!version.isBefore(V1_3_3_POST2) && version.compareTo(V1_4_0B7) <= 0
                && infoAxes != null && infoAxes.size() == ndim) {
            return infoAxes;
        }
        return null;
    }
}
