package org.jilastik.project;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jilastik.features.FeatureSelection;

/**
 * A readable multi-line summary of a {@link Project} (what {@code jilastik inspect} prints): workflow, version,
 * inputs per lane, feature matrices, classes, labels, classifiers, factory settings and export defaults.
 * Stateless, thread safe.
 */
public final class ProjectSummary {
    private ProjectSummary() {
    }

    /** The summary text, lines separated by {@code \n}, ending with a newline. */
    public static String of(Project p) {
        StringBuilder b = new StringBuilder();
        line(b, 0, "Project: " + p.path());
        line(b, 0, "Workflow: " + p.workflow().displayName() + " (stored as \"" + p.workflowName() + "\")");
        line(b, 0, "ilastik version: " + (p.ilastikVersion().isEmpty() ? "(not stored)" : p.ilastikVersion()));
        line(b, 0, "Roles: " + String.join(", ", p.roleNames()));
        line(b, 0, "Inputs: " + p.lanes().size() + (p.lanes().size() == 1 ? " lane" : " lanes"));
        for (Lane lane : p.lanes()) {
            line(b, 1, "lane " + lane.index() + " (" + lane.groupName() + ")"
                    + lane.laneImageAxes().map(a -> ", lane image axes " + a).orElse(""));
            for (String role : p.roleNames()) {
                DatasetInfo i = lane.roles().get(role);
                line(b, 2, role + ": " + (i == null ? "(empty)" : describe(i)));
            }
        }
        for (PixelStage s : p.pixelStages()) {
            String title = p.pixelStages().size() > 1 ? "Stage " + s.number() + " features" : "Features";
            if (s.features() == null) {
                line(b, 0, title + ": none selected");
            } else {
                featureTable(b, title + " (" + s.featureGroup() + ")", s.features());
            }
        }
        for (ClassifierGroup g : p.classifierGroups()) {
            group(b, g);
        }
        ExportSettings e = p.exportSettings().orElse(null);
        if (e == null) {
            line(b, 0, "Export: no stored settings (ilastik defaults)");
        } else {
            export(b, e);
        }
        return b.toString();
    }

    private static String describe(DatasetInfo i) {
        StringBuilder s = new StringBuilder(i.kind().name().toLowerCase(Locale.ROOT));
        s.append(' ').append(i.isProjectInternal() ? i.internalPath() + " (inside the project)" : i.filePath());
        s.append(", nickname ").append(i.nickname());
        s.append(", axes ").append(i.axes() == null ? "?" : i.axes().toString());
        if (i.shape() != null) {
            s.append(", shape ").append(Arrays.toString(i.shape()));
        }
        if (i.drange() != null && i.drange().length > 0) {
            s.append(", drange ").append(Arrays.toString(i.drange()));
        }
        if (!i.allowLabels()) {
            s.append(", labels not allowed");
        }
        return s.toString();
    }

    private static void featureTable(StringBuilder b, String title, FeatureSelection f) {
        line(b, 0, title + ": " + f.selectedCount() + " of " + f.featureIds().size() * f.scales().length
                + " selected");
        int w = 10;
        for (String id : f.featureIds()) {
            w = Math.max(w, id.length());
        }
        StringBuilder head = new StringBuilder(String.format("%-" + w + "s", "sigma"));
        for (double s : f.scales()) {
            head.append(String.format(Locale.ROOT, " %5s", trim(s)));
        }
        line(b, 1, head.toString());
        for (int i = 0; i < f.featureIds().size(); i++) {
            StringBuilder row = new StringBuilder(String.format("%-" + w + "s", f.featureIds().get(i)));
            for (int j = 0; j < f.scales().length; j++) {
                row.append(String.format(" %5s", f.selected()[i][j] ? "X" : "."));
            }
            line(b, 1, row.toString());
        }
        StringBuilder dims = new StringBuilder(String.format("%-" + w + "s", "filter in"));
        for (int j = 0; j < f.scales().length; j++) {
            dims.append(String.format(" %5s", f.computeIn2d() == null ? "?" : f.computeIn2d()[j] ? "2D" : "3D"));
        }
        line(b, 1, dims + (f.computeIn2d() == null ? "   (ComputeIn2d not stored: 2D for data without z)" : ""));
    }

