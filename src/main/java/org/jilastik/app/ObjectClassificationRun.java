package org.jilastik.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.jilastik.array.Transpose;
import org.jilastik.error.JilastikException;
import org.jilastik.exec.ResourceBudget;
import org.jilastik.export.CsvTableWriter;
import org.jilastik.export.ExportPlan;
import org.jilastik.export.ExportRunner;
import org.jilastik.export.ExportSourceInfo;
import org.jilastik.export.TablePaths;
import org.jilastik.io.ImageSource;
import org.jilastik.io.PipelineAxisOrder;
import org.jilastik.io.ReorderedSource;
import org.jilastik.project.ObjectSettings;
import org.jilastik.project.ObjectSettingsReader;
import org.jilastik.project.Project;
import org.jilastik.workflow.WorkflowKind;
import org.jilastik.workflow.objects.BlockwiseLabelling;
import org.jilastik.workflow.objects.BlockwiseObjects;
import org.jilastik.workflow.objects.BlockwiseThresholding;
import org.jilastik.workflow.objects.FrameAccess;
import org.jilastik.workflow.objects.LabelStore;
import org.jilastik.workflow.objects.ObjectFeatureComputer;
import org.jilastik.workflow.objects.FrameResult;
import org.jilastik.workflow.objects.ObjectClassifier;
import org.jilastik.workflow.objects.ObjectExportSource;
import org.jilastik.workflow.objects.ObjectFeaturePlan;
import org.jilastik.workflow.objects.ObjectPainter;
import org.jilastik.workflow.objects.ObjectPipeline;
import org.jilastik.workflow.objects.ObjectTable;
import org.jilastik.workflow.objects.PixelStageFrames;
import org.jilastik.workflow.pixel.PixelPipeline;
import org.jilastik.workflow.pixel.TrainedStage;
import org.jilastik.features.FeaturePlan;
import org.jilastik.workflow.objects.SegmentationValues;

/**
 * Runs one lane of an Object Classification project (spec object-classification): opens the raw data and the
 * segmentation role of the variant (binary image, label image, or prediction maps to threshold), labels, measures
 * and classifies the objects frame by frame, writes the object table and exports the chosen source. Labelling
 * and features run block by block (blocks sized from the memory budget); the label images (object labels, the
 * threshold step's provisional labels, the blockwise sources' object ids) are held in memory or, when together
 * they would take more than an eighth of the budget, in temporary files, and painted back tile by tile. The
 * threshold step (prediction-map and pixel variants) runs block by block too, the pixel variant computing its
 * probability maps block by block with the smoothing halo. The blockwise sources use the project's block grid.
 */
final class ObjectClassificationRun {
    private static final Axes CANONICAL = Axes.of("tzyxc");
    /** Environment variable that, set to 1, keeps the object labels in temporary files whatever their size. */
    static final String SPILL_LABELS = "JILASTIK_SPILL_LABELS";
    private final RunRequest request;
    private final Project project;
    private final ResourceBudget budget;
    private final Path cwd;
    private final ObjectSettings settings;
    private final ObjectPipeline pipeline;
    private final ObjectTable table;
    /** The pixel stage of the pixel-classification variant, else null. */
    private final TrainedStage pixelStage;

    ObjectClassificationRun(RunRequest request, Project project, ResourceBudget budget, Path cwd) {
        this.request = request;
        this.project = project;
        this.budget = budget;
        this.cwd = cwd;
        String name = project.path().getFileName().toString();
        ObjectClassifier classifier = ObjectClassifier.of(project.classifierGroup("ObjectClassification")
                .orElse(null), name);
        this.settings = ObjectSettingsReader.read(project.path());
        ObjectFeaturePlan plan = ObjectFeaturePlan.of(settings);
        boolean relabel = project.workflow() == WorkflowKind.OBJECT_CLASSIFICATION_LABEL;
        this.pipeline = new ObjectPipeline(plan, classifier,
                relabel ? ObjectPipeline.Labelling.RELABEL : ObjectPipeline.Labelling.CONNECTED_COMPONENTS);
        this.table = new ObjectTable(settings, plan, classifier.classNames(), relabel);
        if (pixelVariant()) {
            if (project.pixelStages().isEmpty()) {
                throw JilastikException.processing(name + " holds no trained pixel classifier (groups "
                        + "FeatureSelections and PixelClassification); open it in ilastik, train the pixel "
                        + "classification step and save the project");
            }
            this.pixelStage = TrainedStage.of(project.pixelStages().getFirst());
        } else {
            this.pixelStage = null;
        }
        if ((project.workflow() == WorkflowKind.OBJECT_CLASSIFICATION_PREDICTION || pixelVariant())
                && settings.threshold() == null) {
            throw JilastikException.processing(name + " stores no threshold settings (group ThresholdTwoLevels);"
                    + " open it in ilastik, set the thresholds and save the project");
        }
    }

