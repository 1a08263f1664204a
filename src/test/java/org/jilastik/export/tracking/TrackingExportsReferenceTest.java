package org.jilastik.export.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.io.tiff.TiffSource;
import org.jilastik.workflow.objects.ObjectFeatures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tracking exports against ilastik's tracking-2dt outputs, from a result rebuilt out of ilastik's own ids
 * ({@link TrackingFixture}): images equal exactly, CSV columns equal as text (by name), CellTrackingChallenge,
 * Contours and Multi-Worm-Tracker files equal byte for byte.
 */
class TrackingExportsReferenceTest {
    private static TrackingFixture fx;
    private static List<ObjectFeatures> features;

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() {
        fx = TrackingFixture.load();
        features = fx.standardFeatures();
    }

    @Test
    void imageSourcesEqualIlastiks() {
        for (TrackingImageSource s : TrackingImageSource.values()) {
            List<int[]> expected = TrackingFixture.frames(TrackingFixture.OUT.resolve("trk2d_raw-data_"
                    + s.displayName() + ".h5"), "exported_data");
            Block painted = new TrackingImagePainter(fx.result, s).paint(new Box(new long[] {0, 0, 0, 0, 0},
                    new long[] {TrackingFixture.T, 1, TrackingFixture.N, TrackingFixture.N, 1}));
            int[] got = (int[]) painted.data();
            int frame = TrackingFixture.N * TrackingFixture.N;
            int mismatches = 0;
            String first = null;
            for (int t = 0; t < TrackingFixture.T; t++) {
                for (int i = 0; i < frame; i++) {
                    if (got[t * frame + i] != expected.get(t)[i]) {
                        mismatches++;
                        if (first == null) {
                            first = "t=" + t + " y=" + i / TrackingFixture.N + " x=" + i % TrackingFixture.N + ": "
                                    + got[t * frame + i] + " vs " + expected.get(t)[i];
                        }
                    }
                }
            }
            assertThat(mismatches).as(s.displayName() + " first mismatch " + first).isZero();
        }
    }

    @Test
    void csvColumnsEqualIlastiksByName() throws IOException {
        Path file = TrackingCsvTable.write(tmp.resolve("t.csv"), fx.result,
                TrackedFeatures.of(fx.standardSpecs(), features));
        Map<String, List<String>> ours = columns(Files.readAllLines(file));
        Map<String, List<String>> ref = columns(Files.readAllLines(TrackingFixture.OUT
                .resolve("trk2d_raw-data_CSV-Table.csv")));
        Set<String> missing = new LinkedHashSet<>(ref.keySet());
        missing.removeAll(ours.keySet());
        // only the 2-D skeleton columns, whose plugin another branch adds
        assertThat(missing).containsExactlyInAnyOrder("Average_Branch_Length_0", "Number_of_Branches_0",
                "Diameter_0", "Euclidean_Diameter_0", "Number_of_Holes_0", "Center_of_the_Skeleton_0",
                "Center_of_the_Skeleton_1", "Terminal_1_0", "Terminal_1_1", "Terminal_2_0", "Terminal_2_1",
                "Length_of_the_Skeleton_0");
        assertThat(ref.keySet()).containsAll(ours.keySet());
        assertThat(ours).hasSize(26);
        for (String name : ours.keySet()) {
            assertThat(ours.get(name)).as(name).containsExactlyElementsOf(ref.get(name));
        }
        assertThat(Files.readAllLines(file).getFirst()).startsWith(
                "frame,labelimageId,trackId,lineageId,parentTrackId,mergerLabelId,");
    }

    @Test
    void cellTrackingChallengeEqualsIlastiks() throws IOException {
        Path dir = CellTrackingChallengeExport.write(tmp.resolve("ctc"), fx.result);
        Path ref = TrackingFixture.OUT.resolve("trk2d_raw-data_CellTrackingChallenge");
        assertThat(Files.readString(dir.resolve("res_track.txt")))
                .isEqualTo(Files.readString(ref.resolve("res_track.txt")));
        for (int t = 0; t < TrackingFixture.T; t++) {
            String name = String.format("mask%03d.tif", t);
            try (TiffSource ours = TiffSource.open(dir.resolve(name));
                    TiffSource theirs = TiffSource.open(ref.resolve(name))) {
                assertThat(ours.dtype()).isEqualTo(theirs.dtype());
                assertThat(ours.shape()).isEqualTo(theirs.shape());
                Block a = ours.read(Box.ofShape(ours.shape()));
                Block b = theirs.read(Box.ofShape(theirs.shape()));
                assertThat((short[]) a.data()).as(name).isEqualTo((short[]) b.data());
            }
        }
    }

    @Test
    void contoursEqualIlastiksByteForByte() throws IOException {
        Path file = ContoursExport.write(tmp.resolve("c.outline"), fx.result);
        assertThat(Files.readString(file))
                .isEqualTo(Files.readString(TrackingFixture.OUT.resolve("trk2d_raw-data_Contours.outline")));
    }

    @Test
    void multiWormTrackerEqualsIlastiksByteForByte() throws IOException {
        List<Path> files = MultiWormTrackerExport.write(tmp.resolve("m"), fx.result, features);
        assertThat(Files.readString(files.get(0))).isEqualTo(Files.readString(TrackingFixture.OUT
                .resolve("trk2d_raw-data_Multi-Worm-Tracker.summary")));
        assertThat(Files.readString(files.get(1))).isEqualTo(Files.readString(TrackingFixture.OUT
                .resolve("trk2d_raw-data_Multi-Worm-Tracker.blobs")));
    }

    private static Map<String, List<String>> columns(List<String> lines) {
        String[] header = lines.getFirst().split(",");
        Map<String, List<String>> out = new HashMap<>();
        for (String h : header) {
            out.put(h, new ArrayList<>());
        }
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            for (int i = 0; i < header.length; i++) {
                out.get(header[i]).add(c[i]);
            }
        }
        return out;
    }
}
