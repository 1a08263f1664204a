package org.jilastik.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.jilastik.array.Block;
import org.jilastik.io.hdf5.Hdf5Source;
import org.junit.jupiter.api.Test;

/** The scripting API gives the numbers ilastik wrote for the reference case new-autocontext-2d. */
class AutocontextClassifierTest {
    private static final Path CASE = Path.of("../shared/testdata/ilastik-ref/new-autocontext-2d");

    @Test
    void allStagesOfAnInMemoryImageMatchIlastik() {
        AutocontextClassifier ac = AutocontextClassifier.open(CASE.resolve("ac2d_autocontext.ilp"));
        assertThat(ac.sources()).hasSize(13).startsWith("Probabilities Stage 2").endsWith("Probabilities All Stages");
        Block raw;
        try (Hdf5Source in = Hdf5Source.open(CASE.resolve("ac2d.h5"), "data", "ac2d.h5/data")) {
            raw = in.readAll();
        }
        Block ours = ac.compute(raw, "Propabilities All Stages");
        Block ref;
        try (Hdf5Source r = Hdf5Source.open(CASE.resolve("out/ac2d-data_Probabilities_All_Stages.h5"),
                "exported_data", "reference")) {
            ref = r.readAll();
        }
        assertThat(ours.axes().letters()).isEqualTo("yxc");
        assertThat(ours.shape()).containsExactly(256, 256, 6);
        float[] a = (float[]) ours.data();
        float[] b = (float[]) ref.data();
        double sum = 0;
        double max = 0;
        int over = 0;
        int worst = 0;
        for (int i = 0; i < a.length; i++) {
            double d = Math.abs(a[i] - b[i]);
            sum += d;
            if (d > max) {
                max = d;
                worst = i;
            }
            over += d > 1e-3 ? 1 : 0;
        }
        assertThat(sum / a.length).as("mean |diff|").isLessThanOrEqualTo(1e-5);
        assertThat(over).as("values off by > 1e-3").isLessThanOrEqualTo(a.length / 1000);
        assertThat(max).as("max |diff| (at flat index %d)", worst).isLessThanOrEqualTo(0.1);
    }
}
