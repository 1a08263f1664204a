package org.jilastik.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jilastik.array.Axes;
import org.jilastik.error.JilastikException;
import org.jilastik.io.AxisChoice;
import org.jilastik.io.AxisOptions;
import org.jilastik.io.AxisResolver;
import org.jilastik.io.ImageSource;
import org.jilastik.io.InputOpener;
import org.jilastik.io.OpenedInput;
import org.jilastik.project.DatasetInfo;
import org.jilastik.project.Lane;
import org.jilastik.project.Project;
import org.jilastik.workflow.WorkflowKind;

/**
 * Groups a request's inputs into lanes (lane i = the i-th path of every role, spec cli-and-io §2.7) and opens
 * one lane's images with the axes ilastik would use (§2.6: {@code --input_axes}, else
 * {@code --ignore_training_axistags}, else the project's last training lane, role by role). Stateless.
 */
public final class LaneInputs {
    /** One opened input of a lane: the image with its interpreted axes and ilastik's naming facts. */
    public record OpenedRole(OpenedInput input, ImageSource image, AxisChoice axes) {
    }

    private LaneInputs() {
    }

    /**
     * The lanes: per lane the path string of each role (null where a role has fewer paths).
     *
     * @throws JilastikException (usage) when a role has more paths than the first role
     */
    public static List<String[]> lanes(RunRequest request, WorkflowKind kind) {
        Map<String, List<String>> byRole = request.inputsFor(kind);
        List<List<String>> roles = new ArrayList<>(byRole.values());
        int n = roles.getFirst().size();
        for (int r = 1; r < roles.size(); r++) {
            if (roles.get(r).size() > n) {
                throw JilastikException.usage(roles.get(r).size() + " inputs were given for --"
                        + WorkflowKind.roleFlag(kind.roles().get(r)) + " but only " + n + " for --"
                        + WorkflowKind.roleFlag(kind.roles().get(0)) + "; give one per "
                        + kind.roles().get(0) + " input");
            }
        }
        List<String[]> lanes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String[] lane = new String[roles.size()];
            for (int r = 0; r < roles.size(); r++) {
                lane[r] = i < roles.get(r).size() ? roles.get(r).get(i) : null;
            }
            lanes.add(lane);
        }
        return lanes;
    }

    /** Opens the input of role {@code role} from {@code path} with the axes ilastik would give it. */
    public static OpenedRole open(RunRequest request, Project project, int role, String path, Path cwd) {
        char stack = request.inputs().stackAlong() == null ? 'z' : request.inputs().stackAlong();
        OpenedInput in = InputOpener.open(path, cwd, stack);
        try {
            AxisOptions options = axisOptions(request, project.workflow());
            Axes training = trainingAxes(project, role);
            AxisChoice choice = AxisResolver.resolve(in.source(), path, options, role, training);
            return new OpenedRole(in, in.source().withAxes(choice.axes()), choice);
        } catch (RuntimeException e) {
            in.source().close();
            throw e;
        }
    }

    private static AxisOptions axisOptions(RunRequest request, WorkflowKind kind) {
        List<String> given = request.inputs().inputAxesFor(kind);
        List<Axes> axes = new ArrayList<>();
        if (given != null) {
            for (String a : given) {
                axes.add(a == null || a.equalsIgnoreCase("none") ? null : Axes.of(a));
            }
        }
        return new AxisOptions(axes, request.inputs().ignoreTrainingAxistags(), false);
    }

    /** Axes of role {@code role} in the project's last training lane, or null (then the file's own axes). */
    static Axes trainingAxes(Project project, int role) {
        if (project.lanes().isEmpty()) {
            return null;
        }
        Lane last = project.lanes().getLast();
        String name = project.workflow().roles().get(role);
        return last.role(name).map(DatasetInfo::axes).orElse(null);
    }
}
