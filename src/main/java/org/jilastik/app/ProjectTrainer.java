package org.jilastik.app;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jilastik.array.Axes;
import org.jilastik.array.Box;
import org.jilastik.error.JilastikException;
import org.jilastik.exec.ResourceBudget;
import org.jilastik.export.VigraAxisTags;
import org.jilastik.features.FeatureSelection;
import org.jilastik.features.FeatureSpec;
import org.jilastik.forest.ClassifierForestsCodec;
import org.jilastik.forest.ForestTrainer;
import org.jilastik.io.ImageSource;
import org.jilastik.io.InputOpener;
import org.jilastik.io.OpenedInput;
import org.jilastik.io.PipelineAxisOrder;
import org.jilastik.io.ReorderedSource;
import org.jilastik.io.StagedOutput;
import org.jilastik.project.ClassifierFactoryPickle;
import org.jilastik.project.LabelBlock;
import org.jilastik.project.LabelClasses;
import org.jilastik.project.NewProject;
import org.jilastik.project.PixelStage;
import org.jilastik.project.Project;
import org.jilastik.project.ProjectReader;
import org.jilastik.project.ProjectWriter;
import org.jilastik.workflow.WorkflowKind;

/**
 * {@code jilastik train}: creates or updates a Pixel Classification project from images and label images, or
 * retrains an existing project (Pixel Classification or Autocontext) from its stored labels and saves it.
 *
 * <p>New project: each image becomes a lane (a filesystem dataset info, its path relative to the project's
 * directory when the image lies below it), each label image is cut into label blocks ({@link LabelImages}), the
 * feature selection comes from {@code --features} (or the updated project's, or {@code all}); the project is first
 * written untrained to a hidden sibling, read back with {@link ProjectReader} and trained with the same code as
 * {@code --retrain} ({@link StageTraining}); then the final project (with its forests) is written staged over the
 * target. Stateless.
 */
public final class ProjectTrainer {
    private ProjectTrainer() {
    }

    /**
     * Runs the request.
     *
     * @param cwd directory relative paths are resolved against
     * @param log progress notes (stderr)
     * @return the project written
     * @throws JilastikException for anything a user can fix
     */
    public static Path run(TrainRequest request, Path cwd, PrintStream log) {
        Path target = cwd.resolve(RunRequest.expandHome(request.project(), System.getProperty("user.home")))
                .toAbsolutePath().normalize();
        int threads = ResourceBudget.of(request.threads(), null).workers();
        StageTraining.Settings settings = new StageTraining.Settings(request.treeCount(), request.labelProportion(),
                request.seed() == null ? ForestTrainer.DEFAULT_SEED : request.seed(), Math.max(1, threads),
                request.variableImportancePath() != null);
        Project existing = Files.isRegularFile(target) ? ProjectReader.read(target) : null;
        if (request.rawData().isEmpty()) {
            if (existing == null) {
                throw JilastikException.usage("project " + request.project() + " does not exist; give training "
                        + "images with --raw_data and label images with --labels to create it");
            }
            retrainExisting(existing, settings, request, log);
            return target;
        }
        if (existing != null && existing.workflow() != WorkflowKind.PIXEL_CLASSIFICATION) {
            throw JilastikException.usage(request.project() + " is a " + existing.workflow().displayName()
                    + " project; `jilastik train` with images creates Pixel Classification projects only (without"
                    + " images it retrains the stored labels of any pixel project)");
        }
        NewProject untrained = draft(request, cwd, target, existing, settings.threads());
        Path temp = StagedOutput.temporarySibling(target);
        try {
            ProjectWriter.create(temp, untrained);
            Project read = ProjectReader.read(temp);
            StageTraining.TrainedResult r = StageTraining.train(read, read.pixelStages().getFirst(), List.of(),
                    settings);
            writeImportance(r, request, 1);
            NewProject trained = new NewProject(untrained.ilastikVersion(), untrained.lanes(), untrained.features(),
                    untrained.classes(), untrained.labels(),
                    ClassifierForestsCodec.encode(r.result().classifier(), ProjectWriter.CLASSIFIER_FORESTS),
                    ClassifierFactoryPickle.of(r.trees(), r.forests(), r.proportion(),
                            request.variableImportancePath()));
            ProjectWriter.create(target, trained);
            if (!request.quiet()) {
                log.println("jilastik: trained " + r.trees() + " trees on " + r.samples() + " labelled pixels of "
                        + untrained.lanes().size() + " image(s) with " + r.result().classifier().featureCount()
                        + " features");
            }
            return target;
        } finally {
            StagedOutput.deleteQuietly(temp);
        }
    }

    private static void retrainExisting(Project project, StageTraining.Settings settings, TrainRequest request,
            PrintStream log) {
        if (project.pixelStages().isEmpty()) {
            throw JilastikException.usage(request.project() + " is a " + project.workflow().displayName()
                    + " project, which has no pixel classifier to train");
        }
        List<ProjectWriter.ClassifierUpdate> updates = new ArrayList<>();
        List<org.jilastik.workflow.pixel.TrainedStage> before = new ArrayList<>();
        for (PixelStage stage : project.pixelStages()) {
            StageTraining.TrainedResult r = StageTraining.train(project, stage, List.copyOf(before), settings);
            before.add(r.stage());
            writeImportance(r, request, stage.number());
            updates.add(new ProjectWriter.ClassifierUpdate(stage.classifier().name(),
                    ClassifierForestsCodec.encode(r.result().classifier(), ProjectWriter.CLASSIFIER_FORESTS),
                    ClassifierFactoryPickle.of(r.trees(), r.forests(), r.proportion(),
                            request.variableImportancePath())));
            if (!request.quiet()) {
                log.println("jilastik: trained stage " + stage.number() + ": " + r.trees() + " trees on "
                        + r.samples() + " labelled pixels");
            }
        }
        ProjectWriter.saveClassifiers(project.path(), updates);
    }

