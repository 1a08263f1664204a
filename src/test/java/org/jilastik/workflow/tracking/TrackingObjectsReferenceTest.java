package org.jilastik.workflow.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.io.hdf5.Hdf5Source;
import org.jilastik.io.json.Json;
import org.jilastik.project.Project;
import org.jilastik.project.ProjectReader;
import org.jilastik.project.TrackingSettings;
import org.jilastik.project.TrackingSettingsReader;
import org.jilastik.workflow.objects.ConnectedComponents;
import org.jilastik.workflow.objects.ObjectClassifier;
import org.jilastik.project.ObjectSettings;
import org.jilastik.workflow.objects.ObjectFeaturePlan;
import org.jilastik.workflow.objects.ObjectFeatures;
import org.junit.jupiter.api.Test;

/**
 * What the tracker receives for tracking-2dt, against the model ilastik handed to dpct
 * ({@code solver-io/trk2d_0_trackFlowBased.json}): every node's detection energies −ln(clip(detProb[k])) and, on
 * exactly the nodes whose divProb exceeds divThreshold, the division energy −ln(divProb), on all 97
 * objects. The classifiers also use the 2-D skeleton features, which another plugin computes; this test takes
 * those from the values ilastik stored in the project ({@code RegionFeaturesVigra/…/2D Skeleton Features}) and
 * computes everything else (Standard Object Features, Cell Division Features, both forests).
 */
class TrackingObjectsReferenceTest {
    private static final Path CASE = Path.of("../shared/testdata/ilastik-ref/tracking-2dt");
    private static final int N = 128;

    private static ObjectFeatures withStoredSkeleton(ObjectFeatures f, Path ilp, int t) {
        Map<String, double[]> all = new LinkedHashMap<>(f.values());
        try (HdfFile h = new HdfFile(ilp)) {
            Group g = (Group) h.getByPath("TrackingFeatureExtraction/RegionFeaturesVigra/0000/[[" + t + "], ["
                    + (t + 1) + "]]/2D Skeleton Features");
            for (Node n : g.getChildren().values()) {
                float[][] v = (float[][]) ((Dataset) n).getData();
                assertThat(v.length).isEqualTo(f.count() + 1);
                double[] flat = new double[v.length * v[0].length];
                for (int o = 0; o < v.length; o++) {
                    for (int j = 0; j < v[o].length; j++) {
                        flat[o * v[o].length + j] = v[o][j];
                    }
                }
                all.put(n.getName(), flat);
            }
        }
        return new ObjectFeatures(f.count(), all);
    }

    @Test
    void detectionAndDivisionEnergiesEqualIlastiksSolverInput() throws IOException {
        Path ilp = CASE.resolve("trk2d_tracking.ilp");
        Project project = ProjectReader.read(ilp);
        TrackingSettings s = TrackingSettingsReader.read(ilp);
        ObjectFeaturePlan standard = ObjectFeaturePlan.of(new ObjectSettings(s.featuresVigra().stream()
                .filter(f -> f.plugin().equals(ObjectFeaturePlan.STANDARD)).toList(), List.of(),
                new long[] {512, 512, 512}, new long[] {64, 64, 64}, null, null));
        TrackingObjectExtractor x = new TrackingObjectExtractor(s,
                ObjectClassifier.of(project.classifierGroup("CountClassification").orElseThrow(), "p"),
                ObjectClassifier.of(project.classifierGroup("DivisionDetection").orElseThrow(), "p"), standard);
        int[] shape = {1, N, N};
        List<int[]> labels = new ArrayList<>();
        List<ObjectFeatures> feats = new ArrayList<>();
        try (Hdf5Source seg = Hdf5Source.open(CASE.resolve("trk2d_seg.h5"), "data", null);
                Hdf5Source raw = Hdf5Source.open(CASE.resolve("trk2d_raw.h5"), "data", null)) {
            for (int t = 0; t < 8; t++) {
                Box box = new Box(new long[] {t, 0, 0}, new long[] {t + 1, N, N});
                Block sb = seg.read(box);
                int[] values = new int[N * N];
                for (int i = 0; i < values.length; i++) {
                    values[i] = (int) sb.getDouble(i);
                }
                ConnectedComponents.Labels l = ConnectedComponents.label(values, shape);
                labels.add(l.labels());
                feats.add(withStoredSkeleton(x.features(l.labels(), l.count(), raw.read(box).toFloats(), 1, shape,
                        null), ilp, t));
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> model = (Map<String, Object>) Json.parseObject(Files.readString(
                CASE.resolve("solver-io/trk2d_0_trackFlowBased.json"))).get("model");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> uids = (Map<String, Map<String, Object>>) model.get("traxelToUniqueId");
        Map<Long, int[]> uidToNode = new HashMap<>();
        List<FrameObjects> objects = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            boolean next = CellDivisionFeatures.seesNextFrame(t, 8);
            objects.add(x.objects(t, feats.get(t), CellDivisionFeatures.compute(x.divisionFeatureNames(),
                    feats.get(t), next ? feats.get(t + 1) : null, next ? labels.get(t + 1) : null, shape)));
            for (Map.Entry<String, Object> e : uids.get(Integer.toString(t)).entrySet()) {
                uidToNode.put(((Number) e.getValue()).longValue(), new int[] {t, Integer.parseInt(e.getKey())});
            }
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> hyps = (List<Map<String, Object>>) model.get("segmentationHypotheses");
        assertThat(hyps).hasSize(97);
        double worst = 0;
        String where = "none";
        int divisions = 0;
        for (Map<String, Object> h : hyps) {
            int[] node = uidToNode.get(((Number) h.get("id")).longValue());
            FrameObjects f = objects.get(node[0]);
            int i = node[1] - 1;
            List<?> det = (List<?>) h.get("features");
            for (int k = 0; k < det.size(); k++) {
                double expected = ((Number) ((List<?>) det.get(k)).get(0)).doubleValue();
                double got = -Math.log(Math.min(Math.max(f.detProb()[i][k], 1e-7), 0.99999999));
                double d = Math.abs(got - expected);
                if (d > worst) {
                    worst = d;
                    where = "detection t=" + node[0] + " id=" + node[1] + " k=" + k + ": " + got + " vs " + expected;
                }
            }
            List<?> div = (List<?>) h.get("divisionFeatures");
            boolean mayDivide = f.divProb()[i] > s.parameters().divThreshold();
            assertThat(div != null).as("division hypothesis at t=" + node[0] + " id=" + node[1]).isEqualTo(mayDivide);
            if (div != null) {
                divisions++;
                double expected = ((Number) ((List<?>) div.get(1)).get(0)).doubleValue();
                double d = Math.abs(-Math.log(f.divProb()[i]) - expected);
                if (d > worst) {
                    worst = d;
                    where = "division t=" + node[0] + " id=" + node[1] + ": " + f.divProb()[i] + " vs " + expected;
                }
            }
        }
        assertThat(divisions).isPositive();
        assertThat(worst).as("worst " + where).isLessThanOrEqualTo(1e-12);
    }
}
