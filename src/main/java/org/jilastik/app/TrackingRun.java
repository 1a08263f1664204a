package org.jilastik.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.error.JilastikException;
import org.jilastik.export.tracking.TrackingImageSource;
import org.jilastik.export.tracking.TrackingPlugin;
import org.jilastik.export.tracking.TrackingPluginExporter;
import org.jilastik.io.ImageSource;
import org.jilastik.io.ReorderedSource;
import org.jilastik.project.Project;
import org.jilastik.project.TrackingSettings;
import org.jilastik.project.TrackingSettingsReader;
import org.jilastik.workflow.WorkflowKind;
import org.jilastik.workflow.objects.ConnectedComponents;
import org.jilastik.workflow.objects.ObjectClassifier;
import org.jilastik.workflow.objects.ObjectFeatures;
import org.jilastik.workflow.objects.SegmentationValues;
import org.jilastik.workflow.objects.Thresholding;
import org.jilastik.workflow.tracking.CellDivisionFeatures;
import org.jilastik.workflow.tracking.FrameObjects;
import org.jilastik.workflow.tracking.ConservationTracker;
import org.jilastik.workflow.tracking.Tracker;
import org.jilastik.workflow.tracking.TrackingFrameLabels;
import org.jilastik.workflow.tracking.TrackingObjectExtractor;
import org.jilastik.workflow.tracking.TrackingResult;

/**
 * Runs one lane of a tracking project (spec tracking §1–3): opens the raw data and the segmentation role (binary
 * image, or prediction maps thresholded as in object classification), labels every frame (connected components,
 * ilastik's ids), computes the object and division features and the classifiers' probabilities, hands the objects
 * to the {@link Tracker}, and exports the chosen source (a label image through the export planner, or a plugin's
 * files). The per-frame labels are held in memory (4 bytes per pixel of the time series).
 */
final class TrackingRun {
    private static final Axes CANONICAL = Axes.of("tzyxc");
    private final RunRequest request;
    private final Project project;
    private final Path cwd;
    private final Tracker tracker;
    private final TrackingSettings settings;
    private TrackingObjectExtractor extractor; // made on first use, after the plugin checks
    private final TrackingImageSource imageSource;
    private final TrackingPlugin plugin;

    TrackingRun(RunRequest request, Project project, Path cwd, Tracker tracker) {
        this.request = request;
        this.project = project;
        this.cwd = cwd;
        this.tracker = tracker;
        String source = request.export().exportSource() == null ? "Tracking-Result" : request.export().exportSource();
        this.imageSource = TrackingImageSource.byName(source);
        this.plugin = imageSource != null ? null : pluginOf(request.export().exportPlugin());
        String name = project.path().getFileName().toString();
        this.settings = TrackingSettingsReader.read(project.path());
        if (!settings.withClassifierPrior()) {
            throw JilastikException.processing(name + " tracks without the object-count classifier (withClassifierPrior"
                    + " is off), which ilastik's tracking cannot do either; enable it in ilastik and save the project");
        }
        if (project.workflow() == WorkflowKind.TRACKING_PREDICTION && settings.threshold() == null) {
            throw JilastikException.processing(name + " stores no threshold settings (group ThresholdTwoLevels); open "
                    + "it in ilastik, set the thresholds and save the project");
        }
    }

    private TrackingObjectExtractor extractor() {
        if (extractor == null) {
            String name = project.path().getFileName().toString();
            ObjectClassifier count = classifier(project, "CountClassification", "object-count", name);
            ObjectClassifier division = settings.parameters().withDivisions()
                    ? classifier(project, "DivisionDetection", "division", name) : null;
            extractor = new TrackingObjectExtractor(settings, count, division);
        }
        return extractor;
    }

    private static TrackingPlugin pluginOf(String name) {
        TrackingPlugin p = name == null ? null : TrackingPlugin.byName(name);
        if (p == null) {
            throw JilastikException.usage("--export_plugin \"" + name + "\" is not a tracking export plugin; choose "
                    + "one of " + TrackingPlugin.names());
        }
        return p;
    }

    private static ObjectClassifier classifier(Project project, String group, String what, String name) {
        if (project.classifierGroup(group).isEmpty()) {
            throw JilastikException.processing(name + " holds no trained " + what + " classifier (group " + group
                    + "); open it in ilastik, label objects, train it and save the project");
        }
        return ObjectClassifier.of(project.classifierGroup(group).get(), name);
    }

