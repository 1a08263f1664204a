package org.jilastik.workflow.tracking.solver;

import java.util.Arrays;
import java.util.List;

/**
 * dpct's flow-based tracking ({@code trackFlowBased}, and {@code trackMaxFlow} for models without divisions) as
 * spec tracking §2.7 reconstructs it: successive shortest paths with unit augmentations on a residual graph.
 *
 * <p>Flow network. Source S and sink T; per node n an in-vertex and an out-vertex joined by one node arc of
 * capacity K (the node's largest object count) whose k-th unit costs {@code detW·(det[k] − det[k−1])}; an
 * appearance arc S→n_in and a disappearance arc n_out→T priced likewise from their feature vectors (absent where
 * the node has none); per link an arc u_out→v_in of capacity K priced from its transition features; per node that
 * may divide a division vertex n_div with an arc S→n_div of cost {@code divW·(div[1] − div[0])} and arcs
 * n_div→v_in that reuse the node's link arcs. Convex feature vectors make the unit costs non-decreasing, so a
 * multi-unit arc is one arc with a flow counter: forward costs the next unit's increment, backward refunds the
 * last one.
 *
 * <p>Division rules: the division arc is open while n carries exactly one unit, has no disappearance and has not
 * divided; once used, n's node arc is frozen in both directions, its disappearance arc is closed and each of its
 * links may carry at most one unit (dpct's {@code requireSeparateChildrenOfDivision}).
 *
 * <p>Search: Bellman–Ford from S in queue order (FIFO, arcs in creation order, strict improvement only), so the
 * result is deterministic. While the cheapest S→T path costs less than 0, one unit is pushed along it; a
 * predecessor chain that does not lead back to S (a cycle) ends the optimisation, as in dpct.
 *
 * <p>Stateless; each {@link #solve} call builds its own network, so instances are thread safe.
 */
public final class SuccessiveShortestPaths implements TrackingSolver {
    private static final int NODE = 0;
    private static final int APPEAR = 1;
    private static final int DISAPPEAR = 2;
    private static final int DIVIDE = 3;
    private static final int LINK = 4;

    @Override
    public Solution solve(TrackingModel model, Weights weights) {
        return new Network(model, weights).optimise();
    }

    /** The residual network of one solve; arrays indexed by arc id or vertex id. */
    private static final class Network {
        private final TrackingModel model;
        private final int nodes;
        private final int vertices;
        private int arcs;
        private int[] from = new int[16];
        private int[] to = new int[16];
        private int[] kind = new int[16];
        private int[] owner = new int[16];
        private int[] flow = new int[16];
        private double[][] unitCosts = new double[16][];
        private final int[] nodeArc;
        private final int[] disArc;
        private final int[] divVertex;
        private final int[] linkArc;
        private final boolean[] divided;
        /** Residual moves per vertex: {@code arc * 4 + mode}, mode 0 forward, 1 backward, 2 forward from n_div. */
        private final int[][] moves;

        Network(TrackingModel model, Weights w) {
            this.model = model;
            List<TrackingModel.Detection> dets = model.detections();
            nodes = dets.size();
            nodeArc = new int[nodes];
            disArc = new int[nodes];
            divVertex = new int[nodes];
            divided = new boolean[nodes];
            Arrays.fill(disArc, -1);
            Arrays.fill(divVertex, -1);
            int nextVertex = 2 + 2 * nodes;
            for (int n = 0; n < nodes; n++) {
                TrackingModel.Detection d = dets.get(n);
                nodeArc[n] = addArc(in(n), out(n), NODE, n, increments(d.features(), w.detection()));
                if (d.appearance() != null) {
                    addArc(0, in(n), APPEAR, n, increments(d.appearance(), w.appearance()));
                }
                if (d.disappearance() != null) {
                    disArc[n] = addArc(out(n), 1, DISAPPEAR, n, increments(d.disappearance(), w.disappearance()));
                }
                if (d.division() != null) {
                    divVertex[n] = nextVertex++;
                    addArc(0, divVertex[n], DIVIDE, n,
                            new double[] {w.division() * (d.division()[1] - d.division()[0])});
                }
            }
            vertices = nextVertex;
            List<TrackingModel.Link> links = model.links();
            linkArc = new int[links.size()];
            for (int l = 0; l < links.size(); l++) {
                TrackingModel.Link link = links.get(l);
                linkArc[l] = addArc(out(link.src()), in(link.dest()), LINK, l,
                        increments(link.features(), w.transition()));
            }
            int[] counts = new int[vertices];
            for (int a = 0; a < arcs; a++) {
                counts[from[a]]++;
                counts[to[a]]++;
                if (kind[a] == LINK && divVertex[links.get(owner[a]).src()] >= 0) {
                    counts[divVertex[links.get(owner[a]).src()]]++;
                }
            }
            moves = new int[vertices][];
            for (int v = 0; v < vertices; v++) {
                moves[v] = new int[counts[v]];
            }
            Arrays.fill(counts, 0);
            for (int a = 0; a < arcs; a++) {
                moves[from[a]][counts[from[a]]++] = a * 4;
                moves[to[a]][counts[to[a]]++] = a * 4 + 1;
                if (kind[a] == LINK) {
                    int dv = divVertex[links.get(owner[a]).src()];
                    if (dv >= 0) {
                        moves[dv][counts[dv]++] = a * 4 + 2;
                    }
                }
            }
        }

        private static int in(int n) {
            return 2 + 2 * n;
        }

        private static int out(int n) {
            return 3 + 2 * n;
        }

