package org.jilastik.workflow.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Contract of every {@link Tracker} on small synthetic series (no mergers): a lone mover is one track from frame 0,
 * a far-away newcomer in the middle of the field is a false detection (appearing costs 500, being wrong 10·ln),
 * objects outside the size range are not nodes, and the node table is sorted by frame then id.
 */
abstract class TrackerContractTest {
    abstract Tracker tracker();

    static final TrackingParameters P = new TrackingParameters(1, false, 0.1, false, false, 200, 3, 10, 500, 500,
            10, 10, new double[] {1, 1, 1}, 3, 1000, 0);

    @Test
    void loneMoverIsOneTrackAndOutliersAreHandled() {
        List<FrameObjects> frames = new ArrayList<>();
        for (int t = 0; t < 5; t++) {
            boolean extra = t == 2;
            int n = extra ? 3 : 2;
            int[] ids = new int[n];
            double[][] centers = new double[n][];
            long[] sizes = new long[n];
            double[][] det = new double[n][];
            for (int i = 0; i < n; i++) {
                ids[i] = i + 1;
            }
            centers[0] = new double[] {30 + 2 * t, 40};
            sizes[0] = 50;
            det[0] = new double[] {0.05f, 0.95f};
            centers[1] = new double[] {60, 60};
            sizes[1] = 2000; // outside the size range: not in the graph
            det[1] = new double[] {0.5f, 0.5f};
            if (extra) {
                centers[2] = new double[] {50, 50};
                sizes[2] = 20;
                det[2] = new double[] {0.6f, 0.4f};
            }
            frames.add(new FrameObjects(t, ids, centers, sizes, det, null));
        }
        FrameLabels labels = new FrameLabels() {
            @Override
            public int frameCount() {
                return 5;
            }

            @Override
            public long[] frameShape() {
                return new long[] {100, 100};
            }

            @Override
            public int[] frame(int t) {
                return new int[100 * 100];
            }
        };
        TrackingResult r = tracker().track(labels, frames, P);
        List<String> rows = r.nodes().stream().map(n -> n.frame() + ":" + n.labelImageId() + ":" + n.value() + ":"
                + n.trackId() + ":" + n.lineageId() + ":" + n.parentTrackId()).toList();
        assertThat(rows).containsExactly("0:1:1:2:2:0", "1:1:1:2:2:0", "2:1:1:2:2:0", "2:3:0:-1:-1:0",
                "3:1:1:2:2:0", "4:1:1:2:2:0");
        assertThat(r.links()).hasSize(4);
        assertThat(r.divisions()).isEmpty();
        assertThat(r.unresolvedMergers()).isEmpty();
    }
}
