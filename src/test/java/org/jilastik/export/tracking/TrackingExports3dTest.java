package org.jilastik.export.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.error.JilastikException;
import org.jilastik.io.tiff.TiffSource;
import org.jilastik.workflow.tracking.TrackingFrameLabels;
import org.jilastik.workflow.tracking.TrackingResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 3-D rules of the tracking exports on a synthetic 2-frame volume (z 2, y 3, x 4): CellTrackingChallenge masks
 * with ilastik's scrambled axes (one page per x, rows y, columns z), uint16 track id − 1; Contours and
 * Multi-Worm-Tracker refuse 3-D data with one sentence.
 */
class TrackingExports3dTest {
    @TempDir
    Path tmp;

    private static TrackingResult result() {
        int[] f0 = new int[2 * 3 * 4];
        int[] f1 = new int[2 * 3 * 4];
        f0[(1 * 3 + 2) * 4 + 3] = 1; // z1 y2 x3
        f0[(0 * 3 + 1) * 4 + 0] = 2; // z0 y1 x0: false detection
        f1[(1 * 3 + 0) * 4 + 2] = 1; // z1 y0 x2
        List<TrackingResult.Node> nodes = List.of(new TrackingResult.Node(0, 1, 1, 2, 2, 0, 0),
                new TrackingResult.Node(0, 2, 0, -1, -1, 0, 0), new TrackingResult.Node(1, 1, 1, 2, 2, 0, 0));
        return new TrackingResult(nodes, new TrackingFrameLabels(List.of(f0, f1), new long[] {2, 3, 4}), List.of(),
                List.of(), List.of());
    }

    @Test
    void cellTrackingChallengeMasksUseIlastiksScrambledAxes() throws Exception {
        Path dir = CellTrackingChallengeExport.write(tmp.resolve("ctc"), result());
        assertThat(Files.readString(dir.resolve("res_track.txt"))).isEqualTo("1 0 1 0\n");
        try (TiffSource mask = TiffSource.open(dir.resolve("mask000.tif"))) {
            long[] shape = mask.shape();
            Block b = mask.read(Box.ofShape(shape));
            // pages = x (4), rows = y (3), columns = z (2)
            assertThat(b.size()).isEqualTo(24);
            int pageOf = 3;
            int row = 2;
            int col = 1;
            int nonzero = 0;
            for (int i = 0; i < b.size(); i++) {
                if (b.getDouble(i) != 0) {
                    nonzero++;
                    assertThat(i).isEqualTo((pageOf * 3 + row) * 2 + col);
                    assertThat(b.getDouble(i)).isEqualTo(1.0);
                }
            }
            assertThat(nonzero).isEqualTo(1);
        }
    }

    @Test
    void contourExportsRefuse3d() {
        assertThatThrownBy(() -> ContoursExport.write(tmp.resolve("c.outline"), result()))
                .isInstanceOf(JilastikException.class).hasMessageContaining("2-D data only");
        assertThatThrownBy(() -> MultiWormTrackerExport.write(tmp.resolve("m"), result(), List.of()))
                .isInstanceOf(JilastikException.class).hasMessageContaining("2-D data only");
    }
}
