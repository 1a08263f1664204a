package org.jilastik.workflow.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.jilastik.error.JilastikException;
import org.jilastik.workflow.tracking.solver.PythonSetOrder;
import org.jilastik.workflow.tracking.solver.SplitPoints;
import org.junit.jupiter.api.Test;

/**
 * hytra's split tracking ({@code numFramesPerSplit}) on a hand-built 10-frame sequence, maxObj 1, k = 1 neighbour,
 * maxDist 30, all detections p = (0.05, 0.95):
 * <ul>
 * <li>A moves 2 px per frame through all frames (crosses both window borders); A@7 may divide (divProb 0.3) but
 * has only one neighbour, so it never does;
 * <li>B sits at (60, 60) in frames 0–2 and divides (divProb 0.9) into B1 (57, 60) and B2 (64, 60) from frame 3
 * on: a division across the first window border;
 * <li>C sits at (60, 100) in frames 0–4 and divides (divProb 0.9) into C1 (57, 100) and C2 (64, 100) in frame 5,
 * the last frame of the second window; C1 steps to x = 56 in frame 6 and stays, C2 stays.
 * </ul>
 * With n = 3 and L = 9 there are 9 / 3 = 3 windows; all frame scores are equal, so the cuts sit one frame before
 * 3 and 6: windows [0, 2], [3, 5], [6, 9]. Derivation of the stitched result (see {@code TrackletStitching}): the
 * windows give the true tracks, C's division inside window 2. Tracklets of window 2 are A, B1, B2 and the tree
 * {C3 = node 12, C4 = 16, C1@5 = 20, C2@5 = 21} (the division does not end a tracklet); Python iterates that set as
 * 16, 21, 12, 20, so its latest node is C2@5, and its division features are those of node 21 (none). The
 * stitching solve lets B's tracklet (division features of B@2) divide into B1 and B2 across the border, links the
 * C tree to window 3's C2 (a stationary link, −230) rather than to C1 (a 1 px step, −15), expanded to C2@5 → C2@6,
 * and lets window 3's C1 appear (500) instead of dropping it. The stitched solution carries no divisions, so
 * hytra's lineage gives B, B1 and B2 one track, C, C2 and C1@5 another, and C1 from frame 6 a new one.
 */
class SplitTrackingTest {
    private static final int T = 10;

    static TrackingParameters params(int framesPerSplit) {
        return new TrackingParameters(1, true, 0.1, false, false, 30, 1, 10, 500, 500, 10, 10,
                new double[] {1, 1, 1}, 3, 1000, framesPerSplit);
    }

    static List<FrameObjects> scene(double divProbA7) {
        return scene(divProbA7, false);
    }

    /** {@code c2Steps}: C2 instead of C1 takes the 1 px step in frame 6. */
    static List<FrameObjects> scene(double divProbA7, boolean c2Steps) {
        List<FrameObjects> frames = new ArrayList<>();
        for (int t = 0; t < T; t++) {
            List<double[]> c = new ArrayList<>();
            List<Double> div = new ArrayList<>();
            c.add(new double[] {10 + 2 * t, 20});
            div.add(t == 7 ? divProbA7 : 0.0);
            if (t <= 2) {
                c.add(new double[] {60, 60});
                div.add(t == 2 ? 0.9 : 0.0);
            } else {
                c.add(new double[] {57, 60});
                div.add(0.0);
                c.add(new double[] {64, 60});
                div.add(0.0);
            }
            if (t <= 4) {
                c.add(new double[] {60, 100});
                div.add(t == 4 ? 0.9 : 0.0);
            } else {
                c.add(new double[] {t == 5 || c2Steps ? 57 : 56, 100});
                div.add(0.0);
                c.add(new double[] {t == 5 || !c2Steps ? 64 : 65, 100});
                div.add(0.0);
            }
            int n = c.size();
            int[] ids = new int[n];
            long[] sizes = new long[n];
            double[][] det = new double[n][];
            double[] divProb = new double[n];
            for (int i = 0; i < n; i++) {
                ids[i] = i + 1;
                sizes[i] = 50;
                det[i] = new double[] {0.05, 0.95};
                divProb[i] = div.get(i);
            }
            frames.add(new FrameObjects(t, ids, c.toArray(new double[0][]), sizes, det, divProb));
        }
        return frames;
    }

