package org.jilastik.workflow.tracking.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jilastik.error.JilastikException;
import org.jilastik.io.json.PyJson;
import org.jilastik.workflow.tracking.ConservationTracker;
import org.jilastik.workflow.tracking.graph.FinalGraph;
import org.jilastik.workflow.tracking.graph.HypothesesGraph;
import org.jilastik.workflow.tracking.graph.TrackNode;
import org.jilastik.workflow.tracking.solver.Solution;
import org.jilastik.workflow.tracking.solver.TrackingModel;

/**
 * The removed ilastik tracking-export plugin {@code JSON} (spec tracking §3): hytra's JSON tracking model of the
 * final, merger-resolved graph ({@code <base>_graph.json}: per node uuid, unweighted non-convexified detection /
 * appearance / disappearance / division energies per state and timestep; per link src, dest and transition
 * energies; uuid map; settings) and its solution ({@code <base>_result.json}). Formatted as Python's
 * {@code json.dump(indent=4)} with hytra's key order. Stateless.
 */
public final class HytraJsonWriter {
    private HytraJsonWriter() {
    }

    /**
     * Writes both files, replacing existing ones.
     *
     * @param tracked    a tracking run ({@link ConservationTracker#trackDetailed})
     * @param graphJson  the model file, {@code <base>_graph.json}
     * @param resultJson the solution file, {@code <base>_result.json}
     * @throws JilastikException when a file cannot be written
     */
    public static void write(ConservationTracker.Tracked tracked, Path graphJson, Path resultJson) {
        FinalGraph fin = tracked.graph();
        TrackingModel energies = tracked.exportEnergies();
        writeFile(graphJson, PyJson.dumpsInOrder(model(fin, energies)));
        writeFile(resultJson, PyJson.dumpsInOrder(result(fin)));
    }

    static Map<String, Object> model(FinalGraph fin, TrackingModel energies) {
        HypothesesGraph g = fin.graph();
        int[] uuids = fin.uuids();
        List<Object> segs = new ArrayList<>();
        Map<String, Object> traxels = new LinkedHashMap<>();
        for (int i = 0; i < g.nodeCount(); i++) {
            TrackNode n = g.node(i);
            TrackingModel.Detection d = energies.detections().get(i);
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("id", uuids[i]);
            s.put("features", states(d.features()));
            s.put("appearanceFeatures", states(d.appearance()));
            s.put("disappearanceFeatures", states(d.disappearance()));
            if (d.division() != null) {
                s.put("divisionFeatures", states(d.division()));
            }
            s.put("timestep", List.of(n.frame(), n.frame()));
            segs.add(s);
            @SuppressWarnings("unchecked")
            Map<String, Object> frame = (Map<String, Object>) traxels.computeIfAbsent(Integer.toString(n.frame()),
                    k -> new LinkedHashMap<String, Object>());
            frame.put(Integer.toString(n.id()), uuids[i]);
        }
        List<Object> links = new ArrayList<>();
        for (TrackingModel.Link l : energies.links()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("src", uuids[l.src()]);
            m.put("dest", uuids[l.dest()]);
            m.put("features", states(l.features()));
            links.add(m);
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("statesShareWeights", true);
        settings.put("allowPartialMergerAppearance", false);
        settings.put("requireSeparateChildrenOfDivision", true);
        settings.put("optimizerEpGap", 0.01);
        settings.put("optimizerVerbose", true);
        settings.put("optimizerNumThreads", 1);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("segmentationHypotheses", segs);
        model.put("linkingHypotheses", links);
        model.put("divisionHypotheses", List.of());
        model.put("traxelToUniqueId", traxels);
        model.put("settings", settings);
        model.put("exclusions", List.of());
        return model;
    }

    static Map<String, Object> result(FinalGraph fin) {
        HypothesesGraph g = fin.graph();
        Solution s = fin.solution();
        int[] uuids = fin.uuids();
        List<Object> dets = new ArrayList<>();
        List<Object> divs = new ArrayList<>();
        for (int i = 0; i < g.nodeCount(); i++) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("id", uuids[i]);
            d.put("value", s.nodeValues()[i]);
            dets.add(d);
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("id", uuids[i]);
            v.put("value", s.divisions()[i]);
            divs.add(v);
        }
        List<Object> links = new ArrayList<>();
        int[][] ls = g.links();
        for (int l = 0; l < ls.length; l++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("src", uuids[ls[l][0]]);
            m.put("dest", uuids[ls[l][1]]);
            m.put("value", s.linkValues()[l]);
            m.put("gap", 1);
            links.add(m);
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("detectionResults", dets);
        r.put("linkingResults", links);
        r.put("divisionResults", divs);
        return r;
    }

    private static List<Object> states(double[] f) {
        List<Object> l = new ArrayList<>(f.length);
        for (double v : f) {
            l.add(List.of(v));
        }
        return l;
    }

    private static void writeFile(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw JilastikException.processing("cannot write the tracking JSON file " + file + " (" + e.getMessage()
                    + "); check that the directory exists and is writable", e);
        }
    }
}
