package org.jilastik.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.error.JilastikException;
import org.jilastik.features.FeaturePlan;
import org.jilastik.forest.ForestTrainer;
import org.jilastik.forest.TrainingSet;
import org.jilastik.forest.VariableImportance;
import org.jilastik.io.AxisChoice;
import org.jilastik.io.AxisOptions;
import org.jilastik.io.AxisResolver;
import org.jilastik.io.ImageSource;
import org.jilastik.io.InputOpener;
import org.jilastik.io.OpenedInput;
import org.jilastik.io.PipelineAxisOrder;
import org.jilastik.io.ReorderedSource;
import org.jilastik.project.ClassifierFactorySettings;
import org.jilastik.project.ClassifierGroup;
import org.jilastik.project.DatasetInfo;
import org.jilastik.project.LabelBlock;
import org.jilastik.project.Lane;
import org.jilastik.project.PixelStage;
import org.jilastik.project.Project;
import org.jilastik.workflow.autocontext.AutocontextExportSource;
import org.jilastik.workflow.autocontext.AutocontextPipeline;
import org.jilastik.workflow.pixel.LabelSamples;
import org.jilastik.workflow.pixel.TrainedStage;

/**
 * Trains the pixel stages of a project from its stored labels, as ilastik's {@code --retrain} does: for each stage
 * in order, the features of the stage's input over the label blocks of every lane (stage k ≥ 2 of Autocontext sees
 * the raw data stacked with stage k−1's converted probabilities, from the stages just trained), then a forest
 * ({@link ForestTrainer}). The lanes' raw data are opened from the project's dataset infos (relative paths against
 * the project's directory, project-internal data from the project file). Stateless.
 */
final class StageTraining {
    private StageTraining() {
    }

    /**
     * Settings of one training run; nulls fall back to the stage's stored factory, then ilastik's defaults.
     *
     * @param treeCount       {@code --tree-count}, or null
     * @param labelProportion {@code --label-proportion}, or null
     * @param seed            random seed
     * @param threads         worker threads
     * @param importance      whether to measure variable importance
     */
    record Settings(Integer treeCount, Double labelProportion, long seed, int threads, boolean importance) {
    }

    /**
     * One trained stage.
     *
     * @param stage      ready to predict
     * @param result     the classifier and (when asked) its importance
     * @param trees      total trees
     * @param forests    forests the trees were spread over
     * @param proportion the label proportion used, or null
     * @param samples    number of training samples
     */
    record TrainedResult(TrainedStage stage, ForestTrainer.Result result, int trees, int forests, Double proportion,
                         int samples) {
        VariableImportance importance() {
            return result.importance();
        }
    }

    /** Trains every pixel stage of {@code project} in order. */
    static List<TrainedResult> trainAll(Project project, Settings settings) {
        List<TrainedResult> done = new ArrayList<>();
        for (PixelStage stage : project.pixelStages()) {
            List<TrainedStage> before = done.stream().map(TrainedResult::stage).toList();
            done.add(train(project, stage, before, settings));
        }
        return List.copyOf(done);
    }

    /**
     * Trains one stage.
     *
     * @param before the trained stages before it (empty for stage 1)
     * @throws JilastikException (processing) when the stage has no features or no labels
     */
    static TrainedResult train(Project project, PixelStage stage, List<TrainedStage> before, Settings settings) {
        ClassifierGroup group = stage.classifier();
        String where = group == null ? "PixelClassification" : group.name();
        if (stage.features() == null) {
            throw JilastikException.processing("the project selects no pixel features for " + where
                    + "; select features in ilastik or give them to `jilastik train --features`");
        }
        if (group == null || group.labelBlocks().isEmpty()) {
            throw JilastikException.processing("the project has no labels in " + where + " to train from; label "
                    + "pixels in ilastik or with \"jilastik train --labels\"");
        }
        TrainingSet data = trainingSet(project, stage, before);
        ClassifierFactorySettings factory = group.factory();
        Double proportion = settings.labelProportion() != null ? settings.labelProportion()
                : factory == null ? null : factory.labelProportion();
        if (proportion != null && proportion < 1.0) {
            data = data.subsample(proportion, settings.seed() ^ stage.number());
        }
        int trees = settings.treeCount() != null ? settings.treeCount()
                : factory == null ? ForestTrainer.DEFAULT_TREES : factory.treesOrDefault();
        int forests = factory != null && factory.numForests() != null ? factory.numForests() : settings.threads();
        ForestTrainer trainer = new ForestTrainer(trees, Math.max(1, forests), settings.seed() + stage.number(),
                settings.threads());
        ForestTrainer.Result result = trainer.train(data, settings.importance());
        return new TrainedResult(TrainedStage.of(stage, result.classifier()), result, trees, Math.max(1, forests),
                proportion, data.sampleCount());
    }

