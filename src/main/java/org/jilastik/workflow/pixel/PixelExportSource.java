package org.jilastik.workflow.pixel;

import java.util.Locale;
import org.jilastik.array.DType;

/**
 * The export sources of Pixel Classification in ilastik's order (spec pixel-classification §5); the first is the
 * default.
 */
public enum PixelExportSource {
    PROBABILITIES("Probabilities", DType.FLOAT32),
    SIMPLE_SEGMENTATION("Simple Segmentation", DType.UINT8),
    UNCERTAINTY("Uncertainty", DType.FLOAT32),
    FEATURES("Features", DType.FLOAT32),
    LABELS("Labels", DType.UINT8);

    private final String displayName;
    private final DType dtype;

    PixelExportSource(String displayName, DType dtype) {
        this.displayName = displayName;
        this.dtype = dtype;
    }

    /** ilastik's display name, used for {@code {result_type}}. */
    public String displayName() {
        return displayName;
    }

    /** dtype of the source before export conversion. */
    public DType dtype() {
        return dtype;
    }

    /** The source whose display name matches {@code name} ignoring case; the default (first) for null. */
    public static PixelExportSource byName(String name) {
        if (name == null) {
            return PROBABILITIES;
        }
        for (PixelExportSource s : values()) {
            if (s.displayName.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown pixel classification export source " + name);
    }
}
