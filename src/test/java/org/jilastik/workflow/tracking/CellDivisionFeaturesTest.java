package org.jilastik.workflow.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.io.hdf5.Hdf5Source;
import org.jilastik.project.ObjectSettings;
import org.jilastik.project.TrackingSettings;
import org.jilastik.project.TrackingSettingsReader;
import org.jilastik.workflow.objects.ConnectedComponents;
import org.jilastik.workflow.objects.FrameAccess;
import org.jilastik.workflow.objects.ObjectFeatureComputer;
import org.jilastik.workflow.objects.ObjectFeaturePlan;
import org.jilastik.workflow.objects.ObjectFeatures;
import org.junit.jupiter.api.Test;

/**
 * The Cell Division Features of tracking-2dt, computed from the segmentation's connected components and their
 * Standard Object Features, against the values ilastik stored in the project
 * ({@code TrackingFeatureExtraction/RegionFeaturesDivision/0000/[[t], [t+1]]/Cell Division Features/*}), all rows
 * of all 8 frames (the last two frames hold the defaults, see {@link CellDivisionFeatures#seesNextFrame}).
 */
class CellDivisionFeaturesTest {
    private static final Path CASE = Path.of("../shared/testdata/ilastik-ref/tracking-2dt");
    private static final int N = 128;

    @Test
    void equalIlastiksStoredDivisionFeatures() {
        TrackingSettings s = TrackingSettingsReader.read(CASE.resolve("trk2d_tracking.ilp"));
        List<String> names = s.featuresDivision().stream().map(ObjectSettings.ObjectFeatureSpec::name).toList();
        assertThat(names).hasSize(9);
        ObjectFeaturePlan plan = ObjectFeaturePlan.of(new ObjectSettings(s.featuresVigra().stream()
                .filter(f -> f.plugin().equals(ObjectFeaturePlan.STANDARD)).toList(), List.of(),
                new long[] {512, 512, 512}, new long[] {64, 64, 64}, null, null));
        List<int[]> labels = new ArrayList<>();
        List<ObjectFeatures> feats = new ArrayList<>();
        int[] shape = {1, N, N};
        try (Hdf5Source seg = Hdf5Source.open(CASE.resolve("trk2d_seg.h5"), "data", null);
                Hdf5Source raw = Hdf5Source.open(CASE.resolve("trk2d_raw.h5"), "data", null)) {
            for (int t = 0; t < 8; t++) {
                Box box = new Box(new long[] {t, 0, 0}, new long[] {t + 1, N, N});
                Block sb = seg.read(box);
                Block rb = raw.read(box);
                int[] values = new int[N * N];
                for (int i = 0; i < values.length; i++) {
                    values[i] = (int) sb.getDouble(i);
                }
                ConnectedComponents.Labels l = ConnectedComponents.label(values, shape);
                labels.add(l.labels());
                feats.add(new ObjectFeatureComputer(plan).compute(FrameAccess.inMemory(l.labels(), rb.toFloats(), 1,
                        shape), l.count(), shape, null));
            }
        }
        double worst = 0;
        String where = "";
        int compared = 0;
        try (HdfFile ilp = new HdfFile(CASE.resolve("trk2d_tracking.ilp"))) {
            for (int t = 0; t < 8; t++) {
                boolean next = CellDivisionFeatures.seesNextFrame(t, 8);
                Map<String, double[]> got = CellDivisionFeatures.compute(names, feats.get(t),
                        next ? feats.get(t + 1) : null, next ? labels.get(t + 1) : null, shape);
                String group = "TrackingFeatureExtraction/RegionFeaturesDivision/0000/[[" + t + "], [" + (t + 1)
                        + "]]/Cell Division Features/";
                assertThat(got.keySet()).containsExactlyInAnyOrder("ChildrenRatio_Count", "ChildrenRatio_Mean",
                        "ParentChildrenAngle_RegionCenter", "ParentChildrenRatio_Count", "ParentChildrenRatio_Mean",
                        "SquaredDistances_0", "SquaredDistances_1", "SquaredDistances_2");
                for (Map.Entry<String, double[]> e : got.entrySet()) {
                    Dataset d = ilp.getDatasetByPath(group + e.getKey());
                    double[][] expected = (double[][]) d.getData();
                    assertThat(e.getValue()).as(e.getKey() + " at t=" + t).hasSize(expected.length);
                    for (int o = 0; o < expected.length; o++) {
                        double diff = Math.abs(e.getValue()[o] - expected[o][0]);
                        compared++;
                        if (diff > worst) {
                            worst = diff;
                            where = e.getKey() + " t=" + t + " object " + o + ": " + e.getValue()[o] + " vs "
                                    + expected[o][0];
                        }
                    }
                }
            }
        }
        assertThat(compared).isEqualTo(8 * (12 + 13 * 5 + 15 + 13));
        assertThat(worst).as("worst " + where).isZero();
    }
}
