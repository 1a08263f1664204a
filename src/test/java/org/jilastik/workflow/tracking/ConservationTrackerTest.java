package org.jilastik.workflow.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.jilastik.array.Box;
import org.jilastik.io.hdf5.Hdf5Source;
import org.junit.jupiter.api.Test;

/**
 * The whole tracking core on tracking-2dt (segmentation + the recorded classifier probabilities): the node table
 * equals the id columns of ilastik's CSV-Table export on all 99 rows, and the relabelled frames equal ilastik's
 * Object-Identities export on every pixel (the GMM split of the M1+M2 merger in frames 3 and 4 included).
 */
class ConservationTrackerTest {
    @Test
    void nodeTableAndObjectIdentitiesEqualIlastik() throws IOException {
        Trk2d in = new Trk2d();
        TrackingResult r = new ConservationTracker().track(in.frameLabels(), in.objects, Trk2d.PARAMS);

        List<String> lines = Files.readAllLines(SolverIo.DIR.resolve("out/trk2d_raw-data_CSV-Table.csv"));
        assertThat(lines.getFirst()).startsWith("frame,labelimageId,trackId,lineageId,parentTrackId,mergerLabelId,");
        List<String> expected = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            expected.add(String.join(",", c[0], c[1], c[2], c[3], c[4], c[5]));
        }
        List<String> actual = new ArrayList<>();
        for (TrackingResult.Node n : r.nodes()) {
            actual.add(n.frame() + "," + n.labelImageId() + "," + n.trackId() + "," + n.lineageId() + ","
                    + n.parentTrackId() + "," + n.mergerLabelId());
        }
        assertThat(expected).hasSize(99);
        assertThat(actual).containsExactlyElementsOf(expected);

        assertThat(r.unresolvedMergers()).isEmpty();
        assertThat(r.divisions()).containsExactly(new int[] {1, 4, 5, 1}, new int[] {3, 5, 6, 5});

        int differing = 0;
        String first = "";
        try (Hdf5Source ref = Hdf5Source.open(SolverIo.DIR.resolve("out/trk2d_raw-data_Object-Identities.h5"),
                "exported_data", "ids")) {
            var block = ref.read(Box.ofShape(Trk2d.T, Trk2d.H, Trk2d.W, 1));
            for (int t = 0; t < Trk2d.T; t++) {
                int[] mine = r.objectIdentities().frame(t);
                for (int i = 0; i < Trk2d.H * Trk2d.W; i++) {
                    int theirs = (int) block.getDouble(t * Trk2d.H * Trk2d.W + i);
                    if (mine[i] != theirs) {
                        if (differing++ == 0) {
                            first = "t=" + t + " y=" + i / Trk2d.W + " x=" + i % Trk2d.W + ": " + mine[i] + " vs "
                                    + theirs;
                        }
                    }
                }
            }
        }
        assertThat(differing).as("pixels differing from Object-Identities, first %s", first).isZero();
    }

    @Test
    void withoutMergerResolutionTheMergerStaysWithItsValue() throws IOException {
        Trk2d in = new Trk2d();
        TrackingParameters p = Trk2d.PARAMS;
        TrackingParameters noMerger = new TrackingParameters(p.maxObj(), p.withDivisions(), p.divThreshold(), false,
                p.withTracklets(), p.maxDist(), p.maxNearestNeighbors(), p.borderAwareWidth(), p.appearanceCost(),
                p.disappearanceCost(), p.transWeight(), p.divWeight(), p.scales(), p.sizeMin(),
                p.sizeMaxExclusive(), p.numFramesPerSplit());
        TrackingResult r = new ConservationTracker().track(in.frameLabels(), in.objects, noMerger);
        assertThat(r.nodes()).hasSize(97);
        assertThat(r.unresolvedMergers()).containsExactly(new int[] {3, 9, 2}, new int[] {4, 9, 2});
        for (int t = 0; t < Trk2d.T; t++) {
            assertThat(r.objectIdentities().frame(t)).isEqualTo(in.labels[t]);
        }
        // hytra propagates the first track that reaches the merger (LIFO: M2's track 10) to both objects after it.
        assertThat(r.nodes().stream().filter(n -> n.frame() == 5 && (n.labelImageId() == 8 || n.labelImageId() == 9))
                .map(TrackingResult.Node::trackId).toList()).containsExactly(10, 10);
    }
}