    private static void group(StringBuilder b, ClassifierGroup g) {
        line(b, 0, "Group " + g.name() + ":");
        LabelClasses c = g.classes();
        List<String> classes = new ArrayList<>();
        for (int i = 0; i < c.count(); i++) {
            classes.add((i + 1) + " " + c.names().get(i) + " " + hex(c.colors().get(i)));
        }
        line(b, 1, "Classes: " + (classes.isEmpty() ? "none" : String.join(", ", classes)));
        for (var e : g.labelBlocks().entrySet()) {
            long[] counts = labelCounts(e.getValue());
            StringBuilder s = new StringBuilder();
            for (int v = 1; v < counts.length; v++) {
                if (counts[v] > 0) {
                    s.append(s.isEmpty() ? "" : ", ").append(v).append(": ").append(counts[v]);
                }
            }
            line(b, 1, "Labels lane " + e.getKey() + ": " + e.getValue().size() + " blocks, labelled pixels "
                    + (s.isEmpty() ? "none" : s));
        }
        StoredClassifier k = g.classifier();
        if (k == null) {
            line(b, 1, "Classifier: none stored");
        } else {
            List<String> trees = new ArrayList<>();
            for (int i = 0; i < k.forests().size(); i++) {
                trees.add(Integer.toString(k.treeCount(i)));
            }
            line(b, 1, "Classifier: " + (k.pickledType() == null ? k.type().className() : k.pickledType())
                    + (k.usable() ? "" : " (not usable: needs retraining)"));
            line(b, 2, k.forests().size() + " forests, trees " + (trees.isEmpty() ? "-" : String.join("+", trees))
                    + (k.totalTreeCount() > 0 ? " = " + k.totalTreeCount() : "") + ", "
                    + (k.featureCount() < 0 ? "?" : k.featureCount()) + " features, known labels "
                    + (k.knownLabels() == null ? "(not stored)" : Arrays.toString(k.knownLabels())));
        }
        ClassifierFactorySettings f = g.factory();
        if (f != null) {
            line(b, 1, "Classifier factory: " + f.className() + ", trees " + f.treesOrDefault()
                    + (f.numTrees() == null ? " (default)" : "") + ", forests "
                    + (f.numForests() == null ? "(thread count)" : f.numForests()) + ", label proportion "
                    + (f.labelProportion() == null ? "none" : f.labelProportion()) + ", variable importance "
                    + (f.variableImportanceEnabled() ? "on" : "off"));
        }
    }

    private static void export(StringBuilder b, ExportSettings e) {
        line(b, 0, "Export (" + e.groupPath() + "):");
        line(b, 1, "format " + e.formatOrDefault() + ", file name " + e.filenameFormatOrDefault()
                + ", internal path " + e.internalPathOrDefault());
        List<String> more = new ArrayList<>();
        if (e.exportDtype() != null) {
            more.add("dtype " + e.exportDtype());
        }
        if (e.outputAxisOrder() != null) {
            more.add("axis order " + e.outputAxisOrder());
        }
        if (e.regionStart() != null || e.regionStop() != null) {
            more.add("region " + Arrays.toString(e.regionStart()) + " .. " + Arrays.toString(e.regionStop()));
        }
        if (e.normalizes()) {
            more.add("range [" + e.inputMin() + ", " + e.inputMax() + "] -> [" + e.exportMin() + ", "
                    + e.exportMax() + "]");
        }
        if (e.inputSelection() != null) {
            more.add("source index " + e.inputSelection());
        }
        if (e.selectedPlugin() != null) {
            more.add("plugin " + e.selectedPlugin());
        }
        if (!more.isEmpty()) {
            line(b, 1, String.join(", ", more));
        }
    }

    /** Pixel count per label value (index = value, 0..255) over {@code blocks}. */
    static long[] labelCounts(List<LabelBlock> blocks) {
        long[] counts = new long[256];
        int max = 0;
        for (LabelBlock blk : blocks) {
            for (byte v : blk.data()) {
                counts[v & 0xff]++;
                max = Math.max(max, v & 0xff);
            }
        }
        return Arrays.copyOf(counts, max + 1);
    }

    private static String hex(int[] rgb) {
        return String.format("#%02x%02x%02x", rgb[0] & 0xff, rgb[1] & 0xff, rgb[2] & 0xff);
    }

    private static String trim(double s) {
        return s == Math.rint(s) ? String.format(Locale.ROOT, "%.1f", s) : Double.toString(s);
    }

    private static void line(StringBuilder b, int indent, String text) {
        b.append("  ".repeat(indent)).append(text).append('\n');
    }
}
