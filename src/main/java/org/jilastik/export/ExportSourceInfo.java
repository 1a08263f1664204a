package org.jilastik.export;

import java.util.Arrays;
import java.util.Objects;
import org.jilastik.array.Axes;
import org.jilastik.array.DType;

/**
 * What a workflow says about one export source of one lane before computing anything: its display name (the
 * {@code {result_type}} text), dtype, axes in pipeline order (spec cli-and-io §2.8, e.g. {@code yxc},
 * {@code zyxc}, {@code tzyxc}; always with {@code c}), shape, and the data range if known.
 *
 * <p>The range is the source's {@code drange} metadata: ilastik writes it, converted to the export dtype, as the
 * HDF5 {@code drange} attribute (observed: Probabilities, Uncertainty and Simple Segmentation (0.0, 1.0);
 * Features of a uint8 image (0, 255)). Bounds are {@link Long} or {@link Double} as in Python; {@code null}
 * when unknown. Immutable; arrays are copied.
 *
 * @param displayName source name as ilastik shows it, e.g. {@code Simple Segmentation}
 * @param dtype       element type the workflow computes
 * @param axes        pipeline axis order
 * @param shape       full extent per axis
 * @param drangeLow   low end of the data range, or null
 * @param drangeHigh  high end of the data range, or null
 * @param displayMode ilastik's {@code display_mode} attribute, normally {@code grayscale}; null where ilastik writes
 *                    none (Cell Density Counting's density)
 */
public record ExportSourceInfo(String displayName, DType dtype, Axes axes, long[] shape, Number drangeLow,
        Number drangeHigh, String displayMode) {

    /** Validates and copies. */
    public ExportSourceInfo {
        Objects.requireNonNull(displayName);
        Objects.requireNonNull(dtype);
        if (axes.size() != shape.length) {
            throw new IllegalArgumentException("axes " + axes + " do not match shape " + Arrays.toString(shape));
        }
        if ((drangeLow == null) != (drangeHigh == null)) {
            throw new IllegalArgumentException("give both ends of the data range or neither");
        }
        shape = shape.clone();
    }

    /** A source with ilastik's default display mode {@code grayscale}. */
    public ExportSourceInfo(String displayName, DType dtype, Axes axes, long[] shape, Number drangeLow,
            Number drangeHigh) {
        this(displayName, dtype, axes, shape, drangeLow, drangeHigh, "grayscale");
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** Whether the data range is known. */
    public boolean hasDrange() {
        return drangeLow != null;
    }
}