    private static void writeImportance(StageTraining.TrainedResult r, TrainRequest request, int stage) {
        if (r.importance() != null) {
            r.importance().writeInto(Path.of(request.variableImportancePath()),
                    stage == 1 ? "varimp.txt" : "varimp_stage" + stage + ".txt");
        }
    }

    // The project without a classifier: lanes, labels, features, classes.
    private static NewProject draft(TrainRequest request, Path cwd, Path target, Project existing, int forests) {
        if (request.labels().size() != request.rawData().size()) {
            throw JilastikException.usage(request.rawData().size() + " training images but "
                    + request.labels().size() + " label images were given; give one --labels image per image");
        }
        List<NewProject.NewLane> lanes = new ArrayList<>();
        Map<Integer, List<LabelBlock>> labels = new HashMap<>();
        int maxLabel = 0;
        boolean anyZ = false;
        for (int i = 0; i < request.rawData().size(); i++) {
            String raw = request.rawData().get(i);
            String lab = request.labels().get(i);
            OpenedInput in = InputOpener.open(raw, cwd, 'z');
            try (ImageSource source = withAxes(in.source(), request.inputAxes(), raw)) {
                if (in.files().size() != 1) {
                    throw JilastikException.usage("training image " + raw + " names " + in.files().size()
                            + " files; give one file per training image");
                }
                Axes pipe = PipelineAxisOrder.pixelClassification(source.axes(), source.shape());
                ImageSource image = new ReorderedSource(source, pipe);
                anyZ |= pipe.has('z');
                List<LabelBlock> blocks = readLabels(lab, cwd, request.inputAxes(), pipe, image.shape());
                for (LabelBlock b : blocks) {
                    maxLabel = Math.max(maxLabel, b.maxValue());
                }
                labels.put(i, blocks);
                lanes.add(new NewProject.NewLane(in.nickname(), storedPath(in.files().getFirst(), target),
                        in.files().getFirst().external().startsWith(target.getParent()),
                        VigraAxisTags.json(source.axes()), source.shape().clone()));
            }
        }
        if (maxLabel == 0) {
            throw JilastikException.usage("the label images mark no pixel; label pixels with values 1, 2, ... "
                    + "(0 means unlabelled)");
        }
        List<String> names = new ArrayList<>(request.labelNames());
        if (names.isEmpty() && existing != null && existing.pixelStages().getFirst().classifier() != null) {
            names.addAll(existing.pixelStages().getFirst().classifier().classes().names());
        }
        if (names.size() < maxLabel) {
            if (!request.labelNames().isEmpty()) {
                throw JilastikException.usage("the label images use label " + maxLabel + " but --label-names names "
                        + names.size() + " classes; name every class");
            }
            for (int k = names.size(); k < maxLabel; k++) {
                names.add("Label " + (k + 1));
            }
        }
        List<int[]> colors = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            colors.add(LabelClasses.defaultColor(k));
        }
        LabelClasses classes = new LabelClasses(List.copyOf(names), colors, colors);
        FeatureSelection features = request.features() == null && existing != null
                && existing.featureSelection().isPresent() ? existing.featureSelection().get()
                : FeatureSpec.parse(request.features(), !anyZ);
        int trees = request.treeCount() == null ? ForestTrainer.DEFAULT_TREES : request.treeCount();
        return new NewProject(NewProject.ILASTIK_VERSION, lanes, features, classes, labels, null,
                ClassifierFactoryPickle.of(trees, forests, request.labelProportion(),
                        request.variableImportancePath()));
    }

    private static ImageSource withAxes(ImageSource source, String inputAxes, String name) {
        if (inputAxes == null) {
            return source;
        }
        Axes given = Axes.of(inputAxes);
        if (given.size() != source.shape().length) {
            source.close();
            throw JilastikException.usage("--input_axes=" + inputAxes + " has " + given.size() + " letters but "
                    + name + " has " + source.shape().length + " dimensions; give one letter per dimension");
        }
        return source.withAxes(given);
    }

    // The label image in the lane's order, checked against the image's extents, as blocks.
    private static List<LabelBlock> readLabels(String arg, Path cwd, String inputAxes, Axes pipe, long[] imageShape) {
        OpenedInput in = InputOpener.open(arg, cwd, 'z');
        try (ImageSource raw = withAxes(in.source(), inputAxes, arg)) {
            Axes order = PipelineAxisOrder.pixelClassification(raw.axes(), raw.shape());
            ImageSource labels = new ReorderedSource(raw, order);
            long[] shape = labels.shape();
            int c = order.indexOf('c');
            boolean fits = order.remove('c').equals(pipe.remove('c')) && shape[c] == 1;
            for (int k = 0; fits && k < shape.length; k++) {
                fits = k == c || shape[k] == imageShape[pipe.indexOf(order.get(k))];
            }
            if (!fits) {
                throw JilastikException.usage("label image " + arg + " has axes " + order + " and shape "
                        + java.util.Arrays.toString(shape) + " but its image has axes " + pipe + " and shape "
                        + java.util.Arrays.toString(imageShape) + "; give a one-channel label image of the same size");
            }
            return LabelImages.blocks(labels.read(Box.ofShape(shape)), arg);
        }
    }

    // The filePath ilastik stores: relative to the project's directory when the file lies below it.
    private static String storedPath(org.jilastik.io.ContainerPath file, Path target) {
        Path dir = target.getParent();
        Path external = file.external().toAbsolutePath().normalize();
        String path = external.startsWith(dir) ? dir.relativize(external).toString().replace('\\', '/')
                : external.toString();
        return file.internal() == null ? path : path + file.internal();
    }
}