        /** Weighted cost of the k-th unit, k = 1..K: {@code w·(f[k] − f[k−1])}. */
        private static double[] increments(double[] features, double weight) {
            double[] inc = new double[features.length - 1];
            for (int k = 1; k < features.length; k++) {
                inc[k - 1] = weight * features[k] - weight * features[k - 1];
            }
            return inc;
        }

        private int addArc(int u, int v, int k, int own, double[] costs) {
            if (arcs == from.length) {
                int n = arcs * 2;
                from = Arrays.copyOf(from, n);
                to = Arrays.copyOf(to, n);
                kind = Arrays.copyOf(kind, n);
                owner = Arrays.copyOf(owner, n);
                flow = Arrays.copyOf(flow, n);
                unitCosts = Arrays.copyOf(unitCosts, n);
            }
            from[arcs] = u;
            to[arcs] = v;
            kind[arcs] = k;
            owner[arcs] = own;
            unitCosts[arcs] = costs;
            return arcs++;
        }

        /** Cost of using move {@code m} now, or NaN when the move is closed. */
        private double moveCost(int m) {
            int a = m >>> 2;
            int mode = m & 3;
            int f = flow[a];
            double[] c = unitCosts[a];
            switch (kind[a]) {
                case NODE -> {
                    if (divided[owner[a]]) {
                        return Double.NaN;
                    }
                }
                case APPEAR, DIVIDE -> {
                    if (mode != 0) {
                        return Double.NaN; // back into S: never part of a simple S→T path
                    }
                    if (kind[a] == DIVIDE) {
                        int n = owner[a];
                        boolean open = f == 0 && flow[nodeArc[n]] == 1 && (disArc[n] < 0 || flow[disArc[n]] == 0);
                        return open ? c[0] : Double.NaN;
                    }
                }
                case DISAPPEAR -> {
                    if (mode != 0 || divided[owner[a]]) {
                        return Double.NaN;
                    }
                }
                case LINK -> {
                    if (mode == 2) {
                        return f == 0 ? c[0] : Double.NaN;
                    }
                    if (mode == 0 && divided[model.links().get(owner[a]).src()] && f > 0) {
                        return Double.NaN;
                    }
                }
                default -> throw new IllegalStateException("arc kind " + kind[a]);
            }
            if (mode == 1) {
                return f > 0 ? -c[f - 1] : Double.NaN;
            }
            return f < c.length ? c[f] : Double.NaN;
        }

        private int moveSource(int m) {
            int a = m >>> 2;
            return switch (m & 3) {
                case 0 -> from[a];
                case 1 -> to[a];
                default -> divVertex[model.links().get(owner[a]).src()];
            };
        }

        private int moveTarget(int m) {
            return (m & 3) == 1 ? from[m >>> 2] : to[m >>> 2];
        }

        Solution optimise() {
            double[] dist = new double[vertices];
            int[] pred = new int[vertices];
            int[] queue = new int[vertices + 1];
            boolean[] queued = new boolean[vertices];
            int[] seen = new int[vertices];
            int stamp = 0;
            while (true) {
                Arrays.fill(dist, Double.POSITIVE_INFINITY);
                Arrays.fill(pred, -1);
                dist[0] = 0;
                if (!shortestPaths(dist, pred, queue, queued) || !(dist[1] < 0)) {
                    break;
                }
                // Walk the predecessor chain back from T; a repeated vertex means no valid path.
                stamp++;
                int v = 1;
                int steps = 0;
                boolean valid = true;
                while (v != 0) {
                    if (seen[v] == stamp || pred[v] < 0 || ++steps > vertices) {
                        valid = false;
                        break;
                    }
                    seen[v] = stamp;
                    v = moveSource(pred[v]);
                }
                if (!valid) {
                    break;
                }
                v = 1;
                while (v != 0) {
                    int m = pred[v];
                    int a = m >>> 2;
                    if ((m & 3) == 1) {
                        flow[a]--;
                    } else {
                        flow[a]++;
                        if (kind[a] == DIVIDE) {
                            divided[owner[a]] = true;
                        }
                    }
                    v = moveSource(m);
                }
            }
            return solution();
        }

        /**
         * Queue-based Bellman–Ford from S. Returns false when some vertex is improved more often than there are
         * vertices (a negative cycle), which ends the optimisation.
         */
        private boolean shortestPaths(double[] dist, int[] pred, int[] queue, boolean[] queued) {
            int[] improvements = new int[vertices];
            int head = 0;
            int tail = 0;
            int size = queue.length;
            queue[tail++] = 0;
            queued[0] = true;
            while (head != tail) {
                int u = queue[head];
                head = head + 1 == size ? 0 : head + 1;
                queued[u] = false;
                if (u == 1) {
                    continue; // nothing leaves the sink
                }
                double du = dist[u];
                for (int m : moves[u]) {
                    double c = moveCost(m);
                    if (Double.isNaN(c)) {
                        continue;
                    }
                    int v = moveTarget(m);
                    double nd = du + c;
                    if (nd < dist[v]) {
                        dist[v] = nd;
                        pred[v] = m;
                        if (++improvements[v] > vertices) {
                            Arrays.fill(queued, false);
                            return false;
                        }
                        if (!queued[v]) {
                            queued[v] = true;
                            queue[tail] = v;
                            tail = tail + 1 == size ? 0 : tail + 1;
                        }
                    }
                }
            }
            return true;
        }

        private Solution solution() {
            int[] nodeValues = new int[nodes];
            for (int n = 0; n < nodes; n++) {
                nodeValues[n] = flow[nodeArc[n]];
            }
            int[] linkValues = new int[linkArc.length];
            for (int l = 0; l < linkArc.length; l++) {
                linkValues[l] = flow[linkArc[l]];
            }
            return new Solution(nodeValues, linkValues, divided.clone());
        }
    }
}
