package org.jilastik.workflow.tracking;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jilastik.workflow.tracking.graph.FieldOfView;
import org.jilastik.workflow.tracking.graph.GraphBuilder;
import org.jilastik.workflow.tracking.graph.HypothesesGraph;
import org.jilastik.workflow.tracking.graph.ModelBuilder;
import org.jilastik.workflow.tracking.solver.Solution;
import org.jilastik.workflow.tracking.solver.SuccessiveShortestPaths;
import org.jilastik.workflow.tracking.solver.TrackingModel;

/**
 * Wall-clock timing of hypotheses graph + energies + flow solver on a synthetic 2D+t problem (not a JMH benchmark:
 * one solve takes seconds). Objects random-walk (σ 2 px/frame) in a 1024² field, a few per frame divide, enter or
 * are false detections; probabilities are fixed per kind. Usage:
 * {@code java -cp target/classes:target/jmh-classes org.jilastik.workflow.tracking.TrackingTiming [frames] [objects] [repeats]}.
 */
public final class TrackingTiming {
    private TrackingTiming() {
    }

    public static void main(String[] args) {
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int objects = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<FrameObjects> data = synthetic(frames, objects, new Random(20261124));
        TrackingParameters p = new TrackingParameters(2, true, 0.1, true, false, 200, 3, 10, 500, 500, 10, 10,
                new double[] {1, 1, 1}, 3, 1000001, 0);
        FieldOfView fov = new FieldOfView(frames, new long[] {1024, 1024}, p.scales(), 10);
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            HypothesesGraph g = GraphBuilder.build(data, p).graph();
            TrackingModel model = ModelBuilder.build(g, p, fov, true);
            long t1 = System.nanoTime();
            Solution s = new SuccessiveShortestPaths().solve(model, ModelBuilder.weights(p));
            long t2 = System.nanoTime();
            int active = 0;
            for (int v : s.nodeValues()) {
                active += v > 0 ? 1 : 0;
            }
            System.out.printf("nodes %d links %d active %d: graph+energies %.3f s, flow solver %.3f s, digest %d%n",
                    g.nodeCount(), g.linkCount(), active, (t1 - t0) / 1e9, (t2 - t1) / 1e9, SolutionDigest.of(s));
        }
    }

    static List<FrameObjects> synthetic(int frames, int objects, Random rnd) {
        List<double[]> pos = new ArrayList<>();
        for (int i = 0; i < objects; i++) {
            pos.add(new double[] {20 + rnd.nextDouble() * 984, 20 + rnd.nextDouble() * 984});
        }
        List<FrameObjects> out = new ArrayList<>();
        for (int t = 0; t < frames; t++) {
            List<double[]> next = new ArrayList<>();
            for (double[] c : pos) {
                next.add(new double[] {clamp(c[0] + rnd.nextGaussian() * 2), clamp(c[1] + rnd.nextGaussian() * 2)});
            }
            if (t > 0) {
                for (int d = 0; d < 2; d++) { // two divisions per frame
                    double[] m = next.get(rnd.nextInt(next.size()));
                    next.add(new double[] {clamp(m[0] + 6), clamp(m[1])});
                }
                next.add(new double[] {3, 20 + rnd.nextDouble() * 984}); // one entering at the border
            }
            pos = next;
            int n = pos.size() + 3; // plus three false detections
            int[] ids = new int[n];
            double[][] centers = new double[n][];
            long[] sizes = new long[n];
            double[][] det = new double[n][];
            double[] div = new double[n];
            for (int i = 0; i < n; i++) {
                ids[i] = i + 1;
                boolean speck = i >= pos.size();
                centers[i] = speck ? new double[] {rnd.nextDouble() * 1023, rnd.nextDouble() * 1023} : pos.get(i);
                sizes[i] = speck ? 5 : 80;
                det[i] = speck ? new double[] {0.9f, 0.09f, 0.01f} : new double[] {0.02f, 0.95f, 0.03f};
                div[i] = rnd.nextInt(50) == 0 ? 0.6f : 0.02f;
            }
            out.add(new FrameObjects(t, ids, centers, sizes, det, div));
        }
        return out;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1023, v));
    }
}
