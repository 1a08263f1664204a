package org.jilastik.workflow.tracking;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jilastik.project.JsonParser;
import org.jilastik.workflow.tracking.solver.Solution;
import org.jilastik.workflow.tracking.solver.TrackingModel;
import org.jilastik.workflow.tracking.solver.Weights;

/** One recorded dpct call of testdata/ilastik-ref/tracking-2dt/solver-io: model, weights and result. */
record SolverIo(TrackingModel model, Weights weights, Solution result, Map<String, Object> json) {
    static final Path DIR = Path.of("../shared/testdata/ilastik-ref/tracking-2dt");

    static SolverIo read(String name) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) JsonParser.parse(
                Files.readString(DIR.resolve("solver-io").resolve(name)));
        Map<String, Object> m = map(json.get("model"));
        List<TrackingModel.Detection> dets = new ArrayList<>();
        for (Object o : list(m.get("segmentationHypotheses"))) {
            Map<String, Object> s = map(o);
            if (((Number) s.get("id")).intValue() != dets.size()) {
                throw new IllegalStateException("ids not consecutive");
            }
            dets.add(new TrackingModel.Detection(states(s.get("features")), states(s.get("appearanceFeatures")),
                    states(s.get("disappearanceFeatures")), states(s.get("divisionFeatures"))));
        }
        List<TrackingModel.Link> links = new ArrayList<>();
        for (Object o : list(m.get("linkingHypotheses"))) {
            Map<String, Object> l = map(o);
            links.add(new TrackingModel.Link(((Number) l.get("src")).intValue(), ((Number) l.get("dest")).intValue(),
                    states(l.get("features"))));
        }
        TrackingModel model = new TrackingModel(dets, links);
        List<Object> w = list(map(json.get("weights")).get("weights"));
        double[] wv = w.stream().mapToDouble(x -> ((Number) x).doubleValue()).toArray();
        Weights weights = model.hasDivisions() ? new Weights(wv[0], wv[1], wv[2], wv[3], wv[4])
                : new Weights(wv[0], wv[1], 0, wv[2], wv[3]);
        Map<String, Object> r = map(json.get("result"));
        int[] nodeValues = new int[dets.size()];
        for (Object o : list(r.get("detectionResults"))) {
            nodeValues[((Number) map(o).get("id")).intValue()] = ((Number) map(o).get("value")).intValue();
        }
        boolean[] div = new boolean[dets.size()];
        for (Object o : list(r.get("divisionResults"))) {
            div[((Number) map(o).get("id")).intValue()] = (Boolean) map(o).get("value");
        }
        List<Object> lr = list(r.get("linkingResults"));
        int[] linkValues = new int[links.size()];
        for (int i = 0; i < lr.size(); i++) {
            Map<String, Object> l = map(lr.get(i));
            if (((Number) l.get("src")).intValue() != links.get(i).src()
                    || ((Number) l.get("dest")).intValue() != links.get(i).dest()) {
                throw new IllegalStateException("result link order differs from model link order at " + i);
            }
            linkValues[i] = ((Number) l.get("value")).intValue();
        }
        return new SolverIo(model, weights, new Solution(nodeValues, linkValues, div), json);
    }

    static double[] states(Object o) {
        if (o == null) {
            return null;
        }
        List<Object> l = list(o);
        double[] v = new double[l.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = ((Number) list(l.get(i)).get(0)).doubleValue();
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return (List<Object>) o;
    }
}
