package org.jilastik.export.tracking;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * C's {@code printf} conversions that numpy's {@code savetxt} uses for ilastik's tracking tables: {@code %f} (six
 * decimals, the exact binary value rounded half to even, {@code -} kept on negative values that round to zero,
 * {@code nan}/{@code inf}) and Python's {@code %d} of a float (truncation toward zero). Stateless, thread safe.
 */
public final class PrintfFormat {
    private PrintfFormat() {
    }

    /** {@code "%f" % v}. */
    public static String f(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        String digits = new BigDecimal(Math.abs(v)).setScale(6, RoundingMode.HALF_EVEN).toPlainString();
        boolean negative = v < 0 || (v == 0 && Double.doubleToRawLongBits(v) != 0);
        return negative ? "-" + digits : digits;
    }

    /** {@code "%d" % v} for a float {@code v} (Python truncates toward zero). */
    public static String d(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("%d of " + v);
        }
        return new BigDecimal(v).toBigInteger().toString();
    }
}
