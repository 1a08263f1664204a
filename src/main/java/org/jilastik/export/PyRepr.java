package org.jilastik.export;

import java.math.BigDecimal;

/**
 * Python's {@code repr}/{@code str} of numpy float scalars, for tables that must read like ilastik's: the shortest
 * digits that round-trip (Java's {@link Float#toString}/{@link Double#toString} give those since JDK 19), printed
 * positionally for decimal exponents -4..15 and as {@code d.ddde±XX} otherwise; {@code nan}, {@code inf},
 * {@code -inf}. Stateless, thread safe.
 */
public final class PyRepr {
    private PyRepr() {
    }

    /** {@code str(numpy.float32(v))}. */
    public static String float32(float v) {
        if (Float.isNaN(v)) {
            return "nan";
        }
        if (Float.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return format(new BigDecimal(Float.toString(v)), v == 0 && Float.floatToRawIntBits(v) != 0);
    }

    /** {@code str(numpy.float64(v))} (= Python's {@code repr(float)}). */
    public static String float64(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return format(new BigDecimal(Double.toString(v)), v == 0 && Double.doubleToRawLongBits(v) != 0);
    }

    private static String format(BigDecimal d, boolean negativeZero) {
        if (d.signum() == 0) {
            return negativeZero ? "-0.0" : "0.0";
        }
        BigDecimal s = d.stripTrailingZeros();
        String digits = s.unscaledValue().abs().toString();
        int exp = digits.length() - 1 - s.scale(); // decimal exponent of the first digit
        String sign = s.signum() < 0 ? "-" : "";
        if (exp < -4 || exp >= 16) {
            String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String e = (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
            return sign + mant + "e" + e;
        }
        String plain = s.abs().toPlainString();
        if (!plain.contains(".")) {
            plain = plain + ".0";
        }
        return sign + plain;
    }
}