    private boolean pixelVariant() {
        return project.workflow() == WorkflowKind.OBJECT_CLASSIFICATION_PIXEL;
    }

    /** Processes one lane; returns the written files (table and/or image). */
    List<Path> runLane(String[] lane, PrintStream log) {
        if (!pixelVariant() && (lane.length < 2 || lane[1] == null)) {
            throw JilastikException.usage("an " + project.workflow().displayName() + " project needs --"
                    + WorkflowKind.roleFlag(project.workflow().roles().get(1)) + " for every --raw_data input");
        }
        LaneInputs.OpenedRole raw = LaneInputs.open(request, project, 0, lane[0], cwd);
        LaneInputs.OpenedRole seg = null;
        List<AutoCloseable> stores = new ArrayList<>();
        ExecutorService pool = budget.threads() <= 0 ? null : Executors.newFixedThreadPool(budget.workers(),
                r -> Thread.ofPlatform().daemon(true).name("jilastik-worker").unstarted(r));
        try (ImageSource rawImage = raw.image()) {
            if (raw.axes().warning() != null && !request.quiet()) {
                log.println("jilastik: warning: " + raw.axes().warning());
            }
            ImageSource rawView = new ReorderedSource(rawImage, CANONICAL);
            long[] rs = rawView.shape();
            ImageSource segView = null;
            long[] ss = rs;
            PixelStageFrames pixelFrames = null;
            if (pixelVariant()) {
                Axes axes = PipelineAxisOrder.pixelClassification(rawImage.axes(), rawImage.shape());
                ImageSource planView = new ReorderedSource(rawImage, axes);
                PixelPipeline pp = new PixelPipeline(pixelStage, FeaturePlan.of(pixelStage.features(), axes,
                        planView.shape()));
                pixelFrames = new PixelStageFrames(pp, planView, pp.tileShape(budget.workingBytesPerThread(),
                        ResourceBudget.maxTileEdge()));
            } else {
                seg = LaneInputs.open(request, project, 1, lane[1], cwd);
                segView = new ReorderedSource(seg.image(), CANONICAL);
                ss = segView.shape();
                for (int i = 0; i < 4; i++) {
                    if (rs[i] != ss[i]) {
                        throw JilastikException.processing("the " + project.workflow().roles().get(1).toLowerCase()
                                + " " + lane[1] + " has shape " + Arrays.toString(seg.image().shape()) + " (axes "
                                + seg.image().axes() + ") but the raw data " + lane[0] + " has "
                                + Arrays.toString(rawImage.shape()) + " (axes " + rawImage.axes() + "); give images"
                                + " of the same size");
                    }
                }
            }
            ObjectExportSource source = ObjectExportSource.byName(request.export().exportSource(), project);
            List<FrameResult> frames = new ArrayList<>();
            List<BlockwiseLabelling.Values> segmentations = new ArrayList<>();
            List<LabelStore> labelStores = new ArrayList<>();
            int[] shape = {(int) rs[1], (int) rs[2], (int) rs[3]};
            int channels = (int) rs[4];
            // label images of all frames (object labels; the threshold step's final mask, kept for the blockwise
            // sources, and its two transient ones; the blockwise object ids): in memory while they take at most an
            // eighth of the budget (the rest is for the blocks, the feature slabs, the export tiles and the
            // writers), else in temporary files
            boolean threshold = pixelVariant() || project.workflow() == WorkflowKind.OBJECT_CLASSIFICATION_PREDICTION;
            long perFrame = 1 + (source.blockwise() ? 1 + (threshold ? 1 : 0) : 0);
            long labelBytes = 4L * shape[0] * shape[1] * shape[2] * (rs[0] * perFrame + (threshold ? 2 : 0));
            boolean spill = labelBytes > budget.ramBytes() / 8 || "1".equals(System.getenv(SPILL_LABELS));
            Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
            if (spill && !request.quiet()) {
                log.println("jilastik: the object labels (" + (labelBytes >> 20) + " MiB) do not fit the memory "
                        + "budget; they are kept in temporary files in " + tmp);
            }
            Supplier<LabelStore> newStore = () -> spill ? LabelStore.onDisk(shape, tmp) : LabelStore.inMemory(shape);
            long work = budget.ramBytes() / 4;
            int[] labelBlock = BlockwiseLabelling.blockFor(shape, work, ResourceBudget.maxTileEdge());
            int[] featureBlock = ObjectFeatureComputer.slabFor(shape, channels, work, ResourceBudget.maxTileEdge());
            for (int t = 0; t < rs[0]; t++) {
                BlockwiseLabelling.Values values = segmentationOf(segView, ss, pixelFrames, t, shape, work, newStore,
                        stores, pool);
                FrameAccess.RawReader rawFrame = rawReader(rawView, rs, t);
                LabelStore store = newStore.get();
                stores.add(store);
                labelStores.add(store);
                frames.add(pipeline.runBlockwise(values, rawFrame, channels, store, labelBlock, featureBlock, pool));
                if (source.blockwise()) {
                    segmentations.add(values);
                } else if (values instanceof BlockwiseThresholding.Mask mask) {
                    mask.close(); // the threshold step's labels are needed no more
                }
            }
            List<Path> written = new ArrayList<>();
            Path tablePath = tablePath(raw);
            if (tablePath != null) {
                writeTable(tablePath, frames);
                written.add(tablePath);
            }
            if (!request.export().tableOnly()) {
                written.add(export(source, raw, rawImage, rawView, frames, labelStores, segmentations, pixelFrames,
                        newStore, stores, log, pool));
            }
            return written;
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
            if (seg != null) {
                seg.image().close();
            }
            for (AutoCloseable c : stores) {
                try {
                    c.close();
                } catch (Exception e) {
                    // stores close without checked failures; a leftover temporary file is deleted at exit
                }
            }
        }
    }

