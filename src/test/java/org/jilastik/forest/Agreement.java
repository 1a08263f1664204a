package org.jilastik.forest;

import static org.assertj.core.api.Assertions.assertThat;

/** The tolerances of testdata/README.md, reporting the worst value and where it is. */
final class Agreement {
    private Agreement() {
    }

    /** Probabilities / Uncertainty: mean |d| ≤ 1e-5, ≤ 0.1 % of values off by > 1e-3, none by > 0.1. */
    static void assertProbabilitiesAgree(String what, float[] ours, float[] ref, int channels) {
        assertThat(ours).as(what + " length").hasSameSizeAs(ref);
        double sum = 0;
        double worst = -1;
        int worstAt = -1;
        int over = 0;
        for (int i = 0; i < ref.length; i++) {
            double d = Math.abs((double) ours[i] - ref[i]);
            if (!(d <= worst) ) {
                worst = Double.isNaN(d) ? Double.POSITIVE_INFINITY : d;
                worstAt = i;
            }
            sum += d;
            if (!(d <= 1e-3)) {
                over++;
            }
        }
        double mean = sum / ref.length;
        String where = worstAt < 0 ? "" : " worst |diff| " + worst + " at pixel " + worstAt / channels + " channel "
                + worstAt % channels + " (ours " + ours[worstAt] + ", ilastik " + ref[worstAt] + ")";
        assertThat(mean).as(what + ": mean |diff|;" + where).isLessThanOrEqualTo(1e-5);
        assertThat((double) over / ref.length).as(what + ": share of values off by > 1e-3;" + where)
                .isLessThanOrEqualTo(1e-3);
        assertThat(worst).as(what + ": largest |diff|;" + where).isLessThanOrEqualTo(0.1);
    }

    /** Label images: ≥ 99.99 % of pixels equal. Returns the number of differing pixels. */
    static int assertLabelsAgree(String what, byte[] ours, float[] ref) {
        assertThat(ours.length).as(what + " length").isEqualTo(ref.length);
        int differ = 0;
        int first = -1;
        for (int i = 0; i < ref.length; i++) {
            if ((ours[i] & 0xff) != ref[i]) {
                if (first < 0) {
                    first = i;
                }
                differ++;
            }
        }
        String where = first < 0 ? "" : " first difference at pixel " + first + " (ours " + (ours[first] & 0xff)
                + ", ilastik " + ref[first] + ")";
        assertThat((double) differ / ref.length).as(what + ": share of differing pixels;" + where)
                .isLessThanOrEqualTo(1e-4);
        return differ;
    }
}
