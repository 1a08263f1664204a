package org.jilastik.workflow.multicut;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jilastik.error.JilastikException;
import org.jilastik.exec.QuietOjAlgo;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The exact multicut: the integer linear program over one binary variable per edge (1 = cut), minimising the sum of
 * the cut edges' weights, subject to the cycle inequalities {@code x_e <= sum of x_f over the other edges of any
 * cycle through e} (a cut edge must not have its two ends joined by uncut edges). There are exponentially many, so
 * they are added lazily: solve, find every cut edge whose ends are still connected through uncut edges, add the
 * inequality of the shortest such path (breadth first), and solve again until none is violated. The MIP is ojAlgo's
 * (pure Java, Maven Central); ilastik offers the same model only with CPLEX, Gurobi or GLPK built into nifty.
 * Labels: the connected components of the uncut edges, numbered 0, 1, … in the order of their smallest node.
 * Exponential in the worst case: meant for graphs of up to a few thousand edges. Stateless.
 */
final class MulticutIlp {
    private MulticutIlp() {
    }

    /**
     * Solves the multicut of {@code g} exactly.
     *
     * @param weights per edge, positive = attractive (cutting costs the weight)
     * @return node labels (component numbers)
     * @throws JilastikException (processing) if the solver does not reach an optimum
     */
    static int[] solve(EdgeGraph g, double[] weights) {
        QuietOjAlgo.ensureLoaded();
        int m = g.edgeCount();
        boolean[] cut = new boolean[m];
        for (int e = 0; e < m; e++) {
            cut[e] = weights[e] < 0; // the optimum without constraints
        }
        int[] via = new int[g.nodeCount()];
        List<int[]> cycles = new ArrayList<>(); // {e, f1, f2, ...}: x_e <= x_f1 + x_f2 + ...
        while (true) {
            int[] component = components(g, cut);
            int added = 0;
            for (int e = 0; e < m; e++) {
                if (cut[e] && component[g.u(e)] == component[g.v(e)]) {
                    int[] path = uncutPath(g, cut, g.u(e), g.v(e), via);
                    int[] c = new int[path.length + 1];
                    c[0] = e;
                    System.arraycopy(path, 0, c, 1, path.length);
                    cycles.add(c);
                    added++;
                }
            }
            if (added == 0) {
                return component;
            }
            // a fresh model per round: ojAlgo re-solving a model changed after its last solve returned
            // non-optimal points marked OPTIMAL
            ExpressionsBasedModel model = new ExpressionsBasedModel();
            Variable[] x = new Variable[m];
            for (int e = 0; e < m; e++) {
                x[e] = model.addVariable("x" + e).binary().weight(weights[e]);
            }
            for (int k = 0; k < cycles.size(); k++) {
                int[] c = cycles.get(k);
                Expression cycle = model.addExpression("c" + k).upper(0);
                cycle.set(x[c[0]], 1);
                for (int i = 1; i < c.length; i++) {
                    cycle.set(x[c[i]], -1);
                }
            }
            Optimisation.Result r = model.minimise();
            if (!r.getState().isOptimal() || r.count() != m) {
                throw JilastikException.processing("the exact multicut solver stopped without an optimum ("
                        + r.getState() + "); use the kernighan-lin solver for this project");
            }
            for (int e = 0; e < m; e++) {
                cut[e] = r.doubleValue(e) > 0.5;
            }
        }
    }

    // components of the graph without its cut edges, numbered in the order of their smallest node
    static int[] components(EdgeGraph g, boolean[] cut) {
        int[] comp = new int[g.nodeCount()];
        Arrays.fill(comp, -1);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        int next = 0;
        for (int s = 0; s < g.nodeCount(); s++) {
            if (comp[s] >= 0) {
                continue;
            }
            comp[s] = next;
            queue.add(s);
            while (!queue.isEmpty()) {
                int n = queue.poll();
                for (int i = g.adjBegin(n); i < g.adjEnd(n); i++) {
                    int o = g.adjNode(i);
                    if (!cut[g.adjEdge(i)] && comp[o] < 0) {
                        comp[o] = next;
                        queue.add(o);
                    }
                }
            }
            next++;
        }
        return comp;
    }

    // the edges of a shortest path from a to b over uncut edges (b is reachable: same component)
    private static int[] uncutPath(EdgeGraph g, boolean[] cut, int a, int b, int[] via) {
        Arrays.fill(via, -2);
        via[a] = -1;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(a);
        while (!queue.isEmpty() && via[b] == -2) {
            int n = queue.poll();
            for (int i = g.adjBegin(n); i < g.adjEnd(n); i++) {
                int o = g.adjNode(i);
                if (!cut[g.adjEdge(i)] && via[o] == -2) {
                    via[o] = g.adjEdge(i);
                    queue.add(o);
                }
            }
        }
        int len = 0;
        for (int n = b; n != a; n = g.u(via[n]) == n ? g.v(via[n]) : g.u(via[n])) {
            len++;
        }
        int[] path = new int[len];
        int k = 0;
        for (int n = b; n != a; n = g.u(via[n]) == n ? g.v(via[n]) : g.u(via[n])) {
            path[k++] = via[n];
        }
        return path;
    }
}
