package org.jilastik.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jilastik.array.Axes;

/**
 * The command line's axis flags: {@code --input_axes} (one entry per role, null = {@code None}) and
 * {@code --ignore_training_axistags}, plus jilastik's lenient fallback (spec cli-and-io §6 row 12, off by
 * default for ilastik parity). Immutable.
 *
 * @param inputAxes per role, in role order; empty when the flag was not given; null entries mean {@code None}
 * @param ignoreTrainingAxistags whether {@code --ignore_training_axistags} was given
 * @param lenient when the training axes do not fit a file, use the file's axes with a warning instead of failing
 */
public record AxisOptions(List<Axes> inputAxes, boolean ignoreTrainingAxistags, boolean lenient) {
    /** No axis flags. */
    public static final AxisOptions NONE = new AxisOptions(List.of(), false, false);

    public AxisOptions {
        inputAxes = Collections.unmodifiableList(new ArrayList<>(inputAxes));
    }

    /**
     * The {@code --input_axes} entry for role {@code role}: a single entry applies to every role; missing
     * entries are {@code None} (null).
     */
    public Axes inputAxesFor(int role) {
        if (inputAxes.size() == 1) {
            return inputAxes.get(0);
        }
        return role < inputAxes.size() ? inputAxes.get(role) : null;
    }

    /** Whether {@code --input_axes} has at least one non-None entry (then rule 1 of §2.6 applies to all roles). */
    public boolean inputAxesActive() {
        return inputAxes.stream().anyMatch(a -> a != null);
    }
}
