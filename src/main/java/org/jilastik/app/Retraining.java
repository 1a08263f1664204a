package org.jilastik.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jilastik.error.JilastikException;
import org.jilastik.exec.ResourceBudget;
import org.jilastik.forest.ClassifierForestsCodec;
import org.jilastik.forest.ForestTrainer;
import org.jilastik.project.ClassifierFactoryPickle;
import org.jilastik.project.PixelStage;
import org.jilastik.project.Project;
import org.jilastik.project.ProjectWriter;
import org.jilastik.workflow.pixel.TrainedStage;

/**
 * Decides whether a Pixel Classification or Autocontext run trains its classifiers, trains them, and saves them
 * (spec cli-and-io §1.6, pixel-classification §3.2):
 * <ul>
 * <li>{@code --retrain}, {@code --tree-count} or {@code --label-proportion}: every stage is trained from the
 *     stored labels, in order (ilastik marks the classifier dirty for the latter two);</li>
 * <li>otherwise a stage without a usable stored classifier (none, unsupported type, or one that knows more classes
 *     than the label names) is trained when it has labels, as ilastik does at load time;</li>
 * <li>{@code --retrain} saves the trained classifiers into the project (staged: a copy is edited and moved over
 *     the original) unless {@code --readonly=true} was given explicitly. ilastik's headless mode is read-only by
 *     default and its {@code --retrain} then fails with an assertion; jilastik takes {@code --retrain} as the
 *     request to save. A project file that cannot be written gets one warning line and the run continues with
 *     the trained classifier;</li>
 * <li>{@code --variable-importance-path DIR}: when training happens, {@code DIR/varimp.txt} is written (per
 *     stage {@code varimp.txt}, {@code varimp_stage2.txt}, ...); without training, a warning says nothing was
 *     written.</li>
 * </ul>
 * Stateless.
 */
final class Retraining {
    private Retraining() {
    }

    /**
     * The stages to run, trained where needed, or null when every stage uses its stored classifier.
     *
     * @param log where warnings and notes go (stderr)
     */
    static List<TrainedStage> prepare(RunRequest request, Project project, PrintStream log) {
        WorkflowOptions w = request.workflowOptions();
        boolean forced = w.retrain() || w.treeCount() != null || w.labelProportion() != null;
        boolean anyMissing = project.pixelStages().stream().anyMatch(s -> !TrainedStage.hasUsableClassifier(s));
        if (!forced && !anyMissing) {
            if (w.variableImportancePath() != null) {
                log.println("jilastik: warning: no classifier was trained, so no variable importance table was "
                        + "written; add --retrain to train and write it");
            }
            return null;
        }
        int threads = ResourceBudget.of(request.resources().threads(), request.resources().totalRamMb()).workers();
        StageTraining.Settings settings = new StageTraining.Settings(w.treeCount(), w.labelProportion(),
                ForestTrainer.DEFAULT_SEED, Math.max(1, threads), w.variableImportancePath() != null);
        List<TrainedStage> stages = new ArrayList<>();
        List<ProjectWriter.ClassifierUpdate> updates = new ArrayList<>();
        for (PixelStage stage : project.pixelStages()) {
            if (!forced && TrainedStage.hasUsableClassifier(stage)) {
                stages.add(TrainedStage.of(stage));
                continue;
            }
            if (!forced && (stage.classifier() == null || stage.classifier().labelBlocks().isEmpty())) {
                // nothing to train from: TrainedStage says in one sentence what the stored classifier lacks
                stages.add(TrainedStage.of(stage));
                continue;
            }
            if (!forced && !request.quiet()) {
                log.println("jilastik: warning: the project has no usable classifier for stage " + stage.number()
                        + "; training one from its labels");
            }
            StageTraining.TrainedResult r = StageTraining.train(project, stage, List.copyOf(stages), settings);
            stages.add(r.stage());
            if (r.importance() != null) {
                String name = stage.number() == 1 ? "varimp.txt" : "varimp_stage" + stage.number() + ".txt";
                r.importance().writeInto(Path.of(w.variableImportancePath()), name);
            }
            String group = stage.classifier().name();
            updates.add(new ProjectWriter.ClassifierUpdate(group,
                    ClassifierForestsCodec.encode(r.result().classifier(), ProjectWriter.CLASSIFIER_FORESTS),
                    ClassifierFactoryPickle.of(r.trees(), r.forests(), r.proportion(), w.variableImportancePath())));
            if (!request.quiet()) {
                log.println("jilastik: trained stage " + stage.number() + " (" + group + "): " + r.trees()
                        + " trees on " + r.samples() + " labelled pixels");
            }
        }
        if (w.retrain()) {
            save(request, project, updates, log);
        }
        return List.copyOf(stages);
    }

    private static void save(RunRequest request, Project project, List<ProjectWriter.ClassifierUpdate> updates,
            PrintStream log) {
        if (Boolean.TRUE.equals(request.readonly())) {
            log.println("jilastik: the retrained classifier is used for this run but not saved, because "
                    + "--readonly=true was given; drop it to save the classifier into " + project.path());
            return;
        }
        try {
            ProjectWriter.saveClassifiers(project.path(), updates);
            if (!request.quiet()) {
                log.println("jilastik: saved the retrained classifier into " + project.path());
            }
        } catch (JilastikException e) {
            log.println("jilastik: warning: " + e.getMessage());
        }
    }
}
