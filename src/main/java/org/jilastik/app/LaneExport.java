package org.jilastik.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.error.JilastikException;
import org.jilastik.exec.Progress;
import org.jilastik.exec.ResourceBudget;
import org.jilastik.export.ExportPlan;
import org.jilastik.export.ExportRunner;
import org.jilastik.export.ExportSourceInfo;
import org.jilastik.features.EigenvalueLanes;
import org.jilastik.io.ImageSource;
import org.jilastik.io.PipelineAxisOrder;
import org.jilastik.io.Regions;
import org.jilastik.io.ReorderedSource;
import org.jilastik.project.Project;

/**
 * Runs one lane of a pixel-wise workflow (Pixel Classification, Autocontext): opens the raw data (and the
 * prediction mask), reorders it to the pipeline order ({@code (t)(z)yxc}), lets the workflow plan its source,
 * plans the export, and streams tiles through the workflow into the export sink on the thread pool: one tile per
 * worker, or tiles one after the other each computed by all workers (see
 * {@link LanePipeline#computesWithinBlock()}). Nothing but the tiles in flight is held in memory.
 */
final class LaneExport {
    private final RunRequest request;
    private final Project project;
    private final ResourceBudget budget;
    private final Path cwd;
    private final LanePipeline.Factory workflow;
    /** Output file → the input that exported to it earlier in this run (spec cli-and-io §6.13). */
    private final java.util.Map<Path, String> exportedBy = new java.util.HashMap<>();

    LaneExport(RunRequest request, Project project, ResourceBudget budget, Path cwd, LanePipeline.Factory workflow) {
        this.request = request;
        this.project = project;
        this.budget = budget;
        this.cwd = cwd;
        this.workflow = workflow;
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
            long voxels = 1;
            for (int a = 0; a < shape.length; a++) {
                voxels *= a == pipelineAxes.indexOf('c') ? 1 : shape[a];
            }
            EigenvalueLanes.chooseFor(voxels);
            LanePipeline pipeline = workflow.plan(pipelineAxes, shape, rawImage.dtype(),
                    request.export().exportSource());

            int c = pipelineAxes.indexOf('c');
            long[] sourceShape = shape.clone();
            sourceShape[c] = pipeline.channels();
            ExportSourceInfo info = new ExportSourceInfo(pipeline.sourceName(), pipeline.dtype(), pipelineAxes,
                    sourceShape, pipeline.drangeLow(), pipeline.drangeHigh(), pipeline.displayMode());
            ExportPlan exportPlan = LanePlans.plan(request, project, info, raw, rawImage, cwd, log);
            String earlier = exportedBy.putIfAbsent(exportPlan.file().toAbsolutePath().normalize(), lane[0]);
            if (earlier != null && !request.quiet()) {
                log.println("jilastik: warning: " + lane[0] + " exports to " + exportPlan.file() + " like " + earlier
                        + " before it, and replaces that export; put {dataset_dir} or another placeholder into "
                        + "--output_filename_format to keep both");
            }
            ImageSource finalMask = maskImage;
            // Either one block per worker, or (where the pipeline prefers it) blocks one after the other, each
            // computed by all workers together with all the workers' memory.
            boolean withinBlock = pipeline.computesWithinBlock();
            int workers = budget.workers();
            long blockBytes = budget.workingBytesPerThread() * (withinBlock ? workers : 1);
            long[] tile = tileShape(exportPlan, pipelineAxes,
                    pipeline.tileShape(blockBytes, ResourceBudget.maxTileEdge()));
            ExecutorService pool = budget.threads() <= 0 ? null : Executors.newFixedThreadPool(workers,
                    r -> Thread.ofPlatform().daemon(true).name("jilastik-worker").unstarted(r));
            ExecutorService inner = withinBlock ? pool : null;
            try {
                Progress progress = Progress.onStderr(exportPlan.file().getFileName().toString(), 1, request.quiet());
                java.util.function.IntConsumer onTile = n -> {
                    if (n < 0) {
                        progress.setTotal(-n);
                    } else {
                        progress.advance();
                    }
                };
                Path written;
                if (request.distributed().distributed()) {
                    written = DistributedLane.run(request, project, lane, exportPlan,
                            box -> compute(pipeline, image, finalMask, box, inner, workers), tile,
                            withinBlock ? null : pool, onTile, log);
                } else {
                    written = ExportRunner.run(exportPlan,
                            box -> compute(pipeline, image, finalMask, box, inner, workers), tile,
                            withinBlock ? null : pool, onTile);
                }
                pipeline.exported(image, raw.input().nickname());
                return written;
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

    // All channels of the source on the box's region, then the channels the cutout asks for.
    private static Block compute(LanePipeline pipeline, ImageSource image, ImageSource mask, Box box,
            ExecutorService inner, int workers) {
        Block all = inner == null ? pipeline.compute(image, mask, box) : pipeline.compute(image, mask, box, inner,
                workers);
        if (all.box().equals(box)) {
            return all;
        }
        Block part = Block.allocate(all.axes(), box, all.dtype());
        Regions.copy(all.data(), all.box(), part.data(), box, box);
        return part;
    }

    private static ImageSource maskView(ImageSource mask, Axes pipelineAxes, long[] imageShape, String name) {
        ReorderedSource view = new ReorderedSource(mask, pipelineAxes);
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
    private static long[] tileShape(ExportPlan exportPlan, Axes pipelineAxes, long[] pipelineTile) {
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
}
