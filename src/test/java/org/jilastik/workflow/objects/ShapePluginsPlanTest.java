package org.jilastik.workflow.objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jhdf.HdfFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jilastik.error.JilastikException;
import org.jilastik.project.ObjectSettings;
import org.jilastik.project.ObjectSettings.ObjectFeatureSpec;
import org.junit.jupiter.api.Test;

/**
 * Projects selecting ilastik's "2D Skeleton Features" and "2D Convex Hull Features" (the tracking workflow's
 * defaults): the plan accepts them, gives the classifier columns ilastik trained the reference project's forests
 * with, and the features computed block by block (with and without threads) equal the whole-frame ones and the
 * values in ilastik's CSV table.
 */
class ShapePluginsPlanTest {
    static final String HULL = ObjectFeaturePlan.CONVEX_HULL_2D;
    static final Path CSV = Path.of("../shared/testdata/ilastik-ref/tracking-2dt/out/trk2d_raw-data_CSV-Table.csv");

    static List<ObjectFeatureSpec> countClassifierSelection() {
        List<ObjectFeatureSpec> out = new ArrayList<>();
        for (String s : List.of("Area", "Convexity", "DefectCount", "DefectDisplacementMean", "DefectVolumeMean",
                "DefectVolumeVariance", "HullCenter", "InputCenter", "InputVolume")) {
            out.add(new ObjectFeatureSpec(HULL, s, s, null));
        }
        for (String s : List.of("Average Length", "Branch Count", "Diameter", "Euclidean Diameter", "Hole Count",
                "Total Length")) {
            out.add(new ObjectFeatureSpec(SkeletonFeatures.PLUGIN, s, s, null));
        }
        for (String s : List.of("Count", "Mean", "RegionAxes", "RegionRadii", "Variance")) {
            out.add(new ObjectFeatureSpec(ObjectFeaturePlan.STANDARD, s, s, null));
        }
        return out;
    }

    static ObjectFeaturePlan plan(List<ObjectFeatureSpec> extracted, List<ObjectFeatureSpec> selected) {
        return ObjectFeaturePlan.of(new ObjectSettings(extracted, selected, new long[] {512, 512, 512},
                new long[] {64, 64, 64}, null, null));
    }

    @Test
    void theTrackingCountClassifierSelectionGivesTheForestsColumns() {
        List<ObjectFeatureSpec> extracted = new ArrayList<>(countClassifierSelection());
        for (String s : List.of("Skeleton Center", "Terminal 1", "Terminal 2")) {
            extracted.add(new ObjectFeatureSpec(SkeletonFeatures.PLUGIN, s, s, null));
        }
        ObjectFeaturePlan plan = plan(extracted, countClassifierSelection());
        assertThat(plan.classifierColumns()).containsExactly("Average Length", "Branch Count", "Diameter",
                "Euclidean Diameter", "Hole Count", "Total Length", "Count", "Mean", "RegionAxes", "RegionRadii",
                "Variance");
        assertThat(plan.skeletonFeatures()).containsExactlyInAnyOrderElementsOf(SkeletonFeatures.NAMES);
        assertThat(plan.computed()).doesNotContain("Area", "Convexity", "HullCenter");
        assertThat(plan.displayName("Branch Count")).isEqualTo("Number of Branches");
        int[] shape = {1, 128, 128};
        try (HdfFile f = new HdfFile(SkeletonFeaturesTest.ILP)) {
            int[] labels = SkeletonFeaturesTest.labels(f, 0, shape);
            ObjectFeatures feats = new ObjectFeatureComputer(plan).compute(FrameAccess.inMemory(labels,
                    new float[labels.length], 1, shape), 11, shape, null);
            int width = 0;
            for (String c : plan.classifierColumns()) {
                width += feats.width(c);
            }
            // CountClassification/ClassifierForests/Forest0000/_ext_param/column_count_ of the project is 15 (read
            // with h5py; jhdf cannot list that group because of the opaque ExportSettings dataset beside it)
            assertThat(width).isEqualTo(15);
        }
    }

