package org.jilastik.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.jilastik.error.JilastikException;
import org.jilastik.exec.ResourceBudget;
import org.jilastik.export.ExportPlan;
import org.jilastik.export.ExportRunner;
import org.jilastik.export.ExportSourceInfo;
import org.jilastik.io.ImageSource;
import org.jilastik.io.PipelineAxisOrder;
import org.jilastik.io.ReorderedSource;
import org.jilastik.project.MulticutSettings;
import org.jilastik.project.MulticutSettingsReader;
import org.jilastik.project.Project;
import org.jilastik.workflow.multicut.EdgeClassifier;
import org.jilastik.workflow.multicut.MulticutPipeline;

/**
 * Runs one lane of a Boundary-based Segmentation with Multicut project (spec multicut): opens the raw data, the
 * boundary probabilities and, if given, the superpixels; checks that their spatial shapes agree; computes the
 * segmentation on the whole image ({@link MulticutPipeline}) and exports {@code Multicut Segmentation} (uint32,
 * one channel, axes {@code yxc} / {@code zyxc} as ilastik) through the common export path.
 */
final class MulticutRun {
    static final String SOURCE = "Multicut Segmentation";
    private static final Axes WORK = Axes.of("zyxc");
    private static final List<Axes> ORDERS = List.of(Axes.of("yxc"), Axes.of("zyxc"));
    private final RunRequest request;
    private final Project project;
    private final ResourceBudget budget;
    private final Path cwd;
    private final MulticutPipeline pipeline;

    MulticutRun(RunRequest request, Project project, ResourceBudget budget, Path cwd) {
        this.request = request;
        this.project = project;
        this.budget = budget;
        this.cwd = cwd;
        MulticutSettings settings = MulticutSettingsReader.read(project.path());
        String name = project.path().getFileName().toString();
        this.pipeline = new MulticutPipeline(settings, settings.trainRandomForest()
                ? EdgeClassifier.of(project.classifierGroup("Training and Multicut").orElse(null), name) : null);
        String source = request.export().exportSource();
        if (source != null && !source.equalsIgnoreCase(SOURCE)) {
            throw JilastikException.usage("export source \"" + source + "\" does not exist in this project; "
                    + "the Multicut workflow exports only \"" + SOURCE + "\"");
        }
    }

    /** Processes one lane; returns the written file. */
    Path runLane(String[] lane, PrintStream log) {
        if (lane.length < 2 || lane[1] == null) {
            throw JilastikException.usage("a multicut project needs --probabilities (the boundary map) for every "
                    + "--raw_data input");
        }
        LaneInputs.OpenedRole raw = LaneInputs.open(request, project, 0, lane[0], cwd);
        List<LaneInputs.OpenedRole> opened = new ArrayList<>();
        ExecutorService pool = budget.threads() <= 0 ? null : Executors.newFixedThreadPool(budget.workers(),
                r -> Thread.ofPlatform().daemon(true).name("jilastik-worker").unstarted(r));
        try (ImageSource rawImage = raw.image()) {
            if (raw.axes().warning() != null && !request.quiet()) {
                log.println("jilastik: warning: " + raw.axes().warning());
            }
            Axes pipelineAxes = PipelineAxisOrder.choose(rawImage.axes(), rawImage.shape(), ORDERS, "the raw data");
            ImageSource rawView = new ReorderedSource(rawImage, WORK);
            long[] rs = rawView.shape();
            int[] shape = {(int) rs[0], (int) rs[1], (int) rs[2]};
            boolean is3d = pipelineAxes.has('z');
            LaneInputs.OpenedRole prob = LaneInputs.open(request, project, 1, lane[1], cwd);
            opened.add(prob);
            ImageSource probView = sameShape(new ReorderedSource(prob.image(), WORK), rs, lane[1], "probabilities");
            int[] superpixels = null;
            if (lane.length > 2 && lane[2] != null) {
                LaneInputs.OpenedRole sp = LaneInputs.open(request, project, 2, lane[2], cwd);
                opened.add(sp);
                superpixels = ids(sameShape(new ReorderedSource(sp.image(), WORK), rs, lane[2], "superpixels"));
            }
            int[] segmentation = pipeline.run(channels(rawView), channels(probView), superpixels, shape, is3d, pool);
            return export(raw, rawImage, pipelineAxes, rs, segmentation, log);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
            opened.forEach(o -> o.image().close());
        }
    }

