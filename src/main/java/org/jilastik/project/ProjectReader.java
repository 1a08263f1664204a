package org.jilastik.project;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jilastik.array.Axes;
import org.jilastik.error.JilastikException;
import org.jilastik.features.FeatureSelection;
import org.jilastik.workflow.WorkflowKind;

/**
 * Reads an {@code .ilp} file into a {@link Project}: checks the file, reads the identity, then hands each part
 * to its reader ({@link InputDataReader}, {@link FeatureSelectionReader}, {@link ClassifierGroupReader},
 * {@link ExportSettingsReader}); era differences live in those readers and {@link LabelAxesRule}. Reads
 * everything it needs while the file is open; the project holds no file handle. Stateless, thread safe.
 */
public final class ProjectReader {
    private static final Pattern FEATURE_GROUP = Pattern.compile("FeatureSelections(\\d*)");
    private static final Pattern PIXEL_GROUP = Pattern.compile("PixelClassification(\\d*)");

    private ProjectReader() {
    }

    /**
     * Reads the project at {@code ilp}.
     *
     * @throws JilastikException (exit code 1) if the file is missing, not an ilastik project, truncated, or of
     *                           a workflow jilastik does not know
     */
    public static Project read(Path ilp) {
        Hdf5FileCheck.requireHdf5(ilp);
        String name = ilp.getFileName() == null ? ilp.toString() : ilp.getFileName().toString();
        HdfFile hdf;
        try {
            hdf = new HdfFile(ilp);
        } catch (RuntimeException e) {
            throw JilastikException.processing(ilp + " is damaged and cannot be read as HDF5 (" + e.getMessage()
                    + "); copy the project again or save it again in ilastik", e);
        }
        try (hdf) {
            Hdf5FileCheck.requireComplete(hdf, ilp);
            return read(hdf, ilp, name);
        } catch (JilastikException e) {
            throw e;
        } catch (RuntimeException e) {
            throw JilastikException.processing(ilp + " is damaged and cannot be read (" + e.getMessage()
                    + "); copy the project again or save it again in ilastik", e);
        }
    }

    private static Project read(Group root, Path ilp, String name) {
        String workflowName = Hdf5Values.string(root, "workflowName");
        if (workflowName == null || workflowName.isBlank()) {
            throw JilastikException.processing(name + " is not an ilastik project (no workflowName dataset);"
                    + " pass the .ilp file that ilastik saved");
        }
        String versionText = versionText(root, name);
        IlastikVersion version = parseVersion(versionText, name);
        WorkflowKind workflow = WorkflowKind.fromStoredName(workflowName).orElseThrow(() ->
                JilastikException.processing(name + " is a \"" + workflowName + "\" project, a workflow jilastik"
                        + " does not run; jilastik runs " + Stream.of(WorkflowKind.values())
                        .map(WorkflowKind::displayName).collect(Collectors.joining(", "))));
        InputDataReader.InputData input = InputDataReader.read(root, workflow.roles(), name);
        List<Axes> laneAxes = new ArrayList<>();
        for (Lane lane : input.lanes()) {
            laneAxes.add(lane.rawData().map(DatasetInfo::axes).orElse(null));
        }
        LabelAxesRule rule = new LabelAxesRule(version, workflow);
        Map<String, ClassifierGroup> groups = new TreeMap<>();
        for (Map.Entry<String, Node> e : new TreeMap<>(Hdf5Children.of(root)).entrySet()) {
            if (e.getValue() instanceof Group g && !e.getKey().equals("Input Data")
                    && !ExportSettingsReader.GROUP_NAMES.contains(e.getKey())
                    && ClassifierGroupReader.isClassifierGroup(g)) {
                groups.put(e.getKey(), ClassifierGroupReader.read(g, "/" + e.getKey(), rule, laneAxes, name));
            }
        }
        return new Project(ilp, workflowName, workflow, versionText, version, input.roleNames(), input.lanes(),
                stages(root, groups, name), List.copyOf(groups.values()), ExportSettingsReader.read(root, workflow));
    }

    /** Pairs {@code FeatureSelections<nn>} with {@code PixelClassification<nn>} by suffix, in stage order. */
    private static List<PixelStage> stages(Group root, Map<String, ClassifierGroup> groups, String name) {
        Map<Integer, String> featureGroups = new TreeMap<>();
        Map<Integer, String> pixelGroups = new TreeMap<>();
        Map<String, Node> children = Hdf5Children.of(root);
        for (String child : children.keySet()) {
            Matcher f = FEATURE_GROUP.matcher(child);
            Matcher p = PIXEL_GROUP.matcher(child);
            if (f.matches() && children.get(child) instanceof Group) {
                featureGroups.put(stageNumber(f.group(1)), child);
            } else if (p.matches() && groups.containsKey(child)) {
                pixelGroups.put(stageNumber(p.group(1)), child);
            }
        }
        TreeMap<Integer, PixelStage> stages = new TreeMap<>();
        for (Map.Entry<Integer, String> e : featureGroups.entrySet()) {
            Group g = Hdf5Values.group(root, e.getValue());
            FeatureSelection fs = FeatureSelectionReader.read(g, "/" + e.getValue(), name);
            String pixel = pixelGroups.get(e.getKey());
            stages.put(e.getKey(), new PixelStage(e.getKey(), "/" + e.getValue(), fs,
                    pixel == null ? null : groups.get(pixel)));
        }
        for (Map.Entry<Integer, String> e : pixelGroups.entrySet()) {
            stages.putIfAbsent(e.getKey(), new PixelStage(e.getKey(), null, null, groups.get(e.getValue())));
        }
        return List.copyOf(stages.values());
    }

    /** Suffix {@code ""} is stage 1, {@code "01"} stage 2, ... */
    private static int stageNumber(String suffix) {
        return suffix.isEmpty() ? 1 : Integer.parseInt(suffix) + 1;
    }

    private static String versionText(Group root, String name) {
        Dataset d = Hdf5Values.dataset(root, "ilastikVersion");
        if (d == null) {
            return "";
        }
        Object data = d.isEmpty() ? null : d.getData();
        Object first = data == null ? null : Hdf5Values.flatten(data).getFirst();
        if (first instanceof Number n) {
            throw JilastikException.processing(name + " was saved by ilastik " + Hdf5Values.asString(n)
                    + ", whose projects jilastik cannot read; open it in ilastik 1.x and save it again");
        }
        return Hdf5Values.string(root, "ilastikVersion").trim();
    }

    private static IlastikVersion parseVersion(String text, String name) {
        if (text.isEmpty()) {
            return null;
        }
        IlastikVersion v;
        try {
            v = IlastikVersion.parse(text);
        } catch (IllegalArgumentException e) {
            return null; // an unusual version text: read with the current layout rules
        }
        if (v.major() < 1) {
            throw JilastikException.processing(name + " was saved by ilastik " + text
                    + ", whose projects jilastik cannot read; open it in ilastik 1.x and save it again");
        }
        return v;
    }
}
