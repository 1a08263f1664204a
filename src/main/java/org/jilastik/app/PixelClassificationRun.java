package org.jilastik.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.jilastik.error.JilastikException;
import org.jilastik.exec.Progress;
import org.jilastik.exec.ResourceBudget;
import org.jilastik.export.ExportChoices;
import org.jilastik.export.ExportPlan;
import org.jilastik.export.ExportPlanner;
import org.jilastik.export.ExportRunner;
import org.jilastik.export.ExportSourceInfo;
import org.jilastik.export.LaneExportFacts;
import org.jilastik.features.FeaturePlan;
import org.jilastik.io.ImageSource;
import org.jilastik.io.PipelineAxisOrder;
import org.jilastik.io.ReorderedSource;
import org.jilastik.io.Regions;
import org.jilastik.project.Project;
import org.jilastik.workflow.pixel.PixelExportSource;
import org.jilastik.workflow.pixel.PixelPipeline;
import org.jilastik.workflow.pixel.TrainedStage;

/**
 * Runs one lane of a Pixel Classification project: opens the raw data (and the prediction mask), reorders it to
 * the pipeline order ({@code (t)(z)yxc}), plans features and export, and streams tiles through
 * features → forest → export sink on the thread pool. Nothing but one tile per worker is held in memory.
 */
final class PixelClassificationRun {
    private final RunRequest request;
    private final Project project;
    private final TrainedStage stage;
    private final ResourceBudget budget;
    private final Path cwd;

    PixelClassificationRun(RunRequest request, Project project, ResourceBudget budget, Path cwd) {
        this.request = request;
        this.project = project;
        this.budget = budget;
        this.cwd = cwd;
        if (project.pixelStages().isEmpty()) {
            throw JilastikException.processing(project.path() + " holds no feature selection or classifier; open it"
                    + " in ilastik, train the classifier and save the project");
        }
        this.stage = TrainedStage.of(project.pixelStages().getFirst());
    }

    /** Processes one lane; returns the written file. */
    Path runLane(String[] lane, PrintStream log) {
        LaneInputs.OpenedRole raw = LaneInputs.open(request, project, 0, lane[0], cwd);
        LaneInputs.OpenedRole mask = null;
        try (ImageSource rawImage = raw.image()) {
            if (raw.axes().warning() != null && !request.quiet()) {
                log.println("jilastik: warning: " + raw.axes().warning());
            }
            Axes pipelineAxes = PipelineAxisOrder.pixelClassification(rawImage.axes(), rawImage.shape());
            ImageSource image = new ReorderedSource(rawImage, pipelineAxes);
            ImageSource maskImage = null;
            if (lane.length > 1 && lane[1] != null) {
                mask = LaneInputs.open(request, project, 1, lane[1], cwd);
                maskImage = maskView(mask.image(), pipelineAxes, image.shape(), lane[1]);
            }
            long[] shape = image.shape();
            FeaturePlan plan = FeaturePlan.of(stage.features(), pipelineAxes, shape);
            PixelPipeline pipeline = new PixelPipeline(stage, plan);
            PixelExportSource source = PixelExportSource.byName(request.export().exportSource());

            int c = pipelineAxes.indexOf('c');
            long[] sourceShape = shape.clone();
            sourceShape[c] = pipeline.channels(source);
            ExportSourceInfo info = new ExportSourceInfo(source.displayName(), source.dtype(), pipelineAxes,
                    sourceShape, drangeLow(source, rawImage.dtype()), drangeHigh(source, rawImage.dtype()));
            LaneExportFacts facts = new LaneExportFacts(raw.input().nickname(),
                    raw.input().datasetDir().toAbsolutePath().toString(), rawImage.axes(), rawImage::resolution, rawImage::unit);
            ExportChoices cli = ExportChoicesAdapter.fromCli(request.export());
            ExportChoices stored = ExportChoicesAdapter.fromProject(project.exportSettings().orElse(null));
            ExportPlan exportPlan = ExportPlanner.plan(cli, stored, info, facts, cwd,
                    project.path().toAbsolutePath().getParent());
            if (!request.quiet()) {
                exportPlan.warnings().forEach(w -> log.println("jilastik: warning: " + w));
            }
            ImageSource finalMask = maskImage;
            // 3-D filters pay their halo on every face of a block: few large blocks, each computed by all
            // workers together, beat many blocks computed side by side (less recomputed halo, one block's
            // memory instead of one per worker). 2-D blocks are cheap to cut: one block per worker.
            boolean withinBlock = filtersAlongZ(pipeline.plan());
            long[] tile = tileShape(exportPlan, pipeline, withinBlock);
            ExecutorService pool = budget.threads() <= 0 ? null : Executors.newFixedThreadPool(budget.workers(),
                    r -> Thread.ofPlatform().daemon(true).name("jilastik-worker").unstarted(r));
            ExecutorService inner = withinBlock ? pool : null;
            int workers = budget.workers();
            try {
                Progress progress = Progress.onStderr(exportPlan.file().getFileName().toString(), 1, request.quiet());
                return ExportRunner.run(exportPlan,
                        box -> compute(pipeline, source, image, finalMask, box, inner, workers),
                        tile, withinBlock ? null : pool, n -> {
                            if (n < 0) {
                                progress.setTotal(-n);
                            } else {
                                progress.advance();
                            }
                        });
            } finally {
                if (pool != null) {
                    pool.shutdownNow();
                }
            }
        } finally {
            if (mask != null) {
                mask.image().close();
            }
        }
    }

