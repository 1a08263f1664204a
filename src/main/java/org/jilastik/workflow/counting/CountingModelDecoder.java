package org.jilastik.workflow.counting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jilastik.error.JilastikException;
import org.jilastik.project.pickle.NdArray;
import org.jilastik.project.pickle.Numpy;
import org.jilastik.project.pickle.PickleDecoder;
import org.jilastik.project.pickle.PyObject;
import org.jilastik.project.pickle.PyTuple;

/**
 * Turns the pickled counting wrappers of a project ({@code ilastik.applets.counting.countingsvr.SVR} objects)
 * into a {@link CountingModel}, reading them as data only ({@link PickleDecoder}): for method
 * {@code RandomForest} the scikit-learn {@code RandomForestRegressor}s and their trees ({@code Tree} state:
 * {@code nodes} record array with fields {@code left_child}, {@code right_child}, {@code feature},
 * {@code threshold}, read by name; {@code values} of shape (nodes, 1, 1)); for the linear methods the weight vector
 * {@code w} and the wrapper's {@code _scalingFactor}. Stateless, thread safe.
 */
public final class CountingModelDecoder {
    private CountingModelDecoder() {
    }

    /**
     * Decodes the wrappers.
     *
     * @param pickles the wrapper pickles in name order
     * @param names   their names for messages (same size)
     * @throws JilastikException (processing) if a pickle is malformed, names a callable outside the allow-list, or
     *                           holds a regressor jilastik does not evaluate
     */
    public static CountingModel decode(List<byte[]> pickles, List<String> names) {
        List<List<DensityRegressor>> wrappers = new ArrayList<>();
        for (int i = 0; i < pickles.size(); i++) {
            String what = names.get(i);
            wrappers.add(wrapper(PickleDecoder.decode(pickles.get(i), what), what));
        }
        return new CountingModel(wrappers);
    }

    private static List<DensityRegressor> wrapper(Object svr, String what) {
        if (!(svr instanceof PyObject o) || !o.is("SVR", "ilastik.applets.counting.countingsvr")) {
            throw bad(what, "is no ilastik counting regressor (SVR) but " + svr);
        }
        String method = o.attr("_method") instanceof String m ? m : "RandomForest";
        if (!(o.attr("_regressor") instanceof List<?> regressors) || regressors.isEmpty()) {
            throw bad(what, "holds no trained regressor");
        }
        List<DensityRegressor> out = new ArrayList<>();
        for (Object r : regressors) {
            if (r == null) {
                out.add(null);
            } else if (method.equals("RandomForest")) {
                out.add(forest(r, what));
            } else {
                out.add(linear(r, o.attr("_scalingFactor"), what));
            }
        }
        return out;
    }

    private static ForestRegressor forest(Object r, String what) {
        if (!(r instanceof PyObject rf) || !rf.is("RandomForestRegressor", "sklearn.ensemble._forest",
                "sklearn.ensemble.forest") || !(rf.attr("estimators_") instanceof List<?> estimators)
                || estimators.isEmpty()) {
            throw bad(what, "holds a regressor that is no trained scikit-learn RandomForestRegressor");
        }
        List<RegressionTree> trees = new ArrayList<>();
        int features = rf.attr("n_features_in_") instanceof Long n ? Math.toIntExact(n) : -1;
        for (Object e : estimators) {
            if (!(e instanceof PyObject dt) || !dt.is("DecisionTreeRegressor", "sklearn.tree._classes",
                    "sklearn.tree.tree") || !(dt.attr("tree_") instanceof PyObject tree)
                    || !tree.is("Tree", "sklearn.tree._tree")) {
                throw bad(what, "holds a forest whose estimators are not scikit-learn regression trees");
            }
            trees.add(tree(tree, what));
            if (features < 0 && !tree.args().isEmpty() && tree.args().getFirst() instanceof Long n) {
                features = Math.toIntExact(n);
            }
        }
        int used = trees.stream().mapToInt(RegressionTree::maxFeature).max().orElse(-1) + 1;
        return new ForestRegressor(trees, Math.max(features, used));
    }

    private static RegressionTree tree(PyObject tree, String what) {
        if (!(tree.state() instanceof Map<?, ?> state)) {
            throw bad(what, "holds a tree without its nodes");
        }
        NdArray nodes = Numpy.array(state.get("nodes"), what);
        NdArray values = Numpy.array(state.get("values"), what);
        int n = nodes.size();
        if (!nodes.dtype().isRecord() || values.shape().length == 0 || values.shape()[0] != n) {
            throw bad(what, "holds a tree whose node and value arrays do not match");
        }
        int perNode = values.size() / n;
        if (perNode != 1) {
            throw bad(what, "holds a tree with " + perNode + " outputs per node; ilastik's counting trees have one");
        }
        int[] left = new int[n];
        int[] right = new int[n];
        int[] feature = new int[n];
        double[] threshold = new double[n];
        double[] value = new double[n];
        for (int i = 0; i < n; i++) {
            left[i] = Math.toIntExact(nodes.longField(i, "left_child"));
            right[i] = Math.toIntExact(nodes.longField(i, "right_child"));
            feature[i] = Math.toIntExact(nodes.longField(i, "feature"));
            threshold[i] = nodes.doubleField(i, "threshold");
            value[i] = values.getDouble(i);
        }
        try {
            return new RegressionTree(left, right, feature, threshold, value);
        } catch (IllegalArgumentException e) {
            throw bad(what, "holds " + e.getMessage());
        }
    }

    private static LinearRegressor linear(Object r, Object scalingValue, String what) {
        if (!(r instanceof PyObject lin) || !(lin.is("RegressorGurobi") || lin.is("RegressorC"))
                || lin.attr("w") == null) {
            throw bad(what, "holds a regressor jilastik does not evaluate (" + r + ")");
        }
        double[] w = Numpy.array(lin.attr("w"), what).toDoubles();
        double[] scaling = new double[w.length - 1];
        java.util.Arrays.fill(scaling, 1.0);
        if (scalingValue != null && !(scalingValue instanceof PyTuple)) {
            double[] s = Numpy.array(scalingValue, what).toDoubles();
            if (s.length != scaling.length) {
                throw bad(what, "holds " + s.length + " scaling factors for " + scaling.length + " weights");
            }
            scaling = s;
        }
        return new LinearRegressor(w, scaling);
    }

    private static JilastikException bad(String what, String why) {
        return JilastikException.processing(what + " " + why + "; retrain the counting regressor in ilastik and save"
                + " the project");
    }
}