    // The frame's segmentation values box by box: the threshold step's result (computed block by block into label
    // stores; the mask is added to closeLater) or the binary/label image read from its file on demand.
    private BlockwiseLabelling.Values segmentationOf(ImageSource segView, long[] ss, PixelStageFrames pixelFrames,
            int t, int[] shape, long work, Supplier<LabelStore> newStore, List<AutoCloseable> closeLater,
            ExecutorService pool) {
        long maxEdge = ResourceBudget.maxTileEdge();
        BlockwiseThresholding.Mask mask;
        if (pixelFrames != null) {
            // the probabilities of each threshold block (with its smoothing halo) are computed as one pixel tile,
            // no larger than the pixel stage's tiles; ilastik's drange for them is (0, 1): no rescaling
            int[] block = BlockwiseThresholding.blockFor(shape, pixelFrames.classes(), pixelFrames.bytesPerPixel(),
                    work, maxEdge);
            int[] tile = pixelFrames.spatialTile();
            for (int k = 0; k < 3; k++) {
                block[k] = Math.max(1, Math.min(block[k], tile[k]));
            }
            PixelStageFrames pf = pixelFrames;
            mask = BlockwiseThresholding.apply((start, stop) -> pf.region(t, start, stop, pool, budget.workers()),
                    pf.classes(), shape, settings.threshold(), null, block, newStore);
        } else if (project.workflow() == WorkflowKind.OBJECT_CLASSIFICATION_PREDICTION) {
            int c = (int) ss[4];
            int[] block = BlockwiseThresholding.blockFor(shape, c, 0, work, maxEdge);
            mask = BlockwiseThresholding.apply((start, stop) -> segView.read(box(t, start, stop, 0, c)).toFloats(),
                    c, shape, settings.threshold(), drange(segView), block, newStore);
        } else {
            return (start, stop) -> SegmentationValues.of(segView.read(box(t, start, stop, 0, 1)));
        }
        closeLater.add(mask);
        return mask;
    }

    private static FrameAccess.RawReader rawReader(ImageSource rawView, long[] rs, int t) {
        return (start, stop) -> rawView.read(box(t, start, stop, 0, (int) rs[4])).toFloats();
    }

    private static Box box(int t, int[] start, int[] stop, int c0, int c1) {
        return new Box(new long[] {t, start[0], start[1], start[2], c0},
                new long[] {t + 1, stop[0], stop[1], stop[2], c1});
    }

    // ilastik rescales prediction maps only when their drange metadata is known; files read here carry none
    private static double[] drange(ImageSource maps) {
        return null;
    }

    private Path tablePath(LaneInputs.OpenedRole raw) {
        String given = request.workflowOptions().tableFilename();
        ObjectSettings.TableExport configured = settings.table();
        if (given == null && configured == null) {
            return null;
        }
        if (configured == null) {
            throw JilastikException.processing("--table_filename needs the object table export to be configured in "
                    + "the project; open it in ilastik, configure the table export once and save the project");
        }
        if (!"csv".equalsIgnoreCase(configured.fileType())) {
            throw JilastikException.usage("the project's object table export is of type \"" + configured.fileType()
                    + "\", which jilastik does not write yet; configure a csv table export in ilastik");
        }
        String template = given != null ? given : configured.filePath();
        return TablePaths.table(template, raw.input().nickname(), raw.input().datasetDir().toAbsolutePath()
                .toString(), cwd);
    }