    private static boolean filtersAlongZ(FeaturePlan plan) {
        int z = plan.axes().indexOf('z');
        return z >= 0 && plan.halo()[z] > 0;
    }

    private static Block compute(PixelPipeline pipeline, PixelExportSource source, ImageSource image,
            ImageSource mask, Box box, ExecutorService inner, int workers) {
        FeaturePlan plan = pipeline.plan();
        int c = plan.axes().indexOf('c');
        // Features are computed on all channels of the input; the cutout may ask for fewer output channels.
        long[] fullStart = box.start();
        long[] fullStop = box.stop();
        fullStart[c] = 0;
        fullStop[c] = image.shape()[c];
        Box spatial = new Box(fullStart, fullStop);
        Block input = image.read(plan.inputBox(spatial));
        Block maskBlock = null;
        if (mask != null) {
            long[] ms = box.start();
            long[] me = box.stop();
            ms[c] = 0;
            me[c] = 1;
            maskBlock = mask.read(new Box(ms, me));
        }
        Block all = pipeline.compute(source, input, spatial, maskBlock, inner, workers);
        if (all.box().equals(box)) {
            return all;
        }
        Block part = Block.allocate(all.axes(), box, all.dtype());
        Regions.copy(all.data(), all.box(), part.data(), box, box);
        return part;
    }

    private static ImageSource maskView(ImageSource mask, Axes pipelineAxes, long[] imageShape, String name) {
        Axes maskAxes = pipelineAxes;
        ReorderedSource view = new ReorderedSource(mask, maskAxes);
        long[] ms = view.shape();
        for (int i = 0; i < ms.length; i++) {
            if (pipelineAxes.get(i) != 'c' && ms[i] != imageShape[i]) {
                throw JilastikException.processing("the prediction mask " + name + " has shape "
                        + java.util.Arrays.toString(mask.shape()) + " (axes " + mask.axes() + ") which does not match "
                        + "the raw data; give a mask of the same size");
            }
        }
        return view;
    }

    // Output tiles: the pipeline's tile (spatial extents from the memory budget, t = 1, channels whole) mapped onto
    // the output axes by letter; axes the output adds are 1, and the output's channel axis is taken whole.
    private long[] tileShape(ExportPlan exportPlan, PixelPipeline pipeline, boolean withinBlock) {
        Axes pipelineAxes = pipeline.plan().axes();
        long blockBytes = withinBlock ? budget.workingBytesPerThread() * budget.workers()
                : budget.workingBytesPerThread();
        long[] pipelineTile = pipeline.tileShape(blockBytes, ResourceBudget.maxTileEdge());
        Axes out = exportPlan.outputAxes();
        long[] outShape = exportPlan.outputShape();
        long[] tile = new long[out.size()];
        for (int i = 0; i < tile.length; i++) {
            char a = out.get(i);
            int k = pipelineAxes.indexOf(a);
            tile[i] = a == 'c' ? outShape[i] : k >= 0 ? pipelineTile[k] : 1;
        }
        return tile;
    }

    private static Number drangeLow(PixelExportSource s, DType raw) {
        return switch (s) {
            case PROBABILITIES, SIMPLE_SEGMENTATION, UNCERTAINTY -> 0.0;
            case FEATURES -> raw == DType.UINT8 ? 0 : null;
            case LABELS -> null;
        };
    }

    private static Number drangeHigh(PixelExportSource s, DType raw) {
        return switch (s) {
            case PROBABILITIES, SIMPLE_SEGMENTATION, UNCERTAINTY -> 1.0;
            case FEATURES -> raw == DType.UINT8 ? 255 : null;
            case LABELS -> null;
        };
    }
}
