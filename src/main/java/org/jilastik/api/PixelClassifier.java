package org.jilastik.api;

import java.nio.file.Path;
import java.util.List;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.error.JilastikException;
import org.jilastik.exec.BlockRunner;
import org.jilastik.exec.Progress;
import org.jilastik.exec.ResourceBudget;
import org.jilastik.exec.TileGrid;
import org.jilastik.features.FeaturePlan;
import org.jilastik.io.BlockSource;
import org.jilastik.io.ImageSource;
import org.jilastik.io.PipelineAxisOrder;
import org.jilastik.io.Regions;
import org.jilastik.io.ReorderedSource;
import org.jilastik.project.Project;
import org.jilastik.project.ProjectReader;
import org.jilastik.workflow.WorkflowKind;
import org.jilastik.workflow.pixel.PixelExportSource;
import org.jilastik.workflow.pixel.PixelPipeline;
import org.jilastik.workflow.pixel.TrainedStage;

/**
 * Java API for scripts: a Pixel Classification project applied to images in memory (the counterpart of
 * ilastik's "run your own scripts").
 *
 * <pre>{@code
 * PixelClassifier pc = PixelClassifier.open(Path.of("MyProject.ilp"));
 * Block raw = new Block(Axes.of("yx"), Box.ofShape(512, 512), DType.UINT8, pixels);   // pixels: byte[512*512]
 * Block p = pc.compute(raw, "Probabilities");   // float32, axes yxc, one channel per class
 * }</pre>
 *
 * <p>Images are given with their axes (C-order letters, e.g. {@code yx}, {@code zyx}, {@code yxc}, {@code tyx});
 * results come back in ilastik's pipeline order ({@code (t)(z)yxc}, singleton axes dropped, channel last), the
 * same numbers the command line writes. Work is split into tiles computed on {@code LAZYFLOW_THREADS} threads
 * within {@code LAZYFLOW_TOTAL_RAM_MB}. An instance is immutable and may be shared by threads; the returned
 * blocks belong to the caller.
 */
public final class PixelClassifier {
    private final Project project;
    private final TrainedStage stage;
    private final ResourceBudget budget;

    private PixelClassifier(Project project, TrainedStage stage, ResourceBudget budget) {
        this.project = project;
        this.stage = stage;
        this.budget = budget;
    }

    /**
     * Reads a Pixel Classification project.
     *
     * @throws JilastikException when the file is not a trained Pixel Classification project
     */
    public static PixelClassifier open(Path ilp) {
        Project p = ProjectReader.read(ilp);
        if (p.workflow() != WorkflowKind.PIXEL_CLASSIFICATION) {
            throw JilastikException.processing(ilp + " is a " + p.workflow().displayName()
                    + " project; PixelClassifier runs Pixel Classification projects");
        }
        return new PixelClassifier(p, TrainedStage.of(p.pixelStages().getFirst()), budgetFromEnvironment());
    }

    /** The budget of {@code LAZYFLOW_THREADS} and {@code LAZYFLOW_TOTAL_RAM_MB} (unset: all cores and memory). */
    static ResourceBudget budgetFromEnvironment() {
        String threads = System.getenv("LAZYFLOW_THREADS");
        String ram = System.getenv("LAZYFLOW_TOTAL_RAM_MB");
        return ResourceBudget.of(threads == null ? null : Integer.valueOf(threads.trim()),
                ram == null || ram.isBlank() ? null : Long.valueOf(ram.trim()));
    }

    /** The project as read. */
    public Project project() {
        return project;
    }

    /** The class (label) names, one probability channel each. */
    public List<String> classNames() {
        return stage.classNames();
    }

    /** Export sources {@link #compute} accepts: Probabilities, Simple Segmentation, Uncertainty, Features, Labels. */
    public List<String> sources() {
        return WorkflowKind.PIXEL_CLASSIFICATION.exportSources(1);
    }

    /**
     * Computes an export source on an image in memory.
     *
     * @param image  the raw image with its axes; any dtype
     * @param source an export source name (case-insensitive), e.g. {@code "Probabilities"}
     * @return the source in pipeline order ({@code (t)(z)yxc}) over the whole image
     */
    public Block compute(Block image, String source) {
        return compute(new BlockSource(image), PixelExportSource.byName(source));
    }

    private Block compute(ImageSource raw, PixelExportSource source) {
        Axes axes = PipelineAxisOrder.pixelClassification(raw.axes(), raw.shape());
        ImageSource image = new ReorderedSource(raw, axes);
        long[] shape = image.shape();
        FeaturePlan plan = FeaturePlan.of(stage.features(), axes, shape);
        PixelPipeline pipeline = new PixelPipeline(stage, plan);
        int c = axes.indexOf('c');
        long[] outShape = shape.clone();
        outShape[c] = pipeline.channels(source);
        Block out = Block.allocate(axes, Box.ofShape(outShape), source.dtype());
        long[] tile = pipeline.tileShape(budget.workingBytesPerThread(), ResourceBudget.maxTileEdge());
        List<Box> tiles = new TileGrid(Box.ofShape(shape), tile).tiles();
        BlockRunner.run(tiles, budget.threads(), Progress.SILENT, box -> {
            Block input = image.read(plan.inputBox(box));
            Block part = pipeline.compute(source, input, box, null);
            // Tiles are disjoint, so concurrent copies into the result never touch the same elements.
            Regions.copy(part.data(), part.box(), out.data(), out.box(), part.box());
        });
        return out;
    }
}
