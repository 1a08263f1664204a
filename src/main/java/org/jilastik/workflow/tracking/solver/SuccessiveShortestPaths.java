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
 * <p>Search: exact cheapest S→T paths by a label-correcting Dijkstra on Johnson potentials (the previous
 * search's distances; the first potentials come from one pass over the acyclic empty network), arcs in creation
 * order, strict improvement only, heap ties by vertex id — deterministic, and equal in cost to dpct's
 * Bellman–Ford (which paths win among equal-cost ones may differ). While the cheapest path costs less than 0, one
 * unit is pushed along it; a predecessor chain that does not lead back to S (a cycle) or a search that does not
 * settle (negative cycle) ends the optimisation, as in dpct.
 *
 * <p>Speed (issue 14): the search reads flat per-vertex arrays of the currently open moves with their cached costs
 * (rebuilt only for the vertices an augmentation touches) and queues vertices in a {@link ReducedKeyQueue}, whose
 * pop order is the (key, vertex id) order of the former single binary heap; solutions are bit-for-bit those of the
 * first implementation ({@code SuccessiveShortestPathsRegressionTest} pins them).
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
        /** Source node of each link arc's link (−1 for other arcs), to test its division state cheaply. */
        private int[] linkSource;
        private final int[] divArc;
        private final boolean[] divided;
        /*
         * Residual moves, {@code m = arc * 4 + mode} (mode 0 forward, 1 backward, 2 forward from n_div), stored per
         * vertex in CSR form: the moves leaving vertex u occupy slots adjStart[u] .. adjStart[u+1]−1 in arc
         * creation order; per slot its move, its target vertex and the move's current cost (NaN when closed), so
         * the search reads three flat arrays in sequence. moveSlot[m] is the slot of move m (−1: no such move).
         * The cached costs are {@link #moveCost} re-evaluated by {@link #refreshArc} for every arc whose cost an
         * augmentation can change (see {@link #augment}).
         *
         * What the search reads is a compacted copy: openMove/openTarget/openCost[adjStart[u] .. openEnd[u]−1] are
         * u's open moves only, still in creation order (most slots are closed — backward moves of arcs without
         * flow — and skipping them changes no comparison). {@link #compact} rebuilds a vertex's copy after its
         * costs changed; the vertices to rebuild are collected in dirty[0..dirtyCount−1] (dirtyStamp dedupes).
         */
        private final int[] adjStart;
        private final int[] slotMove;
        private final int[] slotTarget;
        private final double[] slotCost;
        private final int[] moveSlot;
        private final int[] openEnd;
        private final int[] openMove;
        private final int[] openTarget;
        private final double[] openCost;
        private final int[] dirty;
        private final int[] dirtyStamp;
        private int dirtyCount;
        private int stampNow = 1;

        Network(TrackingModel model, Weights w) {
            this.model = model;
            List<TrackingModel.Detection> dets = model.detections();
            nodes = dets.size();
            nodeArc = new int[nodes];
            disArc = new int[nodes];
            divVertex = new int[nodes];
            divArc = new int[nodes];
            divided = new boolean[nodes];
            Arrays.fill(disArc, -1);
            Arrays.fill(divArc, -1);
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
                    divArc[n] = addArc(0, divVertex[n], DIVIDE, n,
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
            linkSource = new int[arcs];
            Arrays.fill(linkSource, -1);
            for (int l = 0; l < links.size(); l++) {
                linkSource[linkArc[l]] = links.get(l).src();
            }
            adjStart = new int[vertices + 1];
            for (int a = 0; a < arcs; a++) {
                adjStart[from[a] + 1]++;
                adjStart[to[a] + 1]++;
                if (kind[a] == LINK && divVertex[linkSource[a]] >= 0) {
                    adjStart[divVertex[linkSource[a]] + 1]++;
                }
            }
            for (int v = 0; v < vertices; v++) {
                adjStart[v + 1] += adjStart[v];
            }
            int slots = adjStart[vertices];
            slotMove = new int[slots];
            slotTarget = new int[slots];
            slotCost = new double[slots];
            moveSlot = new int[arcs * 4];
            Arrays.fill(moveSlot, -1);
            int[] fill = Arrays.copyOf(adjStart, vertices);
            for (int a = 0; a < arcs; a++) {
                addSlot(fill, from[a], a * 4);
                addSlot(fill, to[a], a * 4 + 1);
                if (kind[a] == LINK && divVertex[linkSource[a]] >= 0) {
                    addSlot(fill, divVertex[linkSource[a]], a * 4 + 2);
                }
            }
            openEnd = new int[vertices];
            openMove = new int[slots];
            openTarget = new int[slots];
            openCost = new double[slots];
            dirty = new int[vertices];
            dirtyStamp = new int[vertices];
            for (int a = 0; a < arcs; a++) {
                refreshArc(a);
            }
            for (int u = 0; u < vertices; u++) {
                compact(u);
            }
            dirtyCount = 0;
            stampNow++;
        }

        /** Rebuilds the open-move copy of vertex u from its slots. */
        private void compact(int u) {
            int k = adjStart[u];
            for (int slot = adjStart[u]; slot < adjStart[u + 1]; slot++) {
                double c = slotCost[slot];
                if (!Double.isNaN(c)) {
                    openMove[k] = slotMove[slot];
                    openTarget[k] = slotTarget[slot];
                    openCost[k++] = c;
                }
            }
            openEnd[u] = k;
        }

        /** Rebuilds the open-move copies of the vertices marked since the last call. */
        private void compactDirty() {
            for (int i = 0; i < dirtyCount; i++) {
                compact(dirty[i]);
            }
            dirtyCount = 0;
            stampNow++;
        }

        private void addSlot(int[] fill, int u, int m) {
            int slot = fill[u]++;
            slotMove[slot] = m;
            slotTarget[slot] = moveTarget(m);
            moveSlot[m] = slot;
        }

        /** Re-evaluates the cached costs of the moves of arc {@code a}. */
        private void refreshArc(int a) {
            for (int mode = 0; mode < 3; mode++) {
                int slot = moveSlot[a * 4 + mode];
                if (slot >= 0) {
                    double c = moveCost(a * 4 + mode);
                    if (Double.doubleToRawLongBits(c) != Double.doubleToRawLongBits(slotCost[slot])) {
                        slotCost[slot] = c;
                        int u = moveSource(a * 4 + mode);
                        if (dirtyStamp[u] != stampNow) {
                            dirtyStamp[u] = stampNow;
                            dirty[dirtyCount++] = u;
                        }
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
                    if (mode == 0 && f > 0 && divided[linkSource[a]]) {
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
                default -> divVertex[linkSource[a]];
            };
        }

        private int moveTarget(int m) {
            return (m & 3) == 1 ? from[m >>> 2] : to[m >>> 2];
        }

        Solution optimise() {
            // lab[2u] = distance of u in the current search, lab[2u+1] = potential of u: one cache line serves both.
            double[] lab = new double[2 * vertices];
            int[] pred = new int[vertices];
            int[] seen = new int[vertices];
            double[] initial = initialPotentials();
            for (int u = 0; u < vertices; u++) {
                lab[2 * u + 1] = initial[u];
            }
            ReducedKeyQueue heap = new ReducedKeyQueue(vertices, lab);
            int stamp = 0;
            boolean first = true;
            while (true) {
                boolean early = !first && divisionPotentialsSafe(lab);
                first = false;
                if (!shortestPaths(lab, pred, heap, early) || !(lab[2] < 0)) {
                    break;
                }
                updatePotentials(lab, early);
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
                augment(pred);
            }
            return solution();
        }

        /**
         * Pushes one unit along the predecessor chain from T and refreshes the cached cost of every move that
         * changed: the path's arcs themselves; the division arc of a node whose node or disappearance arc changed
         * (it opens while the node carries exactly one unit); and, for a node that divided, its node and
         * disappearance arcs and its link arcs (closed or capped by the division rules of {@link #moveCost}).
         */
        private void augment(int[] pred) {
            int v = 1;
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
            v = 1;
            while (v != 0) {
                int m = pred[v];
                int a = m >>> 2;
                refreshArc(a);
                int n = owner[a];
                switch (kind[a]) {
                    case NODE, DISAPPEAR -> {
                        if (divArc[n] >= 0) {
                            refreshArc(divArc[n]);
                        }
                    }
                    case DIVIDE -> {
                        refreshArc(nodeArc[n]);
                        if (disArc[n] >= 0) {
                            refreshArc(disArc[n]);
                        }
                        int dv = divVertex[n];
                        for (int slot = adjStart[dv]; slot < adjStart[dv + 1]; slot++) {
                            refreshArc(slotMove[slot] >>> 2);
                        }
                    }
                    default -> {
                    }
                }
                v = moveSource(m);
            }
            compactDirty();
        }

        /**
         * New potentials after a search. After an early-exit search (all reduced costs were non-negative) every
         * vertex moves by {@code min(reduced distance, reduced distance of T)}; after a complete search reached
         * vertices take their distance and unreached ones move by the largest reduced distance found. Either
         * way every open move keeps a non-negative reduced cost, and the reverse moves of the augmenting path get
         * reduced cost 0 (the classic successive-shortest-path invariant).
         */
        private void updatePotentials(double[] lab, boolean early) {
            if (early) {
                double rt = lab[2] - lab[3];
                for (int u = 0; u < vertices; u++) {
                    double d = lab[2 * u];
                    double rd = d < Double.POSITIVE_INFINITY ? d - lab[2 * u + 1] : rt;
                    lab[2 * u + 1] += Math.min(rd, rt);
                }
                return;
            }
            double max = 0;
            for (int u = 0; u < vertices; u++) {
                double d = lab[2 * u];
                if (d < Double.POSITIVE_INFINITY) {
                    max = Math.max(max, d - lab[2 * u + 1]);
                }
            }
            for (int u = 0; u < vertices; u++) {
                double d = lab[2 * u];
                lab[2 * u + 1] = d < Double.POSITIVE_INFINITY ? d : lab[2 * u + 1] + max;
            }
        }

        /**
         * Division arcs open while the network runs (a node reaching one unit), so the invariant of
         * {@link #updatePotentials} does not cover them. Give each open division vertex the potential that makes
         * its arc and its moves non-negative; returns false when none exists (or S has drifted off 0), and the
         * next search then runs to completion.
         */
        private boolean divisionPotentialsSafe(double[] lab) {
            if (lab[1] != 0) {
                return false;
            }
            for (int n = 0; n < nodes; n++) {
                int a = divArc[n]; // division arcs ascend with n
                if (a < 0 || Double.isNaN(slotCost[moveSlot[a * 4]])) {
                    continue;
                }
                int dv = to[a];
                double cost = unitCosts[a][0];
                for (int slot = adjStart[dv]; slot < adjStart[dv + 1]; slot++) {
                    double c = slotCost[slot];
                    if (!Double.isNaN(c) && lab[2 * slotTarget[slot] + 1] - c > cost) {
                        return false;
                    }
                }
                lab[2 * dv + 1] = cost;
            }
            return true;
        }

        /**
         * Distances from S in the empty network, which is acyclic: one pass in topological order (Kahn over the
         * open forward moves). Division vertices, unreachable while their arc is closed, get the arc's cost.
         * These potentials make the first search's reduced costs non-negative.
         */
        private double[] initialPotentials() {
            int[] indegree = new int[vertices];
            for (int slot = 0; slot < slotMove.length; slot++) {
                if ((slotMove[slot] & 3) != 1 && !Double.isNaN(slotCost[slot])) {
                    indegree[slotTarget[slot]]++;
                }
            }
            double[] pot = new double[vertices];
            Arrays.fill(pot, Double.POSITIVE_INFINITY);
            pot[0] = 0;
            int[] order = new int[vertices];
            int head = 0;
            int tail = 0;
            for (int u = 0; u < vertices; u++) {
                if (indegree[u] == 0) {
                    order[tail++] = u;
                }
            }
            while (head < tail) {
                int u = order[head++];
                for (int slot = adjStart[u]; slot < adjStart[u + 1]; slot++) {
                    if ((slotMove[slot] & 3) == 1) {
                        continue;
                    }
                    double c = slotCost[slot];
                    if (Double.isNaN(c)) {
                        continue;
                    }
                    int v = slotTarget[slot];
                    if (pot[u] + c < pot[v]) {
                        pot[v] = pot[u] + c;
                    }
                    if (--indegree[v] == 0) {
                        order[tail++] = v;
                    }
                }
            }
            for (int a = 0; a < arcs; a++) {
                if (kind[a] == DIVIDE) {
                    pot[to[a]] = unitCosts[a][0];
                }
            }
            for (int u = 0; u < vertices; u++) {
                if (pot[u] == Double.POSITIVE_INFINITY) {
                    pot[u] = 0;
                }
            }
            return pot;
        }

        /**
         * Cheapest paths from S: label-correcting Dijkstra on reduced keys {@code dist − pot} (a vertex is
         * re-queued whenever it improves, so moves with negative reduced cost — division arcs that opened since
         * the potentials were set — keep the distances exact). With {@code early} (all reduced costs known to be
         * non-negative) the search stops when T is settled. Ties keep the first path found. Returns false when
         * the queue work exceeds a bound that only a negative cycle can reach, which ends the optimisation (the
         * queue drops repeats of a vertex, so the bound now counts slightly fewer pops than the first version did;
         * at 64 × the graph size only a negative cycle reaches it, and then both versions end the same way).
         */
        private boolean shortestPaths(double[] lab, int[] pred, ReducedKeyQueue heap, boolean early) {
            for (int u = 0; u < vertices; u++) {
                lab[2 * u] = Double.POSITIVE_INFINITY;
            }
            Arrays.fill(pred, -1);
            lab[0] = 0;
            heap.clear();
            heap.push(0 - lab[1], 0);
            long budget = 64L * (vertices + arcs) + 1024;
            while (!heap.isEmpty()) {
                double key = heap.topKey();
                if (Double.isNaN(key)) {
                    break; // only stale entries were left
                }
                int u = heap.pop();
                if (key != lab[2 * u] - lab[2 * u + 1]) {
                    continue; // stale entry
                }
                if (--budget < 0) {
                    return false;
                }
                if (u == 1) {
                    if (early) {
                        return true; // no negative reduced cost anywhere: T's distance is final
                    }
                    continue; // nothing leaves the sink
                }
                double du = lab[2 * u];
                int end = openEnd[u];
                for (int k = adjStart[u]; k < end; k++) {
                    double nd = du + openCost[k];
                    int v = openTarget[k];
                    if (nd < lab[2 * v]) {
                        lab[2 * v] = nd;
                        pred[v] = openMove[k];
                        heap.push(nd - lab[2 * v + 1], v);
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
