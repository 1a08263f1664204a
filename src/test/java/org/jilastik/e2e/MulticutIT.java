package org.jilastik.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jilastik.array.DType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Boundary-based Segmentation with Multicut reference case {@code multicut-2d}, its three command lines run
 * through the jar exactly as the README gives them. Each output must have ilastik's file name, dataset, dtype, shape,
 * axistags and attributes, and the same partition into segments on 100 % of the pixels (segment to segment; the
 * issue requires ≥ 99.99 %). The classifier case and the given-superpixels case also reproduce ilastik's label
 * values; the no-classifier case keeps GAEC's union-find representatives as labels, and there 5 of nifty's 85
 * representative ids differ (same segments), so values are compared only where jilastik reproduces them.
 */
class MulticutIT {
    private static final String CASE = "multicut-2d";

    @Test
    void allThreeCommandsGiveIlastiksSegmentation(@TempDir Path dir) throws IOException {
        List<CaseReadme.Command> cmds = CaseReadme.commands(CASE);
        assertThat(cmds).hasSize(3);
        Path work = Workspace.of(CASE, dir);
        for (CaseReadme.Command cmd : cmds) {
            Jilastik.Result r = Jilastik.run(work, Map.of(), cmd.args());
            assertThat(r.exitCode()).as(r.describe()).isZero();
        }
        Path refOut = CaseReadme.CASES.resolve(CASE).resolve("out");
        assertThat(Workspace.filesUnder(work.resolve("out"))).as("files written")
                .containsExactlyElementsOf(Workspace.filesUnder(refOut)).hasSize(3);
        for (String name : Workspace.filesUnder(refOut)) {
            ExportedFile ours = ExportedFile.read(work.resolve("out").resolve(name), "exported_data");
            ExportedFile ref = ExportedFile.read(refOut.resolve(name), "exported_data");
            Tolerance.sameMetadata(ours, ref);
            assertThat(ours.dtype()).isEqualTo(ref.dtype()).isEqualTo(DType.UINT32);
            assertThat(ours.shape()).isEqualTo(ref.shape()).isEqualTo(new long[] {256, 640, 1});
            int[] o = (int[]) ours.data();
            int[] e = (int[]) ref.data();
            double agreement = partitionAgreement(o, e);
            System.out.printf("multicut-2d %s: same partition on %.4f%% of pixels%n", name, 100 * agreement);
            assertThat(agreement).as("share of pixels in matching segments of %s", name).isEqualTo(1.0);
            if (!name.contains("norf")) {
                assertThat(o).as("label values of %s", name).isEqualTo(e);
            }
        }
    }

    /**
     * Share of pixels whose segment pair (ours, ilastik's) is the mutual best match: each of our segments is matched
     * to the ilastik segment it overlaps most and vice versa; pixels of mutually matched pairs agree.
     */
    static double partitionAgreement(int[] ours, int[] ref) {
        Map<Long, Integer> pairs = new HashMap<>();
        for (int i = 0; i < ours.length; i++) {
            pairs.merge(((long) ours[i] << 32) | (ref[i] & 0xffffffffL), 1, Integer::sum);
        }
        Map<Integer, long[]> bestOurs = new HashMap<>();
        Map<Integer, long[]> bestRef = new HashMap<>();
        for (Map.Entry<Long, Integer> en : pairs.entrySet()) {
            int a = (int) (en.getKey() >>> 32);
            int b = (int) (long) en.getKey();
            long c = en.getValue();
            bestOurs.merge(a, new long[] {c, b}, (x, y) -> y[0] > x[0] ? y : x);
            bestRef.merge(b, new long[] {c, a}, (x, y) -> y[0] > x[0] ? y : x);
        }
        long ok = 0;
        for (Map.Entry<Long, Integer> en : pairs.entrySet()) {
            int a = (int) (en.getKey() >>> 32);
            int b = (int) (long) en.getKey();
            if (bestOurs.get(a)[1] == b && bestRef.get(b)[1] == a) {
                ok += en.getValue();
            }
        }
        return (double) ok / ours.length;
    }
}
