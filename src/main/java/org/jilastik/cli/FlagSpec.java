package org.jilastik.cli;

import java.util.Set;
import org.jilastik.workflow.WorkflowKind;

/**
 * One command-line flag: its canonical name, how ilastik spells it, how many values it takes, and which
 * workflows it applies to.
 *
 * @param name        canonical name: the spelling without the leading {@code --}, every {@code -} replaced by
 *                    {@code _} (what a typed name is normalised to before lookup)
 * @param spelling    the flag as ilastik documents it, with {@code --} (e.g. {@code --tree-count})
 * @param group       the help section
 * @param arity       how values are taken
 * @param valueName   the value's placeholder in help ({@code null} for flags without a value)
 * @param description one line for {@code --help}
 * @param workflows   workflows the flag applies to; {@code null} = every workflow; empty = none of the workflows
 *                    jilastik knows (neural network, carving)
 */
public record FlagSpec(String name, String spelling, Group group, Arity arity, String valueName, String description,
        Set<WorkflowKind> workflows) {

    /** How a flag takes its values. */
    public enum Arity {
        /** No value ({@code --headless}); {@code --flag=value} is an error. */
        NONE,
        /** Exactly one value: {@code --flag=value} or {@code --flag value}. */
        ONE,
        /**
         * An optional boolean ({@code --readonly}): alone = true; {@code --readonly=VALUE}; or {@code --readonly VALUE}
         * only when the next token is a boolean word, so a following path is never taken as the value.
         */
        OPTIONAL_BOOLEAN,
        /** One or more values: every following token up to the next option ({@code --raw_data a.h5 b.h5}). */
        MANY
    }

    /** Help sections, in the order {@code --help} prints them. */
    public enum Group {
        GLOBAL("Global options"),
        INPUT("Input options (role flags take one or more paths; bare paths go to the first role)"),
        EXPORT("Export options"),
        WORKFLOW("Workflow-specific options"),
        DISTRIBUTED("Distributed mode"),
        JILASTIK("jilastik extras");

        private final String title;

        Group(String title) {
            this.title = title;
        }

        /** The section heading. */
        public String title() {
            return title;
        }
    }

    /** Whether the flag applies to {@code kind}. */
    public boolean appliesTo(WorkflowKind kind) {
        return workflows == null || workflows.contains(kind);
    }

    /** Normalises a typed flag name (without {@code --}) to the canonical form: every {@code -} → {@code _}. */
    public static String normalise(String typedName) {
        return typedName.replace('-', '_');
    }
}
