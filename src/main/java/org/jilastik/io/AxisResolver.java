package org.jilastik.io;

import java.util.Arrays;
import org.jilastik.array.Axes;
import org.jilastik.error.JilastikException;

/**
 * Decides which axis letters a batch input is read with (ilastik's {@code create_lane_configs}, spec
 * cli-and-io §2.6), as observed with real ilastik in {@code testdata/ilastik-ref/axes-order}:
 *
 * <ol>
 *   <li>{@code --input_axes} with at least one non-None entry: that entry for this role, or the file's own axes
 *       when this role's entry is None;</li>
 *   <li>else {@code --ignore_training_axistags}, or no training lane (training axes null): the file's axes;</li>
 *   <li>else the training lane's axes for this role, assigned position by position (the data are relabelled,
 *       never transposed; this overrides even a file's stored {@code axistags}).</li>
 * </ol>
 *
 * <p>The number of letters must equal the data's rank (singletons count), and {@code x} and {@code y} must be
 * present; otherwise a one-sentence processing error. Stateless, thread safe.
 */
public final class AxisResolver {
    private AxisResolver() {
    }

    /**
     * Chooses the axes for one input.
     *
     * @param source the opened input with its own axes
     * @param name the input as the user wrote it (for messages)
     * @param options the axis flags
     * @param role index of the role (0 = raw data)
     * @param trainingAxes the project's last training lane axes for this role, or null if there is none
     */
    public static AxisChoice resolve(ImageSource source, String name, AxisOptions options, int role,
            Axes trainingAxes) {
        long[] shape = source.shape();
        Axes fileAxes = source.axes();
        AxisChoice choice;
        if (options.inputAxesActive()) {
            Axes given = options.inputAxesFor(role);
            if (given == null) {
                choice = new AxisChoice(fileAxes, AxisChoice.Rule.FILE, "Using axistags from input files", null);
            } else {
                if (given.size() != shape.length) {
                    throw JilastikException.processing("--input_axes=" + given + " has " + given.size()
                            + " letters but " + name + " has " + shape.length + " dimensions " + fmt(shape)
                            + " (file axes " + fileAxes + "); give one letter per dimension.");
                }
                choice = new AxisChoice(given, AxisChoice.Rule.INPUT_AXES, "Forcing input axes to " + given, null);
            }
        } else if (options.ignoreTrainingAxistags() || trainingAxes == null) {
            choice = new AxisChoice(fileAxes, AxisChoice.Rule.FILE, "Using axistags from input files", null);
        } else if (trainingAxes.size() != shape.length) {
            String problem = name + " has " + shape.length + " dimensions " + fmt(shape) + " with axes " + fileAxes
                    + " but the project was trained on " + trainingAxes.size() + "-D data with axes " + trainingAxes;
            if (!options.lenient()) {
                throw JilastikException.processing(problem + "; pass --input_axes=" + fileAxes
                        + " (one letter per dimension) or --ignore_training_axistags.");
            }
            choice = new AxisChoice(fileAxes, AxisChoice.Rule.FILE_FALLBACK, "Using axistags from input files",
                    problem + ", so the file's own axes are used.");
        } else {
            String warning = null;
            if (source.axesOrigin() == AxesOrigin.METADATA && !fileAxes.equals(trainingAxes)) {
                warning = name + " is tagged " + fileAxes + " but is read as " + trainingAxes
                        + " (the project's training axes) without transposing, as ilastik does; pass --input_axes="
                        + fileAxes + " or --ignore_training_axistags to use the file's tags.";
            }
            choice = new AxisChoice(trainingAxes, AxisChoice.Rule.TRAINING,
                    "Using axistags from previous lane: " + trainingAxes, warning);
        }
        if (!choice.axes().has('x') || !choice.axes().has('y')) {
            throw JilastikException.processing(name + " would be read with axes " + choice.axes()
                    + ", which lack x or y; pass --input_axes with letters that include x and y.");
        }
        return choice;
    }

    /** Convenience: resolves and returns the relabelled source. */
    public static ImageSource apply(ImageSource source, String name, AxisOptions options, int role,
            Axes trainingAxes) {
        return source.withAxes(resolve(source, name, options, role, trainingAxes).axes());
    }

    private static String fmt(long[] shape) {
        return Arrays.toString(shape).replace('[', '(').replace(']', ')');
    }
}
