package org.jilastik.cli;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.jilastik.app.ExportOptions;
import org.jilastik.app.RunRequest;
import org.jilastik.error.JilastikException;
import org.jilastik.workflow.WorkflowKind;

/**
 * The checks that need the project's workflow: role flags, {@code --input_axes} count, workflow-specific flags,
 * and {@code --export_source} (resolved to the workflow's canonical name, case-insensitively). All failures are
 * one-sentence usage errors (exit code 2). Stateless; thread safe.
 */
public final class ProjectArgumentChecks {
    /** ilastik's misspelled autocontext source, still accepted for old scripts. */
    static final String AUTOCONTEXT_MISSPELLED = "Propabilities All Stages";

    private ProjectArgumentChecks() {
    }

    /**
     * Validates {@code request} against a project of workflow {@code kind} with {@code stages} classifier stages.
     *
     * @param projectName the project as the user named it (for messages)
     * @return the request with {@code --export_source} replaced by the workflow's spelling of that source
     * @throws JilastikException (usage) naming the bad flag and the valid choices
     */
    public static RunRequest check(RunRequest request, WorkflowKind kind, int stages, String projectName) {
        request.inputsFor(kind);
        request.inputs().inputAxesFor(kind);
        for (String name : request.givenFlags()) {
            FlagSpec flag = FlagTable.get(name);
            if (flag.arity() != FlagSpec.Arity.MANY && !flag.appliesTo(kind)) {
                throw JilastikException.usage(flag.spelling() + " does not apply to " + kind.displayName()
                        + " projects like " + projectName + appliesTo(flag));
            }
        }
        ExportOptions export = request.export();
        String source = export.exportSource() == null ? null
                : resolveExportSource(export.exportSource(), kind.exportSources(stages), kind);
        checkPluginFlags(source, export);
        return request.withExport(export.withExportSource(source));
    }

    private static String appliesTo(FlagSpec flag) {
        if (flag.workflows().isEmpty()) {
            return "; it belongs to a workflow jilastik does not run";
        }
        Set<String> names = new TreeSet<>();
        flag.workflows().forEach(k -> names.add(k.displayName()));
        return "; it applies to " + String.join(", ", names);
    }

    /**
     * The source of {@code sources} that {@code given} names, ignoring case and surrounding spaces.
     *
     * @throws JilastikException (usage) listing the valid names
     */
    public static String resolveExportSource(String given, List<String> sources, WorkflowKind kind) {
        String g = given.trim();
        for (String s : sources) {
            if (s.equalsIgnoreCase(g)) {
                return s;
            }
        }
        if (kind == WorkflowKind.AUTOCONTEXT && g.equalsIgnoreCase(AUTOCONTEXT_MISSPELLED)) {
            return "Probabilities All Stages";
        }
        throw JilastikException.usage("--export_source \"" + given + "\" is not an export of " + kind.displayName()
                + " projects; choose one of " + String.join(", ", sources));
    }

    private static void checkPluginFlags(String source, ExportOptions export) {
        boolean pluginSource = source != null && source.toLowerCase(Locale.ROOT).equals("plugin");
        if (pluginSource && export.exportPlugin() == null) {
            throw JilastikException.usage("--export_source=Plugin needs --export_plugin=NAME");
        }
        if (!pluginSource && export.exportPlugin() != null) {
            throw JilastikException.usage("--export_plugin only applies together with --export_source=Plugin");
        }
        boolean mamut = "Fiji-MaMuT".equals(export.exportPlugin());
        if (mamut && export.bigDataViewerXmlFile() == null) {
            throw JilastikException.usage("--export_plugin=Fiji-MaMuT needs --big_data_viewer_xml_file=FILE");
        }
        if (!mamut && export.bigDataViewerXmlFile() != null) {
            throw JilastikException.usage("--big_data_viewer_xml_file only applies with --export_plugin=Fiji-MaMuT");
        }
    }
}