    /**
     * The training samples of one stage: the stage's features at every labelled pixel of every lane, in lane and
     * label-block order (stage k ≥ 2 of Autocontext sees the raw data stacked with the probabilities of
     * {@code before}).
     *
     * @param stage a stage with a feature selection and a classifier group holding labels
     * @throws JilastikException (processing) when the labels mark no pixel of the project's images
     */
    static TrainingSet trainingSet(Project project, PixelStage stage, List<TrainedStage> before) {
        ClassifierGroup group = stage.classifier();
        String where = group.name();
        int classCount = group.classes().count() > 0 ? group.classes().count() : 255;
        LabelSamples samples = null;
        for (Lane lane : project.lanes()) {
            List<LabelBlock> stored = group.storedBlocks(lane.index());
            if (stored.isEmpty()) {
                continue;
            }
            try (ImageSource image = openRaw(project, lane)) {
                Axes axes = image.axes();
                long[] shape = image.shape().clone();
                int c = axes.indexOf('c');
                Function<Box, Block> input = image::read;
                if (!before.isEmpty()) {
                    AutocontextPipeline previous = AutocontextPipeline.of(before, axes, image.shape(), image.dtype());
                    AutocontextExportSource stacked = new AutocontextExportSource(AutocontextExportSource.Kind.INPUT,
                            before.size() + 1);
                    shape[c] += before.getLast().classCount();
                    input = box -> previous.compute(stacked, image.read(previous.rawBox(stacked, box)), box, null);
                }
                FeaturePlan plan = FeaturePlan.of(stage.features(), axes, shape);
                if (samples == null) {
                    samples = new LabelSamples(plan.channelNames(), classCount);
                }
                samples.addLane(plan, group.blocksInLaneOrder(lane.index(), axes), input);
            }
        }
        if (samples == null || samples.count() == 0) {
            throw JilastikException.processing("the labels in " + where + " mark no pixel of the project's images; "
                    + "label pixels in ilastik or with \"jilastik train --labels\"");
        }
        return samples.toTrainingSet();
    }

    /**
     * Opens a lane's raw data in pipeline axes ({@code (t)(z)yxc}), with the lane's stored axes (spec cli-and-io
     * §2.6: the training axes) where the file's dimension count fits them.
     *
     * @throws JilastikException (processing) when the data cannot be found or is of a kind jilastik cannot open
     */
    static ImageSource openRaw(Project project, Lane lane) {
        DatasetInfo info = lane.rawData().orElseThrow(() -> JilastikException.processing("lane " + lane.groupName()
                + " of " + project.path() + " has no raw data; add its image in ilastik"));
        Path projectDir = project.path().toAbsolutePath().getParent();
        String argument = switch (info.kind()) {
            case PROJECT_INTERNAL -> project.path().toAbsolutePath() + "/"
                    + info.internalPath().replaceFirst("^/+", "");
            case FILESYSTEM, RELATIVE_FILESYSTEM -> info.filePath();
            default -> throw JilastikException.processing("the raw data of lane " + lane.groupName() + " is a "
                    + info.kind() + ", which jilastik cannot open for training; add the image as a file in ilastik");
        };
        OpenedInput in = InputOpener.open(argument, projectDir, 'z');
        try {
            Axes stored = info.axes();
            AxisChoice choice = AxisResolver.resolve(in.source(), argument, AxisOptions.NONE, 0,
                    stored != null && stored.size() == in.source().shape().length ? stored : null);
            ImageSource source = in.source().withAxes(choice.axes());
            return new ReorderedSource(source, PipelineAxisOrder.pixelClassification(source.axes(), source.shape()));
        } catch (RuntimeException e) {
            in.source().close();
            throw e;
        }
    }
}