    private static ImageSource sameShape(ImageSource view, long[] rs, String name, String role) {
        long[] s = view.shape();
        for (int i = 0; i < 3; i++) {
            if (s[i] != rs[i]) {
                throw JilastikException.processing("the " + role + " " + name + " have spatial shape "
                        + Arrays.toString(Arrays.copyOf(s, 3)) + " (zyx) but the raw data has "
                        + Arrays.toString(Arrays.copyOf(rs, 3)) + "; give images of the same size");
            }
        }
        return view;
    }

    // each channel as a flat float32 zyx array
    private static List<float[]> channels(ImageSource view) {
        long[] s = view.shape();
        float[] all = view.read(Box.ofShape(s)).toFloats();
        int c = (int) s[3];
        int n = all.length / c;
        List<float[]> out = new ArrayList<>();
        for (int k = 0; k < c; k++) {
            float[] ch = new float[n];
            for (int i = 0; i < n; i++) {
                ch[i] = all[i * c + k];
            }
            out.add(ch);
        }
        return out;
    }

    private static int[] ids(ImageSource view) {
        long[] s = view.shape();
        if (s[3] != 1) {
            throw JilastikException.processing("the superpixels have " + s[3] + " channels; give a single-channel "
                    + "label image");
        }
        Block b = view.read(Box.ofShape(s));
        if (b.data() instanceof int[] ints) {
            return ints;
        }
        int[] out = new int[b.size()];
        for (int i = 0; i < out.length; i++) {
            double v = b.getDouble(i);
            if (v < 0 || v > Integer.MAX_VALUE || v != Math.rint(v)) {
                throw JilastikException.processing("the superpixels hold the value " + v + "; give non-negative "
                        + "integer ids");
            }
            out[i] = (int) v;
        }
        return out;
    }

    private Path export(LaneInputs.OpenedRole raw, ImageSource rawImage, Axes pipelineAxes, long[] rs,
            int[] segmentation, PrintStream log) {
        long[] sourceShape = new long[pipelineAxes.size()];
        for (int i = 0; i < sourceShape.length; i++) {
            char a = pipelineAxes.get(i);
            sourceShape[i] = a == 'c' ? 1 : rs[WORK.indexOf(a)];
        }
        ExportSourceInfo info = new ExportSourceInfo(SOURCE, DType.UINT32, pipelineAxes, sourceShape, null, null,
                "random-colortable");
        ExportPlan plan = LanePlans.plan(request, project, info, raw, rawImage, cwd, log);
        int ny = (int) rs[1];
        int nx = (int) rs[2];
        return ExportRunner.run(plan, box -> {
            Block b = Block.allocate(pipelineAxes, box, DType.UINT32);
            int[] out = (int[]) b.data();
            int zi = pipelineAxes.indexOf('z');
            int yi = pipelineAxes.indexOf('y');
            int xi = pipelineAxes.indexOf('x');
            long z0 = zi < 0 ? 0 : box.start(zi);
            long z1 = zi < 0 ? 1 : box.stop(zi);
            int i = 0;
            // pipeline axes are (z)yxc with one channel: C order z, y, x
            for (long z = z0; z < z1; z++) {
                for (long y = box.start(yi); y < box.stop(yi); y++) {
                    int row = (int) ((z * ny + y) * nx);
                    for (long x = box.start(xi); x < box.stop(xi); x++) {
                        out[i++] = segmentation[row + (int) x];
                    }
                }
            }
            return b;
        }, ExportRunner.DEFAULT_TILE_ELEMENTS, null);
    }
}
