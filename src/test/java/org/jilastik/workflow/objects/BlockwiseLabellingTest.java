package org.jilastik.workflow.objects;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.io.hdf5.Hdf5Source;
import org.jilastik.project.ObjectSettings;
import org.jilastik.project.ObjectSettingsReader;
import org.jilastik.project.Project;
import org.jilastik.project.ProjectReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blockwise labelling into a label store (in memory and spilled to a temporary file) gives exactly the objects and
 * numbering of whole-frame labelling, and with slabs of whole planes the same features bit for bit; the reference
 * case's objects classified blockwise with tiny blocks give the same predictions and probabilities as one block.
 */
class BlockwiseLabellingTest {
    private static final Path CASE = Path.of("../shared/testdata/ilastik-ref/oc-from-segmentation-2d");

    /** Random boxes of values 1 and 2 (touching regions of different values stay apart) on a 3-D volume. */
    private static int[] volume(int[] shape, long seed) {
        Random rnd = new Random(seed);
        int[] seg = new int[shape[0] * shape[1] * shape[2]];
        for (int b = 0; b < 40; b++) {
            int v = 1 + rnd.nextInt(2);
            int z0 = rnd.nextInt(shape[0]);
            int y0 = rnd.nextInt(shape[1]);
            int x0 = rnd.nextInt(shape[2]);
            int dz = 1 + rnd.nextInt(4);
            int dy = 1 + rnd.nextInt(8);
            int dx = 1 + rnd.nextInt(8);
            for (int z = z0; z < Math.min(shape[0], z0 + dz); z++) {
                for (int y = y0; y < Math.min(shape[1], y0 + dy); y++) {
                    for (int x = x0; x < Math.min(shape[2], x0 + dx); x++) {
                        seg[(z * shape[1] + y) * shape[2] + x] = v;
                    }
                }
            }
        }
        // a U-shaped object whose two arms meet only in the last block row: merged late, numbered early
        for (int y = 0; y < shape[1]; y++) {
            seg[(shape[1] - 1 - y) * shape[2]] = 7;
            seg[(shape[1] - 1 - y) * shape[2] + 2] = 7;
        }
        seg[(shape[1] - 1) * shape[2] + 1] = 7;
        return seg;
    }

    private static BlockwiseLabelling.Values reader(int[] values, int[] shape) {
        LabelStore held = LabelStore.wrap(values, shape);
        return held::read;
    }

    private static void assertSameLabels(int[] expected, LabelStore store, int[] shape) {
        int[] got = store.read(new int[3], shape);
        for (int i = 0; i < expected.length; i++) {
            if (got[i] != expected[i]) {
                throw new AssertionError("label at flat index " + i + ": " + got[i] + ", expected " + expected[i]);
            }
        }
    }

    @Test
    void connectedComponentsOfTinyBlocksNumberAsTheWholeFrame(@TempDir Path tmp) {
        int[] shape = {9, 23, 26};
        int[] seg = volume(shape, 11);
        ConnectedComponents.Labels whole = ConnectedComponents.label(seg, shape);
        assertThat(whole.count()).isGreaterThan(10);
        for (int[] block : List.of(new int[] {2, 3, 4}, new int[] {1, 1, 1}, new int[] {4, 7, 5}, shape)) {
            try (LabelStore mem = LabelStore.inMemory(shape); LabelStore disk = LabelStore.onDisk(shape, tmp)) {
                assertThat(BlockwiseLabelling.connectedComponents(reader(seg, shape), mem, block).count())
                        .isEqualTo(whole.count());
                assertThat(BlockwiseLabelling.connectedComponents(reader(seg, shape), disk, block).count())
                        .isEqualTo(whole.count());
                assertSameLabels(whole.labels(), mem, shape);
                assertSameLabels(whole.labels(), disk, shape);
            }
        }
    }

    @Test
    void relabellingOfTinyBlocksEqualsTheWholeFrame(@TempDir Path tmp) {
        int[] shape = {5, 17, 19};
        int[] seg = volume(shape, 3);
        seg[7] = -5; // uint32 0xfffffffb sorts last
        seg[100] = 123456;
        ConnectedComponents.Relabelled whole = ConnectedComponents.relabelConsecutive(seg);
        try (LabelStore disk = LabelStore.onDisk(shape, tmp)) {
            BlockwiseLabelling.Result r = BlockwiseLabelling.relabelConsecutive(reader(seg, shape), disk,
                    new int[] {2, 5, 3});
            assertThat(r.count()).isEqualTo(whole.count());
            assertThat(r.originalIds()).containsExactly(whole.originalIds());
            assertSameLabels(whole.labels(), disk, shape);
        }
    }

