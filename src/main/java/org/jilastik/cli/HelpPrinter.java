package org.jilastik.cli;

import java.io.PrintStream;
import java.util.List;
import org.jilastik.app.JilastikVersion;
import org.jilastik.cli.FlagSpec.Group;
import org.jilastik.project.Project;
import org.jilastik.workflow.WorkflowKind;

/** Prints {@code jilastik --help}: all flags grouped, and with a project its roles and export sources. */
public final class HelpPrinter {
    private static final int COLUMN = 36;

    private HelpPrinter() {
    }

    /** Prints the general help: usage, syntax rules, every flag by group, environment variables, exit codes. */
    public static void printGeneral(PrintStream out) {
        out.println("jilastik " + JilastikVersion.get()
                + " - runs trained ilastik projects, as `run_ilastik.sh --headless` does");
        out.println();
        out.println("Usage: jilastik [--headless] --project=P.ilp [OPTIONS] [--raw_data] IMAGE...");
        out.println("       jilastik inspect P.ilp [--json]");
        out.println("       jilastik train --project=P.ilp --raw_data IMAGE... --labels LABELS... [--features=SPEC]"
                + " [--tree-count=N]");
        out.println("       jilastik --help [--project=P.ilp]");
        out.println("       jilastik --version");
        out.println();
        out.println("Every flag may be spelled with _ or - (--output_format = --output-format), takes its value");
        out.println("after = or a space, and may be shortened to an unambiguous prefix (--proj = --project).");
        out.println("Bare paths may stand anywhere and go to the first input role; after -- every token is a path.");
        for (Group g : Group.values()) {
            out.println();
            out.println(g.title() + ":");
            for (FlagSpec f : FlagTable.inGroup(g)) {
                printFlag(out, f);
            }
        }
        out.println();
        out.println("Resources (environment variables):");
        line(out, "LAZYFLOW_THREADS=N", "worker threads (default min(CPU count, 8); 0 = none, run in one thread)");
        line(out, "LAZYFLOW_TOTAL_RAM_MB=N", "RAM budget in MB (default physical RAM - 1 GiB; at least 500)");
        out.println();
        out.println("Exit codes: 0 success, 1 processing error, 2 usage error (one line on stderr).");
        out.println("`jilastik --help --project=P.ilp` lists that project's inputs, export sources and options.");
    }

    /** Prints what is specific to {@code project}: its workflow, input roles with flags, export sources. */
    public static void printForProject(PrintStream out, String projectName, Project project) {
        WorkflowKind kind = project.workflow();
        out.println();
        out.println("Project " + projectName + ": " + kind.displayName() + " (stored as \"" + project.workflowName()
                + "\")");
        out.println("  Inputs (bare paths go to " + kind.roles().get(0) + "):");
        for (String role : kind.roles()) {
            line(out, "  --" + WorkflowKind.roleFlag(role) + " PATH...", role);
        }
        List<String> sources = kind.exportSources(project.stages());
        out.println("  Export sources (--export_source; case does not matter):");
        for (int i = 0; i < sources.size(); i++) {
            out.println("      " + sources.get(i) + (i == 0 ? "   (default)" : ""));
        }
        List<FlagSpec> specific = FlagTable.all().stream()
                .filter(f -> f.workflows() != null && f.arity() != FlagSpec.Arity.MANY && f.appliesTo(kind))
                .toList();
        if (!specific.isEmpty()) {
            out.println("  Options for this workflow:");
            specific.forEach(f -> printFlag(out, f));
        }
    }

    private static void printFlag(PrintStream out, FlagSpec f) {
        String head = switch (f.arity()) {
            case NONE -> f.spelling();
            case OPTIONAL_BOOLEAN -> f.spelling() + "[=BOOL]";
            case ONE -> f.spelling() + "=" + f.valueName();
            case MANY -> f.spelling() + " " + f.valueName();
        };
        if (f.name().equals("help")) {
            head = "-h, " + head;
        }
        line(out, head, f.description());
    }

    private static void line(PrintStream out, String head, String description) {
        String h = "  " + head;
        out.println(h.length() + 1 < COLUMN ? String.format("%-" + COLUMN + "s%s", h, description)
                : h + System.lineSeparator() + " ".repeat(COLUMN) + description);
    }
}
