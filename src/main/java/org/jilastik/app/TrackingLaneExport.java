package org.jilastik.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.jilastik.array.Transpose;
import org.jilastik.export.ExportPlan;
import org.jilastik.export.ExportPlanner;
import org.jilastik.export.ExportRunner;
import org.jilastik.export.ExportSourceInfo;
import org.jilastik.export.PluginPaths;
import org.jilastik.export.tracking.TrackedFeatures;
import org.jilastik.export.tracking.TrackingImagePainter;
import org.jilastik.export.tracking.TrackingImageSource;
import org.jilastik.export.tracking.TrackingPlugin;
import org.jilastik.export.tracking.TrackingPluginExporter;
import org.jilastik.io.ImageSource;
import org.jilastik.project.ExportSettings;
import org.jilastik.project.Project;
import org.jilastik.project.TrackingSettings;
import org.jilastik.workflow.objects.ObjectFeatures;
import org.jilastik.workflow.objects.SkeletonFeatures;
import org.jilastik.workflow.tracking.ConservationTracker;
import org.jilastik.workflow.tracking.FrameLabels;
import org.jilastik.workflow.tracking.TrackingObjectExtractor;
import org.jilastik.workflow.tracking.TrackingResult;

/**
 * The export step of one tracking lane (spec tracking §3): a label image source through {@link ExportPlanner} and
 * {@link ExportRunner} (every output format and export option applies; uint32, axes = the input's plus {@code c},
 * ilastik's drange (0, 255) and display mode {@code default}), or a plugin's files at the expanded
 * {@code --output_filename_format} ({@code {result_type}} = the plugin's name).
 */
final class TrackingLaneExport {
    private static final Axes CANONICAL = Axes.of("tzyxc");
    private final RunRequest request;
    private final Project project;
    private final Path cwd;
    private final LaneInputs.OpenedRole raw;
    private final ImageSource rawImage;
    private final ImageSource rawView;
    private final TrackingObjectExtractor extractor;
    private final TrackingSettings settings;

    TrackingLaneExport(RunRequest request, Project project, Path cwd, LaneInputs.OpenedRole raw,
            ImageSource rawImage, ImageSource rawView, TrackingObjectExtractor extractor, TrackingSettings settings) {
        this.request = request;
        this.project = project;
        this.cwd = cwd;
        this.raw = raw;
        this.rawImage = rawImage;
        this.rawView = rawView;
        this.extractor = extractor;
        this.settings = settings;
    }

    Path image(TrackingImageSource source, TrackingResult result, PrintStream log) {
        Axes axes = rawImage.axes().has('c') ? rawImage.axes() : rawImage.axes().append('c');
        long[] rs = rawView.shape();
        long[] shape = new long[axes.size()];
        for (int i = 0; i < shape.length; i++) {
            char a = axes.get(i);
            shape[i] = a == 'c' ? 1 : rs[CANONICAL.indexOf(a)];
        }
        ExportSourceInfo info = new ExportSourceInfo(source.displayName(), DType.UINT32, axes, shape, 0L, 255L,
                "default");
        ExportPlan plan = LanePlans.plan(request, project, info, raw, rawImage, cwd, log);
        TrackingImagePainter painter = new TrackingImagePainter(result, source);
        return ExportRunner.run(plan, box -> {
            long[] start = new long[5];
            long[] stop = new long[5];
            for (int k = 0; k < 5; k++) {
                int i = axes.indexOf(CANONICAL.get(k));
                start[k] = i < 0 || CANONICAL.get(k) == 'c' ? 0 : box.start(i);
                stop[k] = i < 0 || CANONICAL.get(k) == 'c' ? 1 : box.stop(i);
            }
            Block canonical = painter.paint(new Box(start, stop));
            return Transpose.to(canonical, axes, null);
        }, ExportRunner.DEFAULT_TILE_ELEMENTS, null);
    }

    List<Path> plugin(TrackingPlugin plugin, TrackingResult result, List<ObjectFeatures> original,
            ConservationTracker.Tracked detailed) {
        String given = request.export().outputFilenameFormat();
        ExportSettings stored = project.exportSettings().orElse(null);
        String template = given != null ? given : stored == null ? null : stored.outputFilenameFormat();
        Path workingDir = given != null || stored == null ? cwd : project.path().toAbsolutePath().getParent();
        Path base = PluginPaths.base(template, raw.input().nickname(),
                raw.input().datasetDir().toAbsolutePath().toString(), plugin.displayName(), workingDir);
        TrackingPluginExporter.Context context = new TrackingPluginExporter.Context(
                () -> TrackedFeatures.of(settings.featuresVigra(), relabelledFeatures(result, original)),
                (int) rawView.shape()[4], request.export().bigDataViewerXmlFile(),
                t -> rawView.read(TrackingRun.frameBox(rawView.shape(), t, 0, (int) rawView.shape()[4])).toFloats(),
                detailed);
        return TrackingPluginExporter.export(plugin, base, result, context);
    }

    // features of the merger-relabelled objects: recomputed on frames where a merger was resolved, else reused
    private List<ObjectFeatures> relabelledFeatures(TrackingResult result, List<ObjectFeatures> original) {
        boolean[] relabelled = new boolean[original.size()];
        for (TrackingResult.Node n : result.nodes()) {
            if (n.mergerLabelId() != 0) {
                relabelled[n.frame()] = true;
            }
        }
        FrameLabels ids = result.objectIdentities();
        long[] rs = rawView.shape();
        int[] shape = {(int) rs[1], (int) rs[2], (int) rs[3]};
        List<ObjectFeatures> out = new ArrayList<>();
        for (int t = 0; t < original.size(); t++) {
            if (!relabelled[t]) {
                out.add(original.get(t));
                continue;
            }
            int[] labels = ids.frame(t);
            int max = 0;
            for (int v : labels) {
                max = Math.max(max, v);
            }
            float[] pixels = rawView.read(TrackingRun.frameBox(rs, t, 0, (int) rs[4])).toFloats();
            out.add(withoutPluginFeatures(extractor.features(labels, max, pixels, (int) rs[4], shape, null),
                    result, t));
        }
        return out;
    }

    // ilastik recomputes only vigra's standard features for the resolved parts of a merger: their skeleton
    // features are 0 in its table (tracking-2dt, frames 3 and 4)
    private static ObjectFeatures withoutPluginFeatures(ObjectFeatures f, TrackingResult result, int t) {
        Map<String, double[]> values = new HashMap<>(f.values());
        for (String name : SkeletonFeatures.NAMES) {
            if (!f.has(name)) {
                continue;
            }
            int width = f.width(name);
            double[] v = values.get(name).clone();
            for (TrackingResult.Node n : result.nodes()) {
                if (n.frame() == t && n.mergerLabelId() != 0) {
                    java.util.Arrays.fill(v, n.labelImageId() * width, (n.labelImageId() + 1) * width, 0.0);
                }
            }
            values.put(name, v);
        }
        return new ObjectFeatures(f.count(), values);
    }
}
