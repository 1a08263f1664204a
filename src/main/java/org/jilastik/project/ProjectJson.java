package org.jilastik.project;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jilastik.features.FeatureSelection;

/**
 * A project as a tree of maps and lists (for {@link JsonWriter}): the same facts {@link ProjectSummary} prints.
 * Label block data and forest trees are summarised (counts, checksums), not dumped. Stateless, thread safe.
 */
public final class ProjectJson {
    private ProjectJson() {
    }

    /** The project as JSON text. */
    public static String toJson(Project p) {
        return JsonWriter.write(toTree(p));
    }

    /** The project as nested {@code Map}/{@code List} values. */
    public static Map<String, Object> toTree(Project p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("project", p.path().toString());
        m.put("workflowName", p.workflowName());
        m.put("workflow", p.workflow().displayName());
        m.put("ilastikVersion", p.ilastikVersion());
        m.put("roleNames", p.roleNames());
        List<Object> lanes = new ArrayList<>();
        for (Lane lane : p.lanes()) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("index", lane.index());
            l.put("group", lane.groupName());
            l.put("laneImageAxes", lane.laneImageAxes().map(Object::toString).orElse(null));
            Map<String, Object> roles = new LinkedHashMap<>();
            for (DatasetInfo info : lane.roles().values()) {
                roles.put(info.role(), info(info));
            }
            l.put("roles", roles);
            lanes.add(l);
        }
        m.put("lanes", lanes);
        List<Object> stages = new ArrayList<>();
        for (PixelStage s : p.pixelStages()) {
            Map<String, Object> st = new LinkedHashMap<>();
            st.put("stage", s.number());
            st.put("featureGroup", s.featureGroup());
            st.put("features", s.features() == null ? null : features(s.features()));
            st.put("classifierGroup", s.classifier() == null ? null : s.classifier().path());
            stages.add(st);
        }
        m.put("pixelStages", stages);
        List<Object> groups = new ArrayList<>();
        for (ClassifierGroup g : p.classifierGroups()) {
            groups.add(group(g));
        }
        m.put("classifierGroups", groups);
        m.put("export", p.exportSettings().map(ProjectJson::export).orElse(null));
        return m;
    }

    private static Map<String, Object> info(DatasetInfo i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", i.kind().name());
        m.put("class", i.storedClass());
        m.put("location", i.location());
        m.put("filePath", i.filePath());
        m.put("internalPath", i.internalPath());
        m.put("datasetId", i.datasetId());
        m.put("nickname", i.nickname());
        m.put("axes", i.axes() == null ? null : i.axes().toString());
        m.put("shape", i.shape());
        m.put("drange", i.drange());
        m.put("displayMode", i.displayMode());
        m.put("normalizeDisplay", i.normalizeDisplay());
        m.put("allowLabels", i.allowLabels());
        m.put("subvolumeRoi", i.subvolumeRoi());
        m.put("fromStack", i.fromStack());
        m.put("scaleLocked", i.scaleLocked());
        m.put("workingScale", i.workingScale());
        return m;
    }

    private static Map<String, Object> features(FeatureSelection f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("featureIds", f.featureIds());
        m.put("scales", f.scales());
        m.put("selected", f.selected());
        m.put("computeIn2d", f.computeIn2d());
        m.put("selectedCount", f.selectedCount());
        return m;
    }

    private static Map<String, Object> group(ClassifierGroup g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", g.path());
        List<Object> classes = new ArrayList<>();
        for (int i = 0; i < g.classes().count(); i++) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("value", i + 1);
            c.put("name", g.classes().names().get(i));
            c.put("color", g.classes().colors().get(i));
            c.put("pmapColor", g.classes().pmapColors().get(i));
            classes.add(c);
        }
        m.put("classes", classes);
        Map<String, Object> labels = new LinkedHashMap<>();
        for (var e : g.labelBlocks().entrySet()) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("blocks", e.getValue().size());
            long[] counts = ProjectSummary.labelCounts(e.getValue());
            l.put("labelledPixels", counts);
            labels.put(Integer.toString(e.getKey()), l);
        }
        m.put("labels", labels);
        m.put("classifier", g.classifier() == null ? null : classifier(g.classifier()));
        m.put("factory", g.factory() == null ? null : factory(g.factory()));
        return m;
    }

    private static Map<String, Object> factory(ClassifierFactorySettings f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("module", f.module());
        m.put("class", f.className());
        m.put("version", f.version());
        m.put("numTrees", f.numTrees());
        m.put("labelProportion", f.labelProportion());
        m.put("numForests", f.numForests());
        m.put("variableImportanceEnabled", f.variableImportanceEnabled());
        m.put("variableImportancePath", f.variableImportancePath());
        return m;
    }

    private static Map<String, Object> classifier(StoredClassifier c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("group", c.groupPath());
        m.put("type", c.type().name());
        m.put("pickledType", c.pickledType());
        m.put("usable", c.usable());
        m.put("forests", c.forests().size());
        List<Integer> trees = new ArrayList<>();
        for (int i = 0; i < c.forests().size(); i++) {
            trees.add(c.treeCount(i));
        }
        m.put("treesPerForest", trees);
        m.put("featureCount", c.featureCount());
        m.put("knownLabels", c.knownLabels());
        m.put("featureNames", c.featureNames());
        return m;
    }

    private static Map<String, Object> export(ExportSettings e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("group", e.groupPath());
        m.put("outputFilenameFormat", e.outputFilenameFormat());
        m.put("outputFormat", e.outputFormat());
        m.put("outputInternalPath", e.outputInternalPath());
        m.put("exportDtype", e.exportDtype());
        m.put("outputAxisOrder", e.outputAxisOrder());
        m.put("regionStart", e.regionStart());
        m.put("regionStop", e.regionStop());
        m.put("inputMin", e.inputMin());
        m.put("inputMax", e.inputMax());
        m.put("exportMin", e.exportMin());
        m.put("exportMax", e.exportMax());
        m.put("inputSelection", e.inputSelection());
        m.put("selectedPlugin", e.selectedPlugin());
        return m;
    }
}
