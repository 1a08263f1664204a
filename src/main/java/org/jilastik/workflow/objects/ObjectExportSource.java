package org.jilastik.workflow.objects;

import java.util.Locale;
import org.jilastik.array.DType;
import org.jilastik.error.JilastikException;
import org.jilastik.project.Project;
import org.jilastik.workflow.WorkflowKind;

/** The image export sources of the object workflows (spec object-classification §2) that jilastik computes. */
public enum ObjectExportSource {
    OBJECT_PREDICTIONS("Object Predictions", DType.UINT8, false, false),
    OBJECT_PROBABILITIES("Object Probabilities", DType.FLOAT32, true, false),
    BLOCKWISE_OBJECT_PREDICTIONS("Blockwise Object Predictions", DType.UINT8, false, true),
    BLOCKWISE_OBJECT_PROBABILITIES("Blockwise Object Probabilities", DType.FLOAT32, true, true),
    OBJECT_IDENTITIES("Object Identities", DType.UINT32, false, false),
    /** The pixel stage's probabilities (pixel-classification variant only; one channel per pixel class). */
    PIXEL_PROBABILITIES("Pixel Probabilities", DType.FLOAT32, false, false);

    private final String displayName;
    private final DType dtype;
    private final boolean probabilities;
    private final boolean blockwise;

    ObjectExportSource(String displayName, DType dtype, boolean probabilities, boolean blockwise) {
        this.displayName = displayName;
        this.dtype = dtype;
        this.probabilities = probabilities;
        this.blockwise = blockwise;
    }

    /** ilastik's name ({@code {result_type}}). */
    public String displayName() {
        return displayName;
    }

    /** dtype of the source. */
    public DType dtype() {
        return dtype;
    }

    /** Whether the source has one channel per class. */
    public boolean probabilities() {
        return probabilities;
    }

    /** Whether the source is computed block by block. */
    public boolean blockwise() {
        return blockwise;
    }

    /**
     * The source named {@code name} (case-insensitive); for null the project's stored choice, else the default.
     *
     * @throws JilastikException (usage) for a source jilastik does not compute
     */
    public static ObjectExportSource byName(String name, Project project) {
        if (name == null) {
            Integer stored = project.exportSettings().map(s -> s.inputSelection()).orElse(null);
            boolean usable = stored != null && stored >= 0 && stored < values().length
                    && (stored != PIXEL_PROBABILITIES.ordinal()
                    || project.workflow() == WorkflowKind.OBJECT_CLASSIFICATION_PIXEL);
            return usable ? values()[stored] : OBJECT_PREDICTIONS;
        }
        boolean pixel = project.workflow() == WorkflowKind.OBJECT_CLASSIFICATION_PIXEL;
        for (ObjectExportSource s : values()) {
            if (s.displayName.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))
                    && (s != PIXEL_PROBABILITIES || pixel)) {
                return s;
            }
        }
        throw JilastikException.usage("--export_source \"" + name + "\" is not supported yet for object "
                + "classification in jilastik; use Object Predictions, Object Probabilities, Blockwise Object "
                + "Predictions, Blockwise Object Probabilities or Object Identities" + (pixel
                ? " (or Pixel Probabilities)" : ""));
    }
}