    @Test
    void anUnknownSkeletonFeatureOrPluginIsStillRefused() {
        List<ObjectFeatureSpec> bad = List.of(new ObjectFeatureSpec(SkeletonFeatures.PLUGIN, "Curvature", "c", null));
        assertThatThrownBy(() -> plan(bad, bad)).isInstanceOf(JilastikException.class).hasMessageContaining(
                "Curvature");
        List<ObjectFeatureSpec> other = List.of(new ObjectFeatureSpec("Spherical Texture", "x", "x", null));
        assertThatThrownBy(() -> plan(other, other)).isInstanceOf(JilastikException.class).hasMessageContaining(
                "Spherical Texture");
    }

    @Test
    void blocksAndThreadsGiveTheWholeFrameSkeletonFeatures() {
        List<ObjectFeatureSpec> specs = new ArrayList<>();
        for (String s : SkeletonFeatures.NAMES) {
            specs.add(new ObjectFeatureSpec(SkeletonFeatures.PLUGIN, s, s, null));
        }
        specs.add(new ObjectFeatureSpec(ObjectFeaturePlan.STANDARD, "Mean", "Mean", null));
        ObjectFeaturePlan plan = plan(specs, specs);
        int[] shape = {1, 128, 128};
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try (HdfFile f = new HdfFile(SkeletonFeaturesTest.ILP)) {
            for (int t : new int[] {3, 6}) {
                int[] labels = SkeletonFeaturesTest.labels(f, t, shape);
                int count = Arrays.stream(labels).max().orElse(0);
                FrameAccess frame = FrameAccess.inMemory(labels, new float[labels.length], 1, shape);
                ObjectFeatureComputer computer = new ObjectFeatureComputer(plan);
                ObjectFeatures whole = computer.compute(frame, count, shape, null);
                ObjectFeatures blocks = computer.compute(frame, count, new int[] {1, 7, 9}, pool);
                for (String n : SkeletonFeatures.NAMES) {
                    assertThat(blocks.values().get(n)).as("frame %d %s", t, n).containsExactly(whole.values().get(n));
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    /** The CSV's skeleton columns (display names, `_i` suffixes) on every row the merger resolution left alone. */
    @Test
    void skeletonColumnsMatchIlastiksTrackingCsv() throws IOException {
        List<String> lines = Files.readAllLines(CSV);
        List<String> header = List.of(lines.get(0).split(","));
        Map<String, String> column = Map.of("Average Length", "Average_Branch_Length", "Branch Count",
                "Number_of_Branches", "Diameter", "Diameter", "Euclidean Diameter", "Euclidean_Diameter",
                "Hole Count", "Number_of_Holes", "Skeleton Center", "Center_of_the_Skeleton", "Terminal 1",
                "Terminal_1", "Terminal 2", "Terminal_2", "Total Length", "Length_of_the_Skeleton");
        int[] shape = {1, 128, 128};
        int rows = 0;
        double worst = 0;
        try (HdfFile f = new HdfFile(SkeletonFeaturesTest.ILP)) {
            List<Map<String, double[]>> frames = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int[] labels = SkeletonFeaturesTest.labels(f, t, shape);
                frames.add(SkeletonFeaturesTest.compute(labels, shape, Arrays.stream(labels).max().orElse(0)));
            }
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",");
                int t = Integer.parseInt(cells[header.indexOf("frame")]);
                int id = Integer.parseInt(cells[header.indexOf("labelimageId")]);
                if ((t == 3 || t == 4) && (id == 9 || id == 13 || id == 14)) {
                    continue; // merger-resolved objects: not the per-frame connected components
                }
                rows++;
                for (String n : SkeletonFeatures.NAMES) {
                    int k = SkeletonFeatures.width(n);
                    for (int j = 0; j < k; j++) {
                        String name = column.get(n) + "_" + j;
                        double ours = (float) frames.get(t).get(n)[id * k + j];
                        String cell = cells[header.indexOf(name)];
                        if (name.contains("Center_of")) {
                            assertThat(Long.parseLong(cell)).as("frame %d id %d %s", t, id, name)
                                    .isEqualTo((long) ours);
                        } else {
                            double diff = Math.abs(Double.parseDouble(cell) - ours);
                            worst = Math.max(worst, diff);
                            assertThat(diff).as("frame %d id %d %s: %s vs %s", t, id, name, cell, ours)
                                    .isLessThanOrEqualTo(5.0000001e-7);
                        }
                    }
                }
            }
        }
        System.out.printf("tracking CSV skeleton columns: %d rows, worst |diff| %.3g (the %%f rounding)%n", rows,
                worst);
        assertThat(rows).isEqualTo(95);
    }
}