    static FrameLabels labels() {
        return new FrameLabels() {
            @Override
            public int frameCount() {
                return T;
            }

            @Override
            public long[] frameShape() {
                return new long[] {128, 128};
            }

            @Override
            public int[] frame(int t) {
                return new int[128 * 128];
            }
        };
    }

    private static List<String> table(TrackingResult r) {
        List<String> rows = new ArrayList<>();
        for (TrackingResult.Node n : r.nodes()) {
            rows.add(n.frame() + "," + n.labelImageId() + "," + n.value() + "," + n.trackId() + ","
                    + n.lineageId() + "," + n.parentTrackId());
        }
        return rows;
    }

    private static List<String> links(TrackingResult r) {
        return r.links().stream().map(l -> l[0] + ":" + l[1] + ">" + l[2]).sorted().toList();
    }

    private static List<String> expectedTable() {
        List<String> rows = new ArrayList<>();
        for (int t = 0; t < T; t++) {
            rows.add(t + ",1,1,2,2,0");
            if (t <= 2) {
                rows.add(t + ",2,1,3,3,0");
                rows.add(t + ",3,1,4,4,0");
            } else {
                rows.add(t + ",2,1,3,3,0");
                rows.add(t + ",3,1,3,3,0");
                if (t <= 4) {
                    rows.add(t + ",4,1,4,4,0");
                } else {
                    rows.add(t + ",4,1," + (t == 5 ? "4,4" : "5,5") + ",0");
                    rows.add(t + ",5,1,4,4,0");
                }
            }
        }
        return rows;
    }

    private static List<String> expectedLinks() {
        List<String> l = new ArrayList<>();
        for (int t = 0; t < T - 1; t++) {
            l.add(t + ":1>1");
        }
        l.addAll(List.of("0:2>2", "1:2>2", "2:2>2", "2:2>3", "0:3>3", "1:3>3", "2:3>4", "3:4>4", "4:4>4", "4:4>5"));
        for (int t = 3; t < T - 1; t++) {
            l.add(t + ":2>2");
            l.add(t + ":3>3");
        }
        for (int t = 6; t < T - 1; t++) {
            l.add(t + ":4>4");
        }
        for (int t = 5; t < T - 1; t++) {
            l.add(t + ":5>5");
        }
        return l.stream().sorted().toList();
    }

    @Test
    void threeWindowsAreStitchedAsHytraDoes() {
        TrackingResult r = new ConservationTracker().track(labels(), scene(0.3), params(3));
        assertThat(table(r)).containsExactlyElementsOf(expectedTable());
        assertThat(links(r)).containsExactlyElementsOf(expectedLinks());
        assertThat(r.divisions()).isEmpty();
    }

    @Test
    void exactSolverPerWindowGivesTheSameStitchedTracks() {
        TrackingResult r = ConservationTracker.of(ConservationTracker.SolverChoice.EXACT).track(labels(),
                scene(0.3), params(3));
        assertThat(table(r)).containsExactlyElementsOf(expectedTable());
        assertThat(links(r)).containsExactlyElementsOf(expectedLinks());
    }

    @Test
    void windowsAsLongAsHalfTheSequenceGiveTheUnsplitResult() {
        TrackingResult whole = new ConservationTracker().track(labels(), scene(0.3), params(0));
        // the unsplit solve keeps both divisions: what makes the split result above differ
        assertThat(whole.divisions()).containsExactly(new int[] {2, 2, 2, 3}, new int[] {4, 4, 4, 5});
        for (int n : new int[] {5, 9, 10, 1000}) {
            TrackingResult r = new ConservationTracker().track(labels(), scene(0.3), params(n));
            assertThat(table(r)).as("n = %d", n).containsExactlyElementsOf(table(whole));
            assertThat(links(r)).as("n = %d", n).containsExactlyElementsOf(links(whole));
            assertThat(r.divisions()).as("n = %d", n).containsExactlyElementsOf(whole.divisions());
        }
        assertThat(table(whole)).isNotEqualTo(expectedTable());
    }

