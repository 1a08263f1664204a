package org.jilastik.workflow.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.jilastik.workflow.tracking.graph.FieldOfView;
import org.jilastik.workflow.tracking.graph.GraphBuilder;
import org.jilastik.workflow.tracking.graph.HypothesesGraph;
import org.jilastik.workflow.tracking.graph.ModelBuilder;
import org.jilastik.workflow.tracking.solver.Energy;
import org.jilastik.workflow.tracking.solver.Solution;
import org.jilastik.workflow.tracking.solver.SuccessiveShortestPaths;
import org.jilastik.workflow.tracking.solver.TrackingModel;
import org.jilastik.workflow.tracking.solver.Weights;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins the exact solution (every node, link and division value, hence the tie-breaking among equal-cost paths) of
 * the flow solver on medium random problems. The expected digests and energies were recorded with the solver as
 * it was before the search was optimised (issue 14, 2026-11-24); any change in which path wins a tie shows up here.
 * Two families: synthetic random-walk scenes through the real graph and energy builders (as {@code TrackingTiming}),
 * and hand-made models with small integer costs, where equal-cost paths are everywhere.
 */
class SuccessiveShortestPathsRegressionTest {

    static Stream<Arguments> scenes() {
        // frames, objects, seed, maxObj, divisions, expected digest, expected energy
        return Stream.of(
                Arguments.of(20, 80, 1L, 2, true, 1017842269755061315L, 21501.23216438942),
                Arguments.of(30, 60, 2L, 1, true, -8324199692746513712L, 32608.621914600008),
                Arguments.of(40, 50, 3L, 2, false, -9163432049535309609L, 45543.156755052594),
                Arguments.of(25, 120, 4L, 1, false, 5806732971592984775L, 42073.7010297288),
                Arguments.of(30, 100, 5L, 2, true, -7268678752307174903L, 42134.56672914649));
    }

    @ParameterizedTest
    @MethodSource("scenes")
    void syntheticScenesKeepTheirSolution(int frames, int objects, long seed, int maxObj, boolean divisions,
            long digest, double energy) {
        TrackingParameters p = new TrackingParameters(maxObj, divisions, 0.1, true, false, 200, 3, 10, 500, 500, 10,
                10, new double[] {1, 1, 1}, 3, 1000001, 0);
        FieldOfView fov = new FieldOfView(frames, new long[] {512, 512}, p.scales(), 10);
        HypothesesGraph g = GraphBuilder.build(scene(frames, objects, new Random(seed)), p).graph();
        TrackingModel model = ModelBuilder.build(g, p, fov, true);
        Weights w = ModelBuilder.weights(p);
        check(model, w, digest, energy);
    }

    static Stream<Arguments> integerModels() {
        // frames, nodes per frame, seed, maxObj, divisions, expected digest, expected energy
        return Stream.of(
                Arguments.of(20, 15, 11L, 2, true, 2651637037663883635L, -1249.0),
                Arguments.of(25, 20, 12L, 1, true, -3714959781428206951L, -1509.0),
                Arguments.of(30, 12, 13L, 3, false, 6221612983280857477L, -2200.0),
                Arguments.of(20, 25, 14L, 2, false, 2733746698875344598L, -2352.0),
                Arguments.of(35, 10, 15L, 1, false, -7366998467799530659L, -1045.0),
                Arguments.of(30, 18, 16L, 2, true, 7732854481363998731L, -2519.0));
    }

    @ParameterizedTest
    @MethodSource("integerModels")
    void integerCostModelsKeepTheirSolution(int frames, int perFrame, long seed, int maxObj, boolean divisions,
            long digest, double energy) {
        TrackingModel model = integerModel(frames, perFrame, new Random(seed), maxObj, divisions);
        Weights w = divisions ? new Weights(1, 1, 1, 1, 1) : Weights.UNIT;
        check(model, w, digest, energy);
    }

    private static void check(TrackingModel model, Weights w, long digest, double energy) {
        Solution s = new SuccessiveShortestPaths().solve(model, w);
        double e = Energy.of(model, w, s);
        assertThat(active(s)).as("active nodes").isGreaterThan(0);
        assertThat(SolutionDigest.of(s)).as("digest of node, link and division values").isEqualTo(digest);
        assertThat(e).as("energy").isEqualTo(energy);
    }

