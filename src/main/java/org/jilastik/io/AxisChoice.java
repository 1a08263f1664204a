package org.jilastik.io;

import org.jilastik.array.Axes;

/**
 * The outcome of {@link AxisResolver}: the axes to apply, where they came from, ilastik's log line for the
 * decision and an optional warning (null if none).
 *
 * @param axes the letters to assign position by position ({@link ImageSource#withAxes})
 * @param rule which rule of spec cli-and-io §2.6 decided
 * @param logLine the INFO line ilastik prints for this rule, e.g. {@code Using axistags from input files}
 * @param warning a one-sentence warning for the user, or null
 */
public record AxisChoice(Axes axes, Rule rule, String logLine, String warning) {
    /** The rules of spec cli-and-io §2.6. */
    public enum Rule {
        /** Rule 1: {@code --input_axes} named this role. */
        INPUT_AXES,
        /** Rule 1 with {@code None} for this role, or rule 2 ({@code --ignore_training_axistags}, no lanes). */
        FILE,
        /** Rule 3: the project's training-lane axes, relabelled positionally. */
        TRAINING,
        /** jilastik's lenient mode (spec §6 row 12): training axes did not fit, file axes used instead. */
        FILE_FALLBACK
    }
}
