package org.jilastik.workflow.objects;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.io.hdf5.Hdf5Source;
import org.jilastik.project.ObjectSettingsReader;
import org.jilastik.project.ProjectReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The blockwise sources held per object in a label store ({@link BlockwiseObjects#paintInto}) and painted box by
 * box give the bytes of the per-pixel whole-frame painting ({@link BlockwiseObjects#paint}), for small blocks with
 * halos (objects cut by many block and region borders), in memory and spilled to disk, painted in small and
 * unaligned tiles; on the reference case's segmentation with its trained object classifier.
 */
class BlockwisePaintingTest {
    private static final Path CASE = Path.of("../shared/testdata/ilastik-ref/oc-from-segmentation-2d");

    @Test
    void storedBlockwiseResultsPaintAsTheWholeFrameImage(@TempDir Path tmp) {
        Path ilp = CASE.resolve("ocseg_oc.ilp");
        ObjectPipeline pipeline = new ObjectPipeline(ObjectFeaturePlan.of(ObjectSettingsReader.read(ilp)),
                ObjectClassifier.of(ProjectReader.read(ilp).classifierGroup("ObjectClassification").orElse(null),
                        "ocseg_oc.ilp"), ObjectPipeline.Labelling.CONNECTED_COMPONENTS);
        int[] shape = {1, 200, 240};
        int[] seg;
        float[] raw;
        try (Hdf5Source m = Hdf5Source.open(CASE.resolve("ocseg_mask.h5"), "data", "mask");
             Hdf5Source r = Hdf5Source.open(CASE.resolve("ocseg_raw.h5"), "data", "raw")) {
            Box all = new Box(new long[] {0, 0}, new long[] {200, 240});
            seg = SegmentationValues.of(m.read(all));
            raw = r.read(all).toFloats();
        }
        int classes = pipeline.classifier().classCount();
        FrameAccess frame = FrameAccess.inMemory(seg, raw, 1, shape);
        int[][][] grids = {{{1, 40, 50}, {0, 8, 8}}, {{1, 16, 16}, {0, 5, 3}}, {{1, 512, 512}, {0, 64, 64}}};
        for (int[][] g : grids) {
            BlockwiseObjects.Painted expected = BlockwiseObjects.paint(pipeline, frame, g[0], g[1], null);
            ObjectPainter reference = ObjectPainter.blockwise(List.of(expected), classes, shape);
            for (boolean disk : new boolean[] {false, true}) {
                LabelStore ids = disk ? LabelStore.onDisk(shape, tmp) : LabelStore.inMemory(shape);
                try (BlockwiseObjects.Stored stored = BlockwiseObjects.paintInto(pipeline, frame, g[0], g[1], ids,
                        null)) {
                    ObjectPainter painter = ObjectPainter.blockwiseStored(List.of(stored), classes, shape);
                    for (long[] tile : new long[][] {{200, 240}, {16, 16}, {37, 23}}) {
                        for (long y = 0; y < 200; y += tile[0]) {
                            for (long x = 0; x < 240; x += tile[1]) {
                                for (ObjectExportSource s : List.of(ObjectExportSource.BLOCKWISE_OBJECT_PREDICTIONS,
                                        ObjectExportSource.BLOCKWISE_OBJECT_PROBABILITIES)) {
                                    int nc = s.probabilities() ? classes : 1;
                                    Box box = new Box(new long[] {0, 0, y, x, 0}, new long[] {1, 1,
                                            Math.min(200, y + tile[0]), Math.min(240, x + tile[1]), nc});
                                    Block want = reference.paint(s, box);
                                    Block got = painter.paint(s, box);
                                    if (s.probabilities()) {
                                        assertThat((float[]) got.data()).as("%s %s", s, box)
                                                .containsExactly((float[]) want.data());
                                    } else {
                                        assertThat((byte[]) got.data()).as("%s %s", s, box)
                                                .containsExactly((byte[]) want.data());
                                    }
                                }
                            }
                        }
                    }
                }
            }
            // the painting is not trivial: both classes occur
            byte[] p = expected.predicted();
            assertThat(new String(p, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("\u0001", "\u0002");
        }
    }
}
