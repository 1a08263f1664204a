package org.jilastik.export;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.jilastik.array.Axes;

/**
 * Facts about the lane being exported that the file name and the default axis order need.
 *
 * @param nickname   the lane's nickname (spec cli-and-io §2.10), e.g. {@code ex2d-data}; {@code *} is removed
 *                   when it is substituted
 * @param datasetDir absolute directory of the first file of the lane's first role ({@code {dataset_dir}})
 * @param inputAxes  the axis order of the lane's raw input as interpreted (after {@code --input_axes} or the
 *                   training axes, spec §2.6), e.g. {@code yx}, {@code cyx}, {@code tzyxc}: the default output
 *                   order (with {@code c} appended when absent)
 * @param resolution pixel size per axis letter as the input file states it (0 = unknown); written as the
 *                   {@code resolution} of each axis in the exported {@code axistags}
 * @param unit       unit per axis letter as the input file states it, or null when it has none; written as the
 *                   {@code axis_units} attribute
 */
public record LaneExportFacts(String nickname, String datasetDir, Axes inputAxes, ToDoubleFunction<Character> resolution,
        Function<Character, String> unit) {
    /** Checks for nulls. */
    public LaneExportFacts {
        Objects.requireNonNull(nickname);
        Objects.requireNonNull(datasetDir);
        Objects.requireNonNull(inputAxes);
        Objects.requireNonNull(resolution);
        Objects.requireNonNull(unit);
    }

    /** Facts of an input without pixel sizes. */
    public LaneExportFacts(String nickname, String datasetDir, Axes inputAxes) {
        this(nickname, datasetDir, inputAxes, axis -> 0.0, axis -> null);
    }
}