    @Test
    void stitchingAcrossAMissingLinkFailsAsInIlastik() {
        // C2 steps instead of C1: the stitch links the C tree to window 3's C1 (stationary), and expands that
        // to (latest node of the tree = C2@5, C1@6), which is no link hypothesis: hytra's insertSolution fails
        assertThatThrownBy(() -> new ConservationTracker().track(labels(), scene(0.3, true), params(3)))
                .isInstanceOf(JilastikException.class).hasMessageContaining("no link hypothesis");
    }

    @Test
    void pythonSetOrderIsCPythons() {
        // expected orders printed by CPython 3.11 for sets built by add() in the given order
        assertThat(PythonSetOrder.iterationOrder(new int[] {12, 16, 20, 21})).containsExactly(16, 21, 12, 20);
        assertThat(PythonSetOrder.iterationOrder(new int[] {2, 14, 23, 27})).containsExactly(2, 27, 14, 23);
        assertThat(PythonSetOrder.iterationOrder(new int[] {0, 8, 16, 24, 32, 40, 1, 9}))
                .containsExactly(0, 32, 1, 8, 40, 9, 16, 24);
        assertThat(PythonSetOrder.iterationOrder(new int[] {100, 103, 106, 109, 112, 115, 118, 121, 124, 127, 130,
            133, 136, 139})).containsExactly(130, 100, 133, 103, 136, 106, 139, 109, 112, 115, 118, 121, 124, 127);
        assertThat(PythonSetOrder.iterationOrder(new int[] {1284, 814, 2208, 2776, 2562, 838, 744, 2828, 806, 1569,
            1223, 88, 1479, 1699, 679, 596, 1080, 266, 1359, 1234, 2470, 2400, 13})).containsExactly(2562, 1284, 266,
                2828, 13, 2208, 1569, 1699, 806, 679, 2470, 814, 1080, 838, 1223, 1479, 1359, 1234, 596, 2776, 88,
                2400, 744);
    }

    @Test
    void tooFewFramesPerSplitFailAsInIlastik() {
        assertThatThrownBy(() -> new ConservationTracker().track(labels(), scene(0.3), params(2)))
                .isInstanceOf(JilastikException.class).hasMessageContaining("numFramesPerSplit = 2");
        // 10 frames, n = 1 and −1: L = 9 > 2n, so hytra reaches its assertion too
        assertThatThrownBy(() -> new ConservationTracker().track(labels(), scene(0.3), params(-1)))
                .isInstanceOf(JilastikException.class);
    }

    @Test
    void aWindowWithoutDivisionCandidatesFailsAsDpctRejectsTheWeights() {
        // without A@7's division candidate the last window [6, 9] has none while the whole sequence has two
        assertThatThrownBy(() -> new ConservationTracker().track(labels(), scene(0.0), params(3)))
                .isInstanceOf(JilastikException.class).hasMessageContaining("frames 6–9");
    }

    @Test
    void cutsFollowTheMostConfidentFramePairNearTheWantedCut() {
        double[] flat = new double[10];
        assertThat(SplitPoints.windowEnds(flat, 3)).containsExactly(2, 5, 9);
        double[] c = new double[10];
        c[4] = 1; // pair (3, 4) beats (2, 3); pair (6, 7) beats (5, 6)
        c[7] = 1;
        assertThat(SplitPoints.windowEnds(c, 3)).containsExactly(3, 6, 9);
        assertThat(SplitPoints.windowEnds(new double[11], 4)).containsExactly(3, 10);
        // n >= 20: the best pair within 10 frames of the wanted cut, 60 frames, n = 20 → cuts near 20 and 40
        double[] wide = new double[61];
        wide[11] = 5;
        wide[12] = 5; // pair (11, 12) is inside [10, 30)
        wide[50] = 3;
        wide[51] = 3; // pair (50, 51) starts outside [30, 50): only pair (49, 50) reaches into it
        assertThat(SplitPoints.windowEnds(wide, 20)).containsExactly(11, 49, 60);
    }
}
