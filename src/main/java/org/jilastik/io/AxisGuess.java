package org.jilastik.io;

import java.util.Arrays;
import org.jilastik.array.Axes;
import org.jilastik.error.JilastikException;

/**
 * ilastik's default axis order for data that carries no axis information
 * ({@code lazyflow.utility.helpers.get_default_axisordering}, spec cli-and-io §2.5). It looks at the rank and,
 * for 3-D data, at the size of the last dimension only; singleton dimensions are not treated specially.
 */
public final class AxisGuess {
    private AxisGuess() {
    }

    /**
     * 2-D {@code yx}; 3-D {@code yxc} if the last extent is at most 4, else {@code zyx}; 4-D {@code zyxc};
     * 5-D {@code tzyxc}.
     *
     * @param what names the data in the error message (a file path)
     * @throws JilastikException (processing) for 0-, 1- or more than 5-dimensional data
     */
    public static Axes guess(long[] shape, String what) {
        return switch (shape.length) {
            case 2 -> Axes.of("yx");
            case 3 -> Axes.of(shape[2] <= 4 ? "yxc" : "zyx");
            case 4 -> Axes.of("zyxc");
            case 5 -> Axes.of("tzyxc");
            default -> throw JilastikException.processing(what + " has " + shape.length + " dimensions "
                    + Arrays.toString(shape) + " but jilastik reads images with 2 to 5 dimensions; select a "
                    + "2- to 5-D dataset.");
        };
    }
}
