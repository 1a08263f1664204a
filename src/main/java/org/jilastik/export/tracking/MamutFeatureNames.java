package org.jilastik.export.tracking;

/**
 * How ilastik's {@code Fiji-MaMuT} tracking export names object features (spec tracking §3): the spot attribute /
 * {@code feature} name made from the vigra feature name, and the short name of its declaration. Stateless, thread
 * safe.
 */
final class MamutFeatureNames {
    private MamutFeatureNames() {
    }

    /**
     * The attribute name of vigra feature {@code vigraName}: {@code <} becomes {@code _}, {@code >} and spaces are
     * dropped ({@code Coord<Minimum>} → {@code Coord_Minimum}, {@code Mean in neighborhood} →
     * {@code Meaninneighborhood}).
     */
    static String feature(String vigraName) {
        return vigraName.replace("<", "_").replace(">", "").replace(" ", "");
    }

    /**
     * The declared short name of feature {@code feature} (already {@link #feature converted}), without the
     * {@code _<column>} suffix: names of up to 15 characters lose their underscores; longer names are abbreviated
     * to their first two characters plus the three characters after every underscore (with a three-character
     * extension after a {@code WeReg} prefix), stopping at the end of the name, then lose their underscores.
     */
    static String shortName(String feature) {
        if (feature.length() <= 15) {
            return feature.replace("_", "");
        }
        return abbreviated(feature).replace("_", "");
    }

    // ilastik appends character by character and stops at the first index past the end, so a partial group of
    // characters before the end is kept; the WeReg test runs at every position
    private static String abbreviated(String s) {
        StringBuilder b = new StringBuilder(s.substring(0, Math.min(2, s.length())));
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '_' && !append(b, s, i + 1, i + 4)) {
                break;
            }
            if (b.toString().equals("WeReg") && !append(b, s, i + 7, i + 10)) {
                break;
            }
        }
        return b.toString().strip();
    }

    // appends s[from..to) one character at a time; false when an index ran past the end
    private static boolean append(StringBuilder b, String s, int from, int to) {
        for (int k = from; k < to; k++) {
            if (k >= s.length()) {
                return false;
            }
            b.append(s.charAt(k));
        }
        return true;
    }
}
