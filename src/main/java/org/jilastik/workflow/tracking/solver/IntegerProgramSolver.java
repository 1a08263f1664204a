package org.jilastik.workflow.tracking.solver;

import java.util.ArrayList;
import java.util.List;
import org.jilastik.error.JilastikException;
import org.jilastik.exec.QuietOjAlgo;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The exact alternative to the flow heuristic: the integer program of spec tracking §2.7 solved by ojAlgo's
 * branch-and-bound MIP solver (pure Java).
 *
 * <p>Formulation. Every multi-state variable (node count x, link count y, appearance a, disappearance d) is the
 * sum of K binary unit variables priced with the weighted increments {@code w·(f[k] − f[k−1])}; the features are
 * convex (ilastik convexifies them), so the cheapest way to take k units is the first k, and the objective is the
 * model's energy minus the constant Σ state-0 energies. Constraints: Σ in-links + a = x; Σ out-links + d = x + δ;
 * δ ⇒ x = 1, d = 0 and every out-link ≤ 1; no partial merger appearance/disappearance (a &gt; 0 ⇒ no incoming
 * link flow, d &gt; 0 ⇒ no outgoing link flow, with one indicator binary each where K ≥ 2).
 *
 * <p>Optimal up to ojAlgo's default MIP gap; slow on large models. Stateless, thread safe.
 */
public final class IntegerProgramSolver implements TrackingSolver {
    static {
        // ojAlgo prints a hardware-profile banner on first use unless this property is set.
        System.setProperty("shut.up.ojAlgo", "true");
    }

    @Override
    public Solution solve(TrackingModel model, Weights w) {
        QuietOjAlgo.ensureLoaded();
        ExpressionsBasedModel m = new ExpressionsBasedModel();
        List<TrackingModel.Detection> dets = model.detections();
        int n = dets.size();
        Variable[][] x = new Variable[n][];
        Variable[][] app = new Variable[n][];
        Variable[][] dis = new Variable[n][];
        Variable[] div = new Variable[n];
        for (int i = 0; i < n; i++) {
            TrackingModel.Detection d = dets.get(i);
            x[i] = units(m, "x" + i, d.features(), w.detection());
            app[i] = d.appearance() == null ? new Variable[0] : units(m, "a" + i, d.appearance(), w.appearance());
            dis[i] = d.disappearance() == null ? new Variable[0]
                    : units(m, "d" + i, d.disappearance(), w.disappearance());
            if (d.division() != null) {
                div[i] = m.addVariable("div" + i).binary().weight(w.division() * (d.division()[1] - d.division()[0]));
            }
        }
        List<TrackingModel.Link> links = model.links();
        Variable[][] y = new Variable[links.size()][];
        List<List<Integer>> in = new ArrayList<>();
        List<List<Integer>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            in.add(new ArrayList<>());
            out.add(new ArrayList<>());
        }
        for (int l = 0; l < links.size(); l++) {
            y[l] = units(m, "y" + l, links.get(l).features(), w.transition());
            in.get(links.get(l).dest()).add(l);
            out.get(links.get(l).src()).add(l);
        }
        for (int i = 0; i < n; i++) {
            int k = x[i].length;
            Expression inflow = m.addExpression("in" + i).level(0);
            add(inflow, app[i], 1);
            add(inflow, x[i], -1);
            for (int l : in.get(i)) {
                add(inflow, y[l], 1);
            }
            Expression outflow = m.addExpression("out" + i).level(0);
            add(outflow, dis[i], 1);
            add(outflow, x[i], -1);
            for (int l : out.get(i)) {
                add(outflow, y[l], 1);
            }
            if (div[i] != null) {
                outflow.set(div[i], -1);
                // δ ⇒ x = 1: x ≥ δ and x + (K − 1)·δ ≤ K.
                Expression atLeast = m.addExpression("divx" + i).lower(0);
                add(atLeast, x[i], 1);
                atLeast.set(div[i], -1);
                Expression atMost = m.addExpression("divX" + i).upper(k);
                add(atMost, x[i], 1);
                atMost.set(div[i], k - 1);
                // δ ⇒ d = 0.
                if (dis[i].length > 0) {
                    Expression noDis = m.addExpression("divd" + i).upper(dis[i].length);
                    add(noDis, dis[i], 1);
                    noDis.set(div[i], dis[i].length);
                }
                // δ ⇒ every out-link carries at most one object.
                for (int l : out.get(i)) {
                    if (y[l].length > 1) {
                        Expression sep = m.addExpression("divy" + i + "_" + l).upper(y[l].length);
                        add(sep, y[l], 1);
                        sep.set(div[i], y[l].length - 1);
                    }
                }
            }
            exclusive(m, "pa" + i, app[i], in.get(i), y);
            exclusive(m, "pd" + i, dis[i], out.get(i), y);
        }
        Optimisation.Result r = m.minimise();
        if (!r.getState().isOptimal() && !r.getState().isFeasible()) {
            throw JilastikException.processing("the exact tracking solver found no solution (" + r.getState()
                    + "); use the flow-based solver");
        }
        int[] nodeValues = new int[n];
        boolean[] divisions = new boolean[n];
        for (int i = 0; i < n; i++) {
            nodeValues[i] = count(x[i]);
            divisions[i] = div[i] != null && div[i].getValue().doubleValue() > 0.5;
        }
        int[] linkValues = new int[links.size()];
        for (int l = 0; l < links.size(); l++) {
            linkValues[l] = count(y[l]);
        }
        return new Solution(nodeValues, linkValues, divisions);
    }

    /** a &gt; 0 forbids any flow on {@code links} (partial merger appearance/disappearance), via an indicator. */
    private static void exclusive(ExpressionsBasedModel m, String name, Variable[] border, List<Integer> links,
            Variable[][] y) {
        if (border.length < 2 || links.isEmpty()) {
            return; // with K = 1 the conservation constraints already exclude it
        }
        Variable on = m.addVariable(name).binary();
        Expression b = m.addExpression(name + "b").upper(0);
        add(b, border, 1);
        b.set(on, -border.length);
        int cap = 0;
        Expression l = m.addExpression(name + "l");
        for (int li : links) {
            add(l, y[li], 1);
            cap += y[li].length;
        }
        l.set(on, cap).upper(cap);
    }

    private static Variable[] units(ExpressionsBasedModel m, String name, double[] f, double weight) {
        Variable[] v = new Variable[f.length - 1];
        for (int k = 1; k < f.length; k++) {
            v[k - 1] = m.addVariable(name + "_" + k).binary().weight(weight * f[k] - weight * f[k - 1]);
        }
        return v;
    }

    private static void add(Expression e, Variable[] units, double c) {
        for (Variable v : units) {
            e.set(v, c);
        }
    }

    private static int count(Variable[] units) {
        int c = 0;
        for (Variable v : units) {
            c += v.getValue().doubleValue() > 0.5 ? 1 : 0;
        }
        return c;
    }
}
