package org.jilastik.app;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jilastik.error.JilastikException;
import org.jilastik.workflow.WorkflowKind;

/**
 * Input-selection flags: inputs per role, positional inputs, {@code --input_axes}, {@code --stack_along},
 * {@code --ignore_training_axistags}, {@code --preconvert_stacks}.
 *
 * <p>Paths are kept as the strings typed (globs, {@code file.h5/internal/path}, {@code :}-lists are resolved by
 * the io layer). Immutable; the collections are unmodifiable copies.
 *
 * @param roleInputs             role flag name with underscores ({@code "raw_data"}) → paths, in the order the
 *                               flags first appeared; a repeated role flag appends
 * @param positionals            bare paths from anywhere on the command line; they belong to the workflow's
 *                               first role
 * @param inputAxes              {@code --input_axes} items as typed and lower-cased ({@code null} item = None),
 *                               or {@code null} when not given
 * @param ignoreTrainingAxistags {@code --ignore_training_axistags}
 * @param stackAlong             {@code --stack_along} letter (one of {@code tzyxc}), or {@code null} = default z
 * @param preconvertStacks       {@code --preconvert_stacks}
 */
public record InputOptions(Map<String, List<String>> roleInputs, List<String> positionals, List<String> inputAxes,
        boolean ignoreTrainingAxistags, Character stackAlong, boolean preconvertStacks) {

    /** No inputs and no input flags. */
    public static final InputOptions NONE = new InputOptions(Map.of(), List.of(), null, false, null, false);

    /** Makes unmodifiable copies. */
    public InputOptions {
        Map<String, List<String>> roles = new LinkedHashMap<>();
        roleInputs.forEach((k, v) -> roles.put(k, List.copyOf(v)));
        roleInputs = Collections.unmodifiableMap(roles);
        positionals = List.copyOf(positionals);
        // items may be null (None), so List.copyOf cannot be used
        inputAxes = inputAxes == null ? null : Collections.unmodifiableList(new ArrayList<>(inputAxes));
    }

    /** Whether any input path was given, by role flag or positionally. */
    public boolean hasInputs() {
        return !positionals.isEmpty() || roleInputs.values().stream().anyMatch(l -> !l.isEmpty());
    }

    /**
     * The inputs of each role of {@code workflow}: role flag name → paths, in the workflow's role order, every
     * role present (an empty list when none was given). Positional inputs go to the first role.
     *
     * @throws JilastikException (usage) when a role flag is not a role of this workflow, or when positional
     *                           inputs and the first role's flag are both given
     */
    public Map<String, List<String>> inputsFor(WorkflowKind workflow) {
        List<String> flags = workflow.roles().stream().map(WorkflowKind::roleFlag).toList();
        for (String given : roleInputs.keySet()) {
            if (!flags.contains(given)) {
                throw JilastikException.usage("--" + given + " is not an input of " + workflow.displayName()
                        + " projects; use " + String.join(", ", flags.stream().map(f -> "--" + f).toList()));
            }
        }
        String first = flags.get(0);
        if (!positionals.isEmpty() && roleInputs.containsKey(first)) {
            throw JilastikException.usage("inputs were given both as bare paths and with --" + first
                    + "; give the " + workflow.roles().get(0) + " inputs one way only");
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String f : flags) {
            List<String> paths = roleInputs.getOrDefault(f, List.of());
            out.put(f, f.equals(first) && !positionals.isEmpty() ? positionals : paths);
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * {@code --input_axes} expanded to one entry per role of {@code workflow} ({@code null} entry = use the
     * file's own axes), or {@code null} when the flag was not given. One item applies to every role; fewer
     * items than roles leave the rest {@code null}, as in ilastik.
     *
     * @throws JilastikException (usage) when more items than roles were given
     */
    public List<String> inputAxesFor(WorkflowKind workflow) {
        if (inputAxes == null) {
            return null;
        }
        int roles = workflow.roles().size();
        if (inputAxes.size() > roles) {
            throw JilastikException.usage("--input_axes gives " + inputAxes.size() + " axis strings but "
                    + workflow.displayName() + " projects have " + roles + " input role" + (roles == 1 ? "" : "s")
                    + " (" + String.join(", ", workflow.roles()) + "); give at most " + roles);
        }
        List<String> out = new ArrayList<>(roles);
        for (int i = 0; i < roles; i++) {
            out.add(inputAxes.size() == 1 ? inputAxes.get(0) : i < inputAxes.size() ? inputAxes.get(i) : null);
        }
        return Collections.unmodifiableList(out);
    }
}
