package org.jilastik.export.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jilastik.workflow.tracking.TrackingFrameLabels;
import org.jilastik.workflow.tracking.TrackingResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contours-With-Head on a synthetic frame (60 × 60, one 5 × 5 object at x, y 10..14, raw channel 2 bright only at
 * x 34, y 12): the line format {@code t id head n y x …}, and the head is a contour point on the object's right edge
 * (x 15), the only points whose 41 × 41 window reaches the bright pixel.
 */
class ContoursWithHeadExportTest {
    @TempDir
    Path tmp;

    @Test
    void headIsTheContourPointNearestTheBrightChannelTwo() throws Exception {
        int n = 60;
        int[] frame = new int[n * n];
        for (int y = 10; y < 15; y++) {
            for (int x = 10; x < 15; x++) {
                frame[y * n + x] = 1;
            }
        }
        float[] raw = new float[n * n * 3];
        raw[(12 * n + 34) * 3 + 2] = 1f;
        TrackingResult result = new TrackingResult(List.of(new TrackingResult.Node(0, 1, 1, 2, 2, 0, 0)),
                new TrackingFrameLabels(List.of(frame), new long[] {n, n}), List.of(), List.of(), List.of());
        Path file = ContoursWithHeadExport.write(tmp.resolve("h.contours"), result, t -> raw, 3);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(1);
        String[] f = lines.getFirst().split(" ");
        assertThat(f[0]).isEqualTo("0");
        assertThat(f[1]).isEqualTo("2");
        int head = Integer.parseInt(f[2]);
        int points = Integer.parseInt(f[3]);
        assertThat(f).hasSize(4 + 2 * points);
        // pairs are "y x"
        assertThat(f[4 + 2 * head + 1]).isEqualTo("15.0");
        for (int p = 0; p < head; p++) {
            assertThat(f[4 + 2 * p + 1]).isNotEqualTo("15.0");
        }
    }
}
