package org.jilastik.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.jilastik.array.Block;
import org.jilastik.io.hdf5.Hdf5Source;
import org.junit.jupiter.api.Test;

/** The scripting API gives the numbers ilastik wrote for the reference case new-2d-1ch-3class. */
class PixelClassifierTest {
    private static final Path CASE = Path.of("../shared/testdata/ilastik-ref/new-2d-1ch-3class");

    @Test
    void probabilitiesOfAnInMemoryImageMatchIlastik() {
        PixelClassifier pc = PixelClassifier.open(CASE.resolve("blobs2d_pc.ilp"));
        assertThat(pc.classNames()).containsExactly("background", "interior", "rim");
        Block raw;
        try (Hdf5Source in = Hdf5Source.open(CASE.resolve("blobs2d.h5"), "data", "blobs2d.h5/data")) {
            raw = in.readAll();
        }
        Block ours = pc.compute(raw, "Probabilities");
        Block ref;
        try (Hdf5Source r = Hdf5Source.open(CASE.resolve("out/blobs2d-data_Probabilities.h5"), "exported_data",
                "reference")) {
            ref = r.readAll();
        }
        assertThat(ours.axes().letters()).isEqualTo("yxc");
        assertThat(ours.shape()).containsExactly(384, 384, 3);
        float[] a = (float[]) ours.data();
        float[] b = (float[]) ref.data();
        double sum = 0;
        double max = 0;
        int over = 0;
        for (int i = 0; i < a.length; i++) {
            double d = Math.abs(a[i] - b[i]);
            sum += d;
            max = Math.max(max, d);
            over += d > 1e-3 ? 1 : 0;
        }
        assertThat(sum / a.length).as("mean |diff|").isLessThanOrEqualTo(1e-5);
        assertThat(over).as("values off by > 1e-3").isLessThanOrEqualTo(a.length / 1000);
        assertThat(max).as("max |diff|").isLessThanOrEqualTo(0.1);

        Block seg = pc.compute(raw, "simple segmentation");
        assertThat(seg.shape()).containsExactly(384, 384, 1);
        byte[] s = (byte[]) seg.data();
        int equalToArgmax = 0;
        for (int i = 0; i < s.length; i++) {
            int best = 0;
            for (int k = 1; k < 3; k++) {
                if (a[i * 3 + k] > a[i * 3 + best]) {
                    best = k;
                }
            }
            equalToArgmax += s[i] == best + 1 ? 1 : 0;
        }
        assertThat(equalToArgmax).isEqualTo(s.length);
    }
}
