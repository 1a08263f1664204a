package org.jilastik.workflow.tracking;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import org.jilastik.error.JilastikException;
import org.jilastik.project.ObjectSettings;
import org.jilastik.project.ObjectSettings.ObjectFeatureSpec;
import org.jilastik.project.TrackingSettings;
import org.jilastik.workflow.objects.FrameAccess;
import org.jilastik.workflow.objects.ObjectClassifier;
import org.jilastik.workflow.objects.ObjectFeatureComputer;
import org.jilastik.workflow.objects.ObjectFeaturePlan;
import org.jilastik.workflow.objects.ObjectFeatures;

/**
 * From labelled frames to what the tracker sees (spec tracking §2.2–2.4): the plugin object features of the
 * project's {@code FeatureNamesVigra} selection (and whatever the classifiers select) through
 * {@link ObjectFeaturePlan}, the {@link CellDivisionFeatures}, the object-count classifier's detProb and the
 * division classifier's divProb, gathered into {@link FrameObjects}. Immutable, thread safe.
 */
public final class TrackingObjectExtractor {
    private final TrackingSettings settings;
    private final ObjectFeaturePlan plan;
    private final ObjectClassifier count;
    private final ObjectClassifier division;

    /**
     * An extractor.
     *
     * @param count    the {@code CountClassification} classifier
     * @param division the {@code DivisionDetection} classifier, or null when the project tracks without divisions
     * @throws JilastikException (processing) for a feature jilastik does not compute, or a count classifier with
     *                           fewer than maxObj + 1 classes
     */
    public TrackingObjectExtractor(TrackingSettings settings, ObjectClassifier count, ObjectClassifier division) {
        this(settings, count, division, planOf(settings));
    }

    /** An extractor computing {@code plan} (tests substitute features computed elsewhere). */
    TrackingObjectExtractor(TrackingSettings settings, ObjectClassifier count, ObjectClassifier division,
            ObjectFeaturePlan plan) {
        this.settings = settings;
        this.plan = plan;
        this.count = count;
        this.division = division;
        int maxObj = settings.parameters().maxObj();
        if (count.classCount() < maxObj + 1) {
            throw JilastikException.processing("the object-count classifier has " + count.classCount()
                    + " classes but the tracking allows up to " + maxObj + " objects per detection, which needs "
                    + (maxObj + 1) + "; add the missing object-count labels in ilastik, retrain and save the project");
        }
    }

    /** The 2-D convex hull plugin, which ilastik's tracking selects but computes nothing for (see planOf). */
    public static final String CONVEX_HULL_2D = "2D Convex Hull Features";

    /**
     * The feature plan of the tracking: every plugin feature of {@code FeatureNamesVigra} and of both classifiers'
     * selections, except the {@code Cell Division Features}, which {@link CellDivisionFeatures} computes, and the
     * {@code 2D Convex Hull Features}: ilastik's tracking selects them by default but computes no values for them
     * (tracking-2dt: the stored {@code RegionFeaturesVigra/…/2D Convex Hull Features} groups are empty, the
     * forests have 15 and 17 columns = without them, and the CSV-Table has no such columns).
     */
    public static ObjectFeaturePlan planOf(TrackingSettings s) {
        Set<ObjectFeatureSpec> all = new LinkedHashSet<>();
        for (List<ObjectFeatureSpec> l : List.of(s.featuresVigra(), s.countFeatures(), s.divisionFeatures())) {
            for (ObjectFeatureSpec f : l) {
                if (!f.plugin().equals(CellDivisionFeatures.PLUGIN) && !f.plugin().equals(CONVEX_HULL_2D)) {
                    all.add(new ObjectFeatureSpec(f.plugin(), f.name(), f.displayText(), f.margin()));
                }
            }
        }
        ObjectSettings os = new ObjectSettings(new ArrayList<>(all), List.of(), new long[] {512, 512, 512},
                new long[] {64, 64, 64}, null, null);
        return ObjectFeaturePlan.of(os);
    }

    /** The feature plan. */
    public ObjectFeaturePlan plan() {
        return plan;
    }

    /**
     * The plugin features of one labelled frame held in memory.
     *
     * @param labels objects 1..n, flat {@code [z][y][x]}
     * @param raw    intensities, flat {@code [z][y][x][c]}
     * @param shape  {@code {z, y, x}}
     * @param pool   threads for neighbourhood features, or null
     */
    public ObjectFeatures features(int[] labels, int n, float[] raw, int channels, int[] shape, ExecutorService pool) {
        return new ObjectFeatureComputer(plan).compute(FrameAccess.inMemory(labels, raw, channels, shape), n, shape,
                pool);
    }

    /** The names of the project's division features ({@code FeatureNamesDivision}). */
    public List<String> divisionFeatureNames() {
        List<String> out = new ArrayList<>();
        for (ObjectFeatureSpec f : settings.featuresDivision()) {
            out.add(f.name());
        }
        if (out.isEmpty()) {
            for (ObjectFeatureSpec f : settings.divisionFeatures()) {
                if (f.plugin().equals(CellDivisionFeatures.PLUGIN)) {
                    out.add(f.name());
                }
            }
        }
        return out;
    }

    /**
     * The objects of frame t as the tracker sees them.
     *
     * @param ids       object ids 1..n
     * @param features  the frame's plugin features
     * @param divisions the frame's division features (see {@link CellDivisionFeatures#compute})
     */
    public FrameObjects objects(int t, ObjectFeatures features, Map<String, double[]> divisions) {
        int n = features.count();
        int[] ids = new int[n];
        double[][] centers = new double[n][];
        long[] sizes = new long[n];
        double[] rc = features.values().get("RegionCenter");
        double[] cnt = features.values().get("Count");
        int cw = features.width("RegionCenter");
        for (int o = 1; o <= n; o++) {
            ids[o - 1] = o;
            double[] c = new double[cw];
            for (int j = 0; j < cw; j++) {
                c[j] = rc[o * cw + j]; // double pixel means: the border factors of ilastik's graph match them to 1e-9, float32 centres not
            }
            centers[o - 1] = c;
            sizes[o - 1] = Math.round(cnt[o]);
        }
        int maxObj = settings.parameters().maxObj();
        float[] det = count.predict(TrackingFeatureMatrix.of(settings.countFeatures(), features, divisions,
                count.featureCount(), "object-count"), n);
        int cc = count.classCount();
        double[][] detProb = new double[n][maxObj + 1];
        for (int o = 1; o <= n; o++) {
            for (int k = 0; k <= maxObj; k++) {
                detProb[o - 1][k] = det[o * cc + k];
            }
        }
        double[] divProb = null;
        if (division != null && settings.parameters().withDivisions()) {
            float[] p = division.predict(TrackingFeatureMatrix.of(settings.divisionFeatures(), features, divisions,
                    division.featureCount(), "division"), n);
            int dc = division.classCount();
            divProb = new double[n];
            for (int o = 1; o <= n; o++) {
                divProb[o - 1] = p[o * dc + 1]; // classes: Not Dividing, Dividing
            }
        }
        return new FrameObjects(t, ids, centers, sizes, detProb, divProb);
    }
}
