package org.jilastik.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jilastik.array.DType;
import org.jilastik.io.hdf5.Hdf5Editor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code numFramesPerSplit} through the jar on copies of the tracking-2dt project with the stored value edited
 * (there is no ilastik reference for split tracking): with the stored settings and 3 frames per split the run
 * fails with one sentence, as hytra's stitching does on this data (see SplitTrackingReferenceTest); with
 * divisions off it succeeds, differs from the unsplit run and its CSV-Table is a self-consistent tracking (every
 * used object on a track, lineage = track, no parents, a track at most once per frame over consecutive frames).
 */
class SplitTrackingIT {
    private static final String CASE = "tracking-2dt";
    private static final String PARAMS = "ConservationTracking/Parameters/";

    private static Path project(Path dir, int framesPerSplit, boolean divisions) throws IOException {
        Path work = Workspace.of(CASE, Files.createDirectories(dir));
        Path ilp = work.resolve("trk2d_tracking.ilp");
        Path original = Files.readSymbolicLink(ilp);
        Files.delete(ilp);
        Files.copy(original, ilp);
        try (Hdf5Editor e = Hdf5Editor.openReadWrite(ilp)) {
            e.writeNumeric(PARAMS + "numFramesPerSplit", DType.INT64, null, new long[] {framesPerSplit}, 0);
            e.writeBools(PARAMS + "withDivisions", null, new boolean[] {divisions});
        }
        return work;
    }

    private static Jilastik.Result csv(Path work) {
        return Jilastik.run(work, Map.of(), List.of("--headless", "--project=trk2d_tracking.ilp",
                "--raw_data=trk2d_raw.h5/data", "--segmentation_image=trk2d_seg.h5/data", "--export_source=Plugin",
                "--export_plugin=CSV-Table", "--output_filename_format=out/{nickname}_{result_type}"));
    }

    /** frame, labelimageId, trackId, lineageId, parentTrackId per CSV row. */
    private static List<int[]> idColumns(Path work) throws IOException {
        List<String> lines = Files.readAllLines(work.resolve("out/trk2d_raw-data_CSV-Table.csv"));
        List<int[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            rows.add(new int[] {Integer.parseInt(c[0]), Integer.parseInt(c[1]), Integer.parseInt(c[2]),
                Integer.parseInt(c[3]), Integer.parseInt(c[4])});
        }
        return rows;
    }

    @Test
    void storedSettingsWithThreeFramesPerSplitFailWithOneSentence(@TempDir Path dir) throws IOException {
        Path work = project(dir, 3, true);
        Jilastik.Result r = csv(work);
        assertThat(r.exitCode()).as(r.describe()).isEqualTo(1);
        assertThat(r.stderr()).as(r.describe()).hasSize(1);
        assertThat(r.stderr().getFirst()).contains("numFramesPerSplit").contains("no link hypothesis");
    }

    @Test
    void withoutDivisionsThreeFramesPerSplitGiveASelfConsistentTracking(@TempDir Path dir) throws IOException {
        Path split = project(dir.resolve("split"), 3, false);
        Path whole = project(dir.resolve("whole"), 0, false);
        for (Path work : List.of(split, whole)) {
            Jilastik.Result r = csv(work);
            assertThat(r.exitCode()).as(r.describe()).isZero();
        }
        List<int[]> rows = idColumns(split);
        List<int[]> unsplit = idColumns(whole);
        // the windows change the answer, so the stored value is applied
        assertThat(rows.stream().map(java.util.Arrays::toString).toList())
                .isNotEqualTo(unsplit.stream().map(java.util.Arrays::toString).toList());
        Map<Integer, List<Integer>> framesOfTrack = new HashMap<>();
        for (int[] row : rows) {
            String at = row[0] + "/" + row[1];
            assertThat(row[4]).as(at).isZero();
            if (row[2] >= 0) {
                assertThat(row[2]).as(at).isGreaterThanOrEqualTo(2);
                assertThat(row[3]).as(at).isEqualTo(row[2]);
                framesOfTrack.computeIfAbsent(row[2], k -> new ArrayList<>()).add(row[0]);
            } else {
                assertThat(row[2]).as(at).isEqualTo(-1);
            }
        }
        for (Map.Entry<Integer, List<Integer>> e : framesOfTrack.entrySet()) {
            List<Integer> f = e.getValue();
            for (int i = 1; i < f.size(); i++) {
                assertThat(f.get(i)).as("frames of track %d: %s", e.getKey(), f).isEqualTo(f.get(i - 1) + 1);
            }
        }
    }
}