    /** Processes one lane; returns the written files (or the plugin's directory). */
    List<Path> runLane(String[] lane, PrintStream log) {
        WorkflowKind kind = project.workflow();
        if (lane.length < 2 || lane[1] == null) {
            throw JilastikException.usage("a " + kind.displayName() + " project needs --"
                    + WorkflowKind.roleFlag(kind.roles().get(1)) + " for every --raw_data input");
        }
        LaneInputs.OpenedRole raw = LaneInputs.open(request, project, 0, lane[0], cwd);
        try (ImageSource rawImage = raw.image();
                ImageSource segImage = LaneInputs.open(request, project, 1, lane[1], cwd).image()) {
            if (raw.axes().warning() != null && !request.quiet()) {
                log.println("jilastik: warning: " + raw.axes().warning());
            }
            if (!rawImage.axes().has('t')) {
                throw JilastikException.processing("tracking needs a time axis but " + lane[0] + " has axes "
                        + rawImage.axes() + "; give a time series (for example --input_axes=tyx)");
            }
            ImageSource rawView = new ReorderedSource(rawImage, CANONICAL);
            ImageSource segView = new ReorderedSource(segImage, CANONICAL);
            long[] rs = rawView.shape();
            long[] ss = segView.shape();
            for (int i = 0; i < 4; i++) {
                if (rs[i] != ss[i]) {
                    throw JilastikException.processing("the " + kind.roles().get(1).toLowerCase() + " " + lane[1]
                            + " has shape " + Arrays.toString(segImage.shape()) + " (axes " + segImage.axes()
                            + ") but the raw data " + lane[0] + " has " + Arrays.toString(rawImage.shape())
                            + " (axes " + rawImage.axes() + "); give images of the same size");
                }
            }
            if (plugin != null) {
                TrackingPluginExporter.check(plugin, (int) rs[4]); // refuse before the long computation
            }
            TrackingObjectExtractor extractor = extractor();
            Frames frames = frames(rawView, segView);
            // the JSON plugin writes the final graph's energies and Fiji-MaMuT its node uuids and link order,
            // which only the detailed result carries
            ConservationTracker.Tracked detailed = (plugin == TrackingPlugin.JSON
                    || plugin == TrackingPlugin.FIJI_MAMUT)
                    && tracker instanceof ConservationTracker conservation
                    ? conservation.trackDetailed(frames.labels(), frames.objects(), settings.parameters()) : null;
            TrackingResult result = detailed != null ? detailed.result()
                    : tracker.track(frames.labels(), frames.objects(), settings.parameters());
            TrackingLaneExport export = new TrackingLaneExport(request, project, cwd, raw, rawImage, rawView,
                    extractor, settings);
            return imageSource != null ? List.of(export.image(imageSource, result, log))
                    : export.plugin(plugin, result, frames.features(), detailed);
        }
    }

    /** Everything computed before tracking. */
    record Frames(TrackingFrameLabels labels, List<ObjectFeatures> features, List<FrameObjects> objects) {
    }

    private Frames frames(ImageSource rawView, ImageSource segView) {
        TrackingObjectExtractor extractor = extractor();
        long[] rs = rawView.shape();
        int frames = (int) rs[0];
        int[] shape = {(int) rs[1], (int) rs[2], (int) rs[3]};
        int channels = (int) rs[4];
        List<int[]> labels = new ArrayList<>();
        List<ObjectFeatures> features = new ArrayList<>();
        for (int t = 0; t < frames; t++) {
            ConnectedComponents.Labels l = ConnectedComponents.label(segmentation(segView, t, shape), shape);
            labels.add(l.labels());
            float[] raw = rawView.read(frameBox(rs, t, 0, channels)).toFloats();
            features.add(extractor.features(l.labels(), l.count(), raw, channels, shape, null));
        }
        List<String> divisionNames = extractor.divisionFeatureNames();
        List<FrameObjects> objects = new ArrayList<>();
        for (int t = 0; t < frames; t++) {
            boolean next = CellDivisionFeatures.seesNextFrame(t, frames);
            Map<String, double[]> div = CellDivisionFeatures.compute(divisionNames, features.get(t),
                    next ? features.get(t + 1) : null, next ? labels.get(t + 1) : null, shape);
            objects.add(extractor.objects(t, features.get(t), div));
        }
        long[] frameShape = shape[0] > 1 ? new long[] {shape[0], shape[1], shape[2]}
                : new long[] {shape[1], shape[2]};
        return new Frames(new TrackingFrameLabels(labels, frameShape), features, objects);
    }

    // binary variants: the image as is; prediction maps: ilastik's threshold step (object-classification §3)
    private int[] segmentation(ImageSource segView, int t, int[] shape) {
        long[] ss = segView.shape();
        if (project.workflow() == WorkflowKind.TRACKING_PREDICTION) {
            Block maps = segView.read(frameBox(ss, t, 0, (int) ss[4]));
            return Thresholding.apply(maps.toFloats(), (int) ss[4], shape, settings.threshold(), null);
        }
        return SegmentationValues.of(segView.read(frameBox(ss, t, 0, 1)));
    }

    static Box frameBox(long[] shape, int t, int c0, int c1) {
        return new Box(new long[] {t, 0, 0, 0, c0}, new long[] {t + 1, shape[1], shape[2], shape[3], c1});
    }
}