    private void writeTable(Path file, List<FrameResult> frames) {
        FrameResult sample = frames.getFirst();
        CsvTableWriter w = new CsvTableWriter(file, table.header(sample.features()));
        try {
            long id = 0;
            for (int t = 0; t < frames.size(); t++) {
                FrameResult f = frames.get(t);
                for (String[] row : table.rows(t, id, f.features(), f.probabilities(), f.predicted(),
                        f.originalIds())) {
                    w.row(row);
                }
                id += f.count();
            }
        } catch (RuntimeException e) {
            w.abort();
            throw e;
        }
        w.close();
    }

    private Path export(ObjectExportSource source, LaneInputs.OpenedRole raw, ImageSource rawImage,
            ImageSource rawView, List<FrameResult> frames, List<LabelStore> stores,
            List<BlockwiseLabelling.Values> segmentations, PixelStageFrames pixelFrames,
            Supplier<LabelStore> newStore, List<AutoCloseable> closeLater, PrintStream log, ExecutorService pool) {
        Axes pipelineAxes = PipelineAxisOrder.pixelClassification(rawImage.axes(), rawImage.shape());
        long[] rs = rawView.shape();
        int classes = pipeline.classifier().classCount();
        int outChannels = source == ObjectExportSource.PIXEL_PROBABILITIES ? pixelFrames.classes()
                : source.probabilities() ? classes : 1;
        ObjectPainter painter;
        if (source.blockwise()) {
            long[] b = settings.blockShape();
            long[] h = settings.halo();
            int[] block = {(int) b[2], (int) b[1], (int) b[0]};
            int[] halo = {(int) h[2], (int) h[1], (int) h[0]};
            List<BlockwiseObjects.Stored> painted = new ArrayList<>();
            for (int t = 0; t < frames.size(); t++) {
                FrameAccess frame = FrameAccess.of(segmentations.get(t), rawReader(rawView, rs, t), (int) rs[4],
                        new int[] {(int) rs[1], (int) rs[2], (int) rs[3]});
                LabelStore ids = newStore.get();
                closeLater.add(ids);
                painted.add(BlockwiseObjects.paintInto(pipeline, frame, block, halo, ids, pool));
            }
            painter = ObjectPainter.blockwiseStored(painted, classes,
                    new int[] {(int) rs[1], (int) rs[2], (int) rs[3]});
        } else if (source == ObjectExportSource.PIXEL_PROBABILITIES) {
            painter = null;
        } else {
            painter = ObjectPainter.of(frames, stores, classes, new int[] {(int) rs[1], (int) rs[2], (int) rs[3]});
        }
        long[] sourceShape = new long[pipelineAxes.size()];
        for (int i = 0; i < sourceShape.length; i++) {
            char a = pipelineAxes.get(i);
            sourceShape[i] = a == 'c' ? outChannels : rs[CANONICAL.indexOf(a)];
        }
        DType dtype = source.dtype();
        Number lo = dtype == DType.FLOAT32 ? (Number) 0.0 : (Number) 0L;
        Number hi = dtype == DType.FLOAT32 ? (Number) 255.0 : (Number) 255L;
        if (source == ObjectExportSource.PIXEL_PROBABILITIES) {
            hi = 1.0; // as Pixel Classification's probabilities (not checked against ilastik: no reference output)
        }
        ExportSourceInfo info = new ExportSourceInfo(source.displayName(), dtype, pipelineAxes, sourceShape, lo, hi,
                "default");
        ExportPlan plan = LanePlans.plan(request, project, info, raw, rawImage, cwd, log);
        PixelStageFrames pixels = pixelFrames;
        return ExportRunner.run(plan, box -> {
            if (source == ObjectExportSource.PIXEL_PROBABILITIES) {
                return pixels.probabilities(box); // pipeline axes are the pixel stage's plan axes
            }
            long[] start = new long[5];
            long[] stop = new long[5];
            for (int k = 0; k < 5; k++) {
                char a = CANONICAL.get(k);
                int i = pipelineAxes.indexOf(a);
                start[k] = i < 0 ? 0 : box.start(i);
                stop[k] = i < 0 ? 1 : box.stop(i);
            }
            Block canonical = painter.paint(source, new Box(start, stop));
            return Transpose.to(canonical, pipelineAxes, null);
        }, Math.max(1 << 16, Math.min(ExportRunner.DEFAULT_TILE_ELEMENTS, budget.ramBytes() / 64)), null);
    }
}
