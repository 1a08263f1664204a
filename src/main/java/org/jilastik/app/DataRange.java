package org.jilastik.app;

/**
 * A value range {@code (low, high)} from {@code --pipeline_result_drange} or {@code --export_drange}.
 *
 * <p>Each bound is a {@link Long} when it was written as an integer literal ({@code 0}) and a {@link Double}
 * when written with a decimal point or exponent ({@code 0.0}). ilastik (NumPy 1.x) computes
 * {@code a - low} in the source's integer type when {@code low} is an integer literal and the data are
 * integers, so the export needs to know which form was typed (spec cli-and-io §3.9).
 *
 * @param low  lower bound ({@code Long} or {@code Double})
 * @param high upper bound ({@code Long} or {@code Double})
 */
public record DataRange(Number low, Number high) {
    /** Both bounds must be Long or Double. */
    public DataRange {
        check(low);
        check(high);
    }

    private static void check(Number n) {
        if (!(n instanceof Long) && !(n instanceof Double)) {
            throw new IllegalArgumentException("a range bound must be a Long or a Double, not " + n);
        }
    }

    /** The lower bound as a double. */
    public double lowValue() {
        return low.doubleValue();
    }

    /** The upper bound as a double. */
    public double highValue() {
        return high.doubleValue();
    }

    /** Whether the lower bound was written as an integer literal. */
    public boolean lowIsInteger() {
        return low instanceof Long;
    }

    /** Whether the upper bound was written as an integer literal. */
    public boolean highIsInteger() {
        return high instanceof Long;
    }

    @Override
    public String toString() {
        return "(" + low + ", " + high + ")";
    }
}
