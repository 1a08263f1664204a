package org.jilastik.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.error.JilastikException;
import org.jilastik.exec.BlockRunner;
import org.jilastik.exec.Progress;
import org.jilastik.exec.ResourceBudget;
import org.jilastik.exec.TileGrid;
import org.jilastik.io.BlockSource;
import org.jilastik.io.ImageSource;
import org.jilastik.io.PipelineAxisOrder;
import org.jilastik.io.Regions;
import org.jilastik.io.ReorderedSource;
import org.jilastik.project.PixelStage;
import org.jilastik.project.Project;
import org.jilastik.project.ProjectReader;
import org.jilastik.workflow.WorkflowKind;
import org.jilastik.workflow.autocontext.AutocontextExportSource;
import org.jilastik.workflow.autocontext.AutocontextPipeline;
import org.jilastik.workflow.pixel.TrainedStage;

/**
 * Java API for scripts: an Autocontext project (2, 3 or 4 stages) applied to images in memory, the sibling of
 * {@link PixelClassifier}.
 *
 * <pre>{@code
 * AutocontextClassifier ac = AutocontextClassifier.open(Path.of("Autocontext.ilp"));
 * Block p = ac.compute(raw, "Probabilities Stage 2");   // float32, axes yxc, one channel per class
 * }</pre>
 *
 * <p>Images are given with their axes; results come back in the pipeline order ({@code (t)(z)yxc}, channel last),
 * the same numbers the command line writes. Work is split into tiles (each computed with the halos of all stages)
 * on {@code LAZYFLOW_THREADS} threads within {@code LAZYFLOW_TOTAL_RAM_MB}. Immutable and shareable by threads;
 * the returned blocks belong to the caller.
 */
public final class AutocontextClassifier {
    private final Project project;
    private final List<TrainedStage> stages;
    private final ResourceBudget budget;

    private AutocontextClassifier(Project project, List<TrainedStage> stages, ResourceBudget budget) {
        this.project = project;
        this.stages = stages;
        this.budget = budget;
    }

    /**
     * Reads an Autocontext project.
     *
     * @throws JilastikException when the file is not an Autocontext project with every stage trained
     */
    public static AutocontextClassifier open(Path ilp) {
        Project p = ProjectReader.read(ilp);
        if (p.workflow() != WorkflowKind.AUTOCONTEXT) {
            throw JilastikException.processing(ilp + " is a " + p.workflow().displayName()
                    + " project; AutocontextClassifier runs Autocontext projects");
        }
        if (p.pixelStages().size() != p.stages()) {
            throw JilastikException.processing(ilp + " is a " + p.stages() + "-stage Autocontext project but holds "
                    + p.pixelStages().size() + " trained stages; train every stage in ilastik and save the project");
        }
        List<TrainedStage> trained = new ArrayList<>();
        for (PixelStage s : p.pixelStages()) {
            trained.add(TrainedStage.of(s));
        }
        return new AutocontextClassifier(p, List.copyOf(trained), PixelClassifier.budgetFromEnvironment());
    }

    /** The project as read. */
    public Project project() {
        return project;
    }

    /** Export sources {@link #compute} accepts, in ilastik's order (the first is the last stage's probabilities). */
    public List<String> sources() {
        return WorkflowKind.AUTOCONTEXT.exportSources(stages.size());
    }

    /**
     * Computes an export source on an image in memory.
     *
     * @param image  the raw image with its axes; any dtype
     * @param source an export source name (case-insensitive), e.g. {@code "Probabilities Stage 2"}
     * @return the source in pipeline order ({@code (t)(z)yxc}) over the whole image
     * @throws IllegalArgumentException for a name that is not one of {@link #sources()}
     */
    public Block compute(Block image, String source) {
        ImageSource raw = new BlockSource(image);
        Axes axes = PipelineAxisOrder.pixelClassification(raw.axes(), raw.shape());
        ImageSource in = new ReorderedSource(raw, axes);
        long[] shape = in.shape();
        AutocontextPipeline pipeline = AutocontextPipeline.of(stages, axes, shape, in.dtype());
        AutocontextExportSource s = AutocontextExportSource.byName(source, stages.size());
        int c = axes.indexOf('c');
        long[] outShape = shape.clone();
        outShape[c] = pipeline.channels(s);
        Block out = Block.allocate(axes, Box.ofShape(outShape), pipeline.dtype(s));
        long[] tile = pipeline.tileShape(budget.workingBytesPerThread(), ResourceBudget.maxTileEdge());
        List<Box> tiles = new TileGrid(Box.ofShape(shape), tile).tiles();
        BlockRunner.run(tiles, budget.threads(), Progress.SILENT, box -> {
            Block part = pipeline.compute(s, in.read(pipeline.rawBox(s, box)), box, null);
            // Tiles are disjoint, so concurrent copies into the result never touch the same elements.
            Regions.copy(part.data(), part.box(), out.data(), out.box(), part.box());
        });
        return out;
    }
}