    @Test
    void blockwiseFeaturesOfSlabsAreBitIdentical(@TempDir Path tmp) {
        int[] shape = {9, 23, 26};
        int[] seg = volume(shape, 5);
        Random rnd = new Random(1);
        float[] raw = new float[seg.length];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (float) (10 + 200 * rnd.nextDouble());
        }
        List<String> names = List.of("Count", "Sum", "Mean", "Variance", "Skewness", "Kurtosis", "Minimum",
                "Maximum", "RegionCenter", "RegionRadii", "RegionAxes", "Coord<Minimum>", "Coord<Maximum>",
                "Quantiles", "Mean in neighborhood");
        List<ObjectSettings.ObjectFeatureSpec> specs = names.stream().map(s -> new ObjectSettings.ObjectFeatureSpec(
                ObjectFeaturePlan.STANDARD, s, s, s.contains("neighborhood") ? new long[] {2, 2, 1} : null)).toList();
        ObjectFeaturePlan plan = ObjectFeaturePlan.of(new ObjectSettings(specs, specs, new long[] {512, 512, 512},
                new long[] {64, 64, 64}, null, null));
        ConnectedComponents.Labels l = ConnectedComponents.label(seg, shape);
        ObjectFeatures whole = new ObjectFeatureComputer(plan).compute(FrameAccess.inMemory(l.labels(), raw, 1,
                shape), l.count(), shape, null);
        FrameAccess inMemoryRaw = FrameAccess.inMemory(seg, raw, 1, shape);
        try (LabelStore disk = LabelStore.onDisk(shape, tmp)) {
            int count = BlockwiseLabelling.connectedComponents(reader(seg, shape), disk, new int[] {2, 3, 4}).count();
            int[] slab = ObjectFeatureComputer.slabFor(shape, 1, 2 * 23 * 26 * 12, Long.MAX_VALUE);
            assertThat(slab).containsExactly(2, 23, 26);
            ObjectFeatures blocks = new ObjectFeatureComputer(plan).compute(FrameAccess.of(disk, inMemoryRaw::raw, 1),
                    count, slab, null);
            for (String f : names) {
                assertThat(blocks.values().get(f)).as(f).containsExactly(whole.values().get(f));
            }
        }
    }

    @Test
    void referenceObjectsClassifiedWithTinyBlocksOnDiskEqualOneBlock(@TempDir Path tmp) {
        Path ilp = CASE.resolve("ocseg_oc.ilp");
        Project project = ProjectReader.read(ilp);
        ObjectSettings settings = ObjectSettingsReader.read(ilp);
        ObjectPipeline pipeline = new ObjectPipeline(ObjectFeaturePlan.of(settings),
                ObjectClassifier.of(project.classifierGroup("ObjectClassification").orElse(null), "ocseg_oc.ilp"),
                ObjectPipeline.Labelling.CONNECTED_COMPONENTS);
        int[] shape = {1, 200, 240};
        int[] seg;
        float[] raw;
        try (Hdf5Source m = Hdf5Source.open(CASE.resolve("ocseg_mask.h5"), "data", "mask");
             Hdf5Source r = Hdf5Source.open(CASE.resolve("ocseg_raw.h5"), "data", "raw")) {
            Box all = new Box(new long[] {0, 0}, new long[] {200, 240});
            seg = SegmentationValues.of(m.read(all));
            Block rb = r.read(all);
            raw = rb.toFloats();
        }
        FrameResult whole = pipeline.run(seg, raw, 1, shape, null);
        assertThat(whole.count()).isEqualTo(26);
        FrameAccess in = FrameAccess.inMemory(seg, raw, 1, shape);
        try (LabelStore disk = LabelStore.onDisk(shape, tmp)) {
            FrameResult blocks = pipeline.runBlockwise(in::labels, in::raw, 1, disk, new int[] {1, 16, 16},
                    ObjectFeatureComputer.slabFor(shape, 1, Long.MAX_VALUE, 7), null);
            assertThat(blocks.count()).isEqualTo(whole.count());
            assertSameLabels(whole.labels(), disk, shape);
            for (String f : whole.features().values().keySet()) {
                assertThat(blocks.features().values().get(f)).as(f).containsExactly(whole.features().values().get(f));
            }
            assertThat(blocks.probabilities()).containsExactly(whole.probabilities());
            assertThat(blocks.predicted()).containsExactly(whole.predicted());
        }
    }
}
