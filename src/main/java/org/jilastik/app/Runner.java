package org.jilastik.app;

import java.nio.file.Path;
import java.util.List;
import org.jilastik.error.JilastikException;
import org.jilastik.exec.ResourceBudget;
import org.jilastik.project.Project;
import org.jilastik.workflow.WorkflowKind;

/**
 * Runs a validated {@link RunRequest} on a read {@link Project}: one lane per input (spec cli-and-io §2.7), each
 * computed and exported in tiles. Prints the path of every written file on stdout (unless {@code --quiet}) and a
 * one-line status per failed input on stderr.
 *
 * <p>Flags of capabilities jilastik does not have yet are refused first ({@link FeatureGate}), with a usage error.
 */
public final class Runner {
    private Runner() {
    }

    /**
     * Runs the request.
     *
     * @param request parsed, validated against {@code project} (roles, export source, input axes count)
     * @param project the project the request names
     * @return the process exit code: 0 when every input was processed, 1 when some failed
     * @throws JilastikException for user-facing failures (the first failing input, unless
     *                           {@code --continue-on-error})
     */
    public static int run(RunRequest request, Project project) {
        FeatureGate.refuseUnsupported(request);
        if (isObjectClassification(project.workflow())) {
            if (request.distributed().distributed()) {
                // blocks computed independently are meaningless for objects (spec cli-and-io §5.1)
                throw JilastikException.usage("--distributed applies to pixel-wise workflows (Pixel Classification, "
                        + "Autocontext) only; run object classification without it");
            }
            return ObjectClassificationRunner.run(request, project);
        }
        if (isTracking(project.workflow())) {
            if (request.distributed().distributed()) {
                throw JilastikException.usage("--distributed applies to pixel-wise workflows (Pixel Classification, "
                        + "Autocontext) only; run tracking without it");
            }
            if (request.gave("table_only")) {
                throw JilastikException.usage("--table_only applies to object classification projects only");
            }
            return TrackingRunner.run(request, project, Trackers.of(request));
        }
        if (project.workflow() == WorkflowKind.MULTICUT) {
            if (request.gave("table_only")) {
                throw JilastikException.usage("--table_only applies to object classification projects only");
            }
            return MulticutRunner.run(request, project);
        }
        if (request.gave("table_only")) {
            throw JilastikException.usage("--table_only applies to object classification projects only");
        }
        List<org.jilastik.workflow.pixel.TrainedStage> trained = switch (project.workflow()) {
            case PIXEL_CLASSIFICATION, AUTOCONTEXT -> project.pixelStages().isEmpty() ? null
                    : Retraining.prepare(request, project, System.err);
            default -> {
                if (request.workflowOptions().retrain() || request.workflowOptions().treeCount() != null
                        || request.workflowOptions().labelProportion() != null) {
                    throw JilastikException.usage("training (--retrain, --tree-count, --label-proportion) is "
                            + "supported for Pixel Classification and Autocontext projects only in jilastik "
                            + JilastikVersion.get());
                }
                yield null;
            }
        };
        LanePipeline.Factory workflow = switch (project.workflow()) {
            case PIXEL_CLASSIFICATION -> trained == null ? new PixelClassificationRun(project)
                    : new PixelClassificationRun(trained.getFirst());
            case AUTOCONTEXT -> trained == null ? new AutocontextRun(project) : new AutocontextRun(project, trained);
            case COUNTING -> new CountingRun(project, request);
            default -> throw JilastikException.usage("running " + project.workflow().displayName()
                    + " is not supported yet in jilastik " + JilastikVersion.get() + "; `jilastik inspect "
                    + request.project() + "` shows the project");
        };
        ResourceBudget budget = ResourceBudget.of(request.resources().threads(), request.resources().totalRamMb());
        Path cwd = Path.of("").toAbsolutePath();
        LaneExport run = new LaneExport(request, project, budget, cwd, workflow);
        return LaneLoop.run(request, project, (lane, log) -> List.of(run.runLane(lane, log)));
    }

    private static boolean isTracking(WorkflowKind kind) {
        return switch (kind) {
            case TRACKING_BINARY, TRACKING_PREDICTION, STRUCTURED_TRACKING_BINARY -> true;
            default -> false;
        };
    }

    private static boolean isObjectClassification(WorkflowKind kind) {
        return switch (kind) {
            case OBJECT_CLASSIFICATION_BINARY, OBJECT_CLASSIFICATION_LABEL, OBJECT_CLASSIFICATION_PREDICTION,
                 OBJECT_CLASSIFICATION_PIXEL -> true;
            default -> false;
        };
    }
}