    private static int active(Solution s) {
        int n = 0;
        for (int v : s.nodeValues()) {
            n += v > 0 ? 1 : 0;
        }
        return n;
    }

    /**
     * Frames of nodes with small integer energies (convex per node: non-decreasing increments) and links from each
     * node to 1–3 random nodes of the next frame, so that many S→T paths cost the same.
     */
    static TrackingModel integerModel(int frames, int perFrame, Random rnd, int maxObj, boolean divisions) {
        List<TrackingModel.Detection> dets = new ArrayList<>();
        List<TrackingModel.Link> links = new ArrayList<>();
        for (int t = 0; t < frames; t++) {
            for (int i = 0; i < perFrame; i++) {
                double[] det = convex(rnd, maxObj, -6, 3);
                double[] app = t == 0 || rnd.nextInt(4) == 0 ? convex(rnd, maxObj, 1, 4) : null;
                double[] dis = t == frames - 1 || rnd.nextInt(4) == 0 ? convex(rnd, maxObj, 1, 4) : null;
                double[] div = divisions && t < frames - 1 && rnd.nextInt(3) == 0
                        ? new double[] {0, rnd.nextInt(7) - 3} : null;
                dets.add(new TrackingModel.Detection(det, app, dis, div));
            }
            if (t > 0) {
                int base = (t - 1) * perFrame;
                for (int i = 0; i < perFrame; i++) {
                    int fan = 1 + rnd.nextInt(3);
                    for (int k = 0; k < fan; k++) {
                        links.add(new TrackingModel.Link(base + i, base + perFrame + rnd.nextInt(perFrame),
                                convex(rnd, maxObj, 0, 3)));
                    }
                }
            }
        }
        return new TrackingModel(dets, links);
    }

    /** Energies per state 0..maxObj starting at 0 with integer increments first in [lo, lo+span), then growing. */
    private static double[] convex(Random rnd, int maxObj, int lo, int span) {
        double[] f = new double[maxObj + 1];
        int inc = lo + rnd.nextInt(span);
        for (int k = 1; k <= maxObj; k++) {
            f[k] = f[k - 1] + inc;
            inc += rnd.nextInt(3);
        }
        return f;
    }

    /** A random-walk scene in a 512² field like {@code TrackingTiming}'s: divisions, border entries, specks. */
    static List<FrameObjects> scene(int frames, int objects, Random rnd) {
        List<double[]> pos = new ArrayList<>();
        for (int i = 0; i < objects; i++) {
            pos.add(new double[] {20 + rnd.nextDouble() * 472, 20 + rnd.nextDouble() * 472});
        }
        List<FrameObjects> out = new ArrayList<>();
        for (int t = 0; t < frames; t++) {
            List<double[]> next = new ArrayList<>();
            for (double[] c : pos) {
                next.add(new double[] {clamp(c[0] + rnd.nextGaussian() * 3), clamp(c[1] + rnd.nextGaussian() * 3)});
            }
            if (t > 0) {
                double[] m = next.get(rnd.nextInt(next.size()));
                next.add(new double[] {clamp(m[0] + 6), clamp(m[1])});
                next.add(new double[] {3, 20 + rnd.nextDouble() * 472});
            }
            pos = next;
            int n = pos.size() + 3;
            int[] ids = new int[n];
            double[][] centers = new double[n][];
            long[] sizes = new long[n];
            double[][] det = new double[n][];
            double[] div = new double[n];
            for (int i = 0; i < n; i++) {
                ids[i] = i + 1;
                boolean speck = i >= pos.size();
                centers[i] = speck ? new double[] {rnd.nextDouble() * 511, rnd.nextDouble() * 511} : pos.get(i);
                sizes[i] = speck ? 5 : 80;
                det[i] = speck ? new double[] {0.9f, 0.09f, 0.01f} : new double[] {0.02f, 0.95f, 0.03f};
                div[i] = rnd.nextInt(50) == 0 ? 0.6f : 0.02f;
            }
            out.add(new FrameObjects(t, ids, centers, sizes, det, div));
        }
        return out;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(511, v));
    }
}
