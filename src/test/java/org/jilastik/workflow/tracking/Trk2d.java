package org.jilastik.workflow.tracking;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jilastik.array.Box;
import org.jilastik.io.hdf5.Hdf5Source;
import org.jilastik.workflow.objects.ConnectedComponents;

/**
 * The tracking-2dt inputs as the tracking core sees them: per-frame connected components of trk2d_seg.h5, centres
 * = pixel means (x, y), sizes, and the classifier probabilities recovered from the recorded dpct model
 * (detProb_k = exp(−E_k) rounded to float32, divProb = exp(−E_div[1]) rounded to float32; clipped detection
 * energies map back to probabilities that clip the same way).
 */
final class Trk2d {
    static final int T = 8;
    static final int H = 128;
    static final int W = 128;

    static final TrackingParameters PARAMS = new TrackingParameters(2, true, 0.1, true, true, 200, 3, 10, 500, 500,
            10, 10, new double[] {1, 1, 1}, 3, 1000001, 0);

    final int[][] labels = new int[T][];
    final List<FrameObjects> objects = new ArrayList<>();

    Trk2d() throws IOException {
        SolverIo io = SolverIo.read("trk2d_0_trackFlowBased.json");
        Map<String, Object> uuids = SolverIo.map(SolverIo.map(io.json().get("model")).get("traxelToUniqueId"));
        List<Object> segs = SolverIo.list(SolverIo.map(io.json().get("model")).get("segmentationHypotheses"));
        try (Hdf5Source seg = Hdf5Source.open(SolverIo.DIR.resolve("trk2d_seg.h5"), "data", "seg")) {
            for (int t = 0; t < T; t++) {
                var block = seg.read(new Box(new long[] {t, 0, 0}, new long[] {t + 1, H, W}));
                int[] v = new int[H * W];
                for (int i = 0; i < v.length; i++) {
                    v[i] = (int) block.getDouble(i);
                }
                ConnectedComponents.Labels cc = ConnectedComponents.label(v, new int[] {1, H, W});
                labels[t] = cc.labels();
                int n = cc.count();
                double[] sx = new double[n + 1];
                double[] sy = new double[n + 1];
                long[] count = new long[n + 1];
                for (int y = 0; y < H; y++) {
                    for (int x = 0; x < W; x++) {
                        int l = cc.labels()[y * W + x];
                        sx[l] += x;
                        sy[l] += y;
                        count[l]++;
                    }
                }
                int[] ids = new int[n];
                double[][] centers = new double[n][];
                long[] sizes = new long[n];
                double[][] det = new double[n][];
                double[] div = new double[n];
                Map<String, Object> frameUuids = SolverIo.map(uuids.get(Integer.toString(t)));
                for (int i = 0; i < n; i++) {
                    ids[i] = i + 1;
                    centers[i] = new double[] {sx[i + 1] / count[i + 1], sy[i + 1] / count[i + 1]};
                    sizes[i] = count[i + 1];
                    int uuid = ((Number) frameUuids.get(Integer.toString(i + 1))).intValue();
                    Map<String, Object> s = SolverIo.map(segs.get(uuid));
                    double[] e = SolverIo.states(s.get("features"));
                    det[i] = new double[e.length];
                    for (int k = 0; k < e.length; k++) {
                        det[i][k] = probability(e[k]);
                    }
                    double[] d = SolverIo.states(s.get("divisionFeatures"));
                    // No division features: divProb <= 0.1; any such value builds the same graph.
                    div[i] = d == null ? 0.0 : (float) Math.exp(-d[1]);
                }
                objects.add(new FrameObjects(t, ids, centers, sizes, det, div));
            }
        }
    }

    private static double probability(double energy) {
        if (energy == -Math.log(1e-7)) {
            return 0.0;
        }
        if (energy == -Math.log(0.99999999)) {
            return 1.0;
        }
        return (float) Math.exp(-energy);
    }

    FrameLabels frameLabels() {
        return new FrameLabels() {
            @Override
            public int frameCount() {
                return T;
            }

            @Override
            public long[] frameShape() {
                return new long[] {H, W};
            }

            @Override
            public int[] frame(int t) {
                return labels[t];
            }
        };
    }
}
