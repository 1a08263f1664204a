package org.jilastik.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.jilastik.error.JilastikException;
import org.jilastik.export.ExportChoices;
import org.jilastik.export.ExportPlan;
import org.jilastik.export.ExportPlanner;
import org.jilastik.export.ExportRunner;
import org.jilastik.export.ExportSourceInfo;
import org.jilastik.export.LaneExportFacts;
import org.jilastik.export.SourceComputer;
import org.jilastik.io.json.Json;
import org.jilastik.io.json.PyJson;
import org.jilastik.io.n5.N5Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several "processes" (threads with their own rank) fill one N5 dataset: the values equal a single-process N5
 * export of the same plan element for element, the completion marker appears only when every block is there, a
 * re-run after lost blocks computes only those, and a dataset of another run is not joined.
 */
class DistributedExportTest {
    private static final long[] SHAPE = {50, 70, 2};
    private static final ExportSourceInfo SOURCE = new ExportSourceInfo("Probabilities", DType.FLOAT32,
            Axes.of("yxc"), SHAPE, 0.0, 1.0);
    private static final LaneExportFacts LANE = new LaneExportFacts("img", "/data", Axes.of("yxc"));
    private static final long[] BLOCK = {16, 32, 2}; // 4 x 3 blocks, the last ones clipped

    @TempDir
    Path dir;

    // A source whose every value tells where it came from (exact in float32).
    private static Block synthetic(Box box) {
        Block b = Block.allocate(Axes.of("yxc"), box, DType.FLOAT32);
        float[] d = (float[]) b.data();
        int i = 0;
        for (long y = box.start(0); y < box.stop(0); y++) {
            for (long x = box.start(1); x < box.stop(1); x++) {
                for (long c = box.start(2); c < box.stop(2); c++) {
                    d[i++] = y * 1000 + x + c * 0.5f;
                }
            }
        }
        return b;
    }

    private ExportPlan plan(String template, Long[] start, Long[] stop) {
        ExportChoices cli = new ExportChoices("n5", template, null, start, stop, null, null, null, null, null, null);
        return ExportPlanner.plan(cli, ExportChoices.NONE, SOURCE, LANE, dir, dir);
    }

    private static float[] read(Path container) {
        try (N5Source s = N5Source.open(container, "exported_data")) {
            return (float[]) s.read(Box.ofShape(s.shape())).data();
        }
    }

    private static List<DistributedExport.Result> runRanks(ExportPlan plan, String key, int size, int[] ranks,
            SourceComputer computer) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(ranks.length);
        try {
            List<Future<DistributedExport.Result>> fs = new ArrayList<>();
            for (int r : ranks) {
                fs.add(threads.submit(() -> DistributedExport.run(plan, BLOCK, key, new LauncherEnvironment(r, size,
                        "test"), computer, new long[] {7, 100, 2}, null, n -> { }, null)));
            }
            List<DistributedExport.Result> out = new ArrayList<>();
            for (Future<DistributedExport.Result> f : fs) {
                out.add(f.get());
            }
            return out;
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void ranksTogetherWriteTheSingleProcessOutputAndMarkItComplete() throws Exception {
        Path single = ExportRunner.run(plan("single/{nickname}_{result_type}", null, null), DistributedExportTest::synthetic);
        ExportPlan plan = plan("dist/{nickname}_{result_type}", null, null);
        List<DistributedExport.Result> results = runRanks(plan, "k", 3, new int[] {0, 1, 2},
                DistributedExportTest::synthetic);

        assertThat(results).extracting(DistributedExport.Result::computed).containsExactly(4, 4, 4);
        assertThat(results).anyMatch(DistributedExport.Result::complete);
        Path n5 = dir.resolve("dist/img_Probabilities.n5");
        assertThat(results.getFirst().file()).isEqualTo(n5);
        assertThat(read(n5)).containsExactly(read(single));
        assertThat(CompletionMarker.isComplete(n5.resolve("exported_data"))).isTrue();
        var attrs = Json.parseObject(Files.readString(n5.resolve("exported_data/attributes.json")));
        assertThat(attrs.get("blockSize").toString()).isEqualTo("[2, 32, 16]");
        assertThat(attrs.get("axes")).isEqualTo("cxy");
        // ilastik's N5 attributes are all there, as in the single-process export
        assertThat(attrs.keySet()).containsAll(Json.parseObject(Files.readString(
                single.resolve("exported_data/attributes.json"))).keySet());
    }

    @Test
    void aPartialOutputIsNotMarkedAndARerunComputesOnlyTheMissingBlocks() throws Exception {
        ExportPlan plan = plan("dist/{nickname}_{result_type}", null, null);
        Path data = dir.resolve("dist/img_Probabilities.n5/exported_data");
        // rank 1 of 2 "crashed": only rank 0 ran
        List<DistributedExport.Result> first = runRanks(plan, "k", 2, new int[] {0},
                DistributedExportTest::synthetic);
        assertThat(first.getFirst().complete()).isFalse();
        assertThat(CompletionMarker.isComplete(data)).isFalse();
        // N5 paths are c/x/y: block 0 (y 0, x 0) belongs to rank 0, block 1 (y 0, x 1) to rank 1
        assertThat(Files.exists(data.resolve("0/0/0"))).isTrue();
        assertThat(Files.exists(data.resolve("0/1/0"))).isFalse();

        ConcurrentLinkedQueue<Box> asked = new ConcurrentLinkedQueue<>();
        SourceComputer counting = box -> {
            asked.add(box);
            return synthetic(box);
        };
        List<DistributedExport.Result> rerun = runRanks(plan, "k", 2, new int[] {0, 1}, counting);
        assertThat(rerun).extracting(DistributedExport.Result::computed).containsExactly(0, 6);
        assertThat(CompletionMarker.isComplete(data)).isTrue();
        Path single = ExportRunner.run(plan("single/{nickname}_{result_type}", null, null),
                DistributedExportTest::synthetic);
        assertThat(read(data.getParent())).containsExactly(read(single));

        // lose two blocks and the marker, as after a crash; a re-run restores exactly those two
        Files.delete(data.resolve("0/0/0"));
        Files.delete(data.resolve("0/2/1")); // block 5 (y 1, x 2), rank 1
        var attrs = Json.parseObject(Files.readString(data.resolve("attributes.json")));
        attrs.remove(CompletionMarker.KEY);
        Files.writeString(data.resolve("attributes.json"), PyJson.dumps(attrs));
        asked.clear();
        rerun = runRanks(plan, "k", 2, new int[] {1, 0}, counting);
        assertThat(rerun).extracting(DistributedExport.Result::computed).containsExactly(1, 1);
        assertThat(asked).hasSize(6); // two blocks of 16 rows, tiles of 7 rows
        assertThat(CompletionMarker.isComplete(data)).isTrue();
        assertThat(read(data.getParent())).containsExactly(read(single));
    }

    @Test
    void aCutoutIsLaidOutFromItsOwnOrigin() throws Exception {
        Long[] start = {5L, 7L, 0L};
        Long[] stop = {45L, 66L, 2L};
        Path single = ExportRunner.run(plan("single/{nickname}_{result_type}", start, stop),
                DistributedExportTest::synthetic);
        ExportPlan plan = plan("dist/{nickname}_{result_type}", start, stop);
        runRanks(plan, "k", 2, new int[] {0, 1}, DistributedExportTest::synthetic);
        float[] ours = read(plan.file());
        assertThat(ours).hasSize(40 * 59 * 2).containsExactly(read(single));
        assertThat(ours[0]).isEqualTo(5 * 1000 + 7);
    }

    @Test
    void aDatasetOfAnotherRunIsRefused() throws Exception {
        ExportPlan plan = plan("dist/{nickname}_{result_type}", null, null);
        runRanks(plan, "first", 2, new int[] {0}, DistributedExportTest::synthetic);
        assertThatThrownBy(() -> DistributedExport.run(plan, BLOCK, "second", new LauncherEnvironment(1, 2, "test"),
                DistributedExportTest::synthetic, BLOCK, null, n -> { }, null)).isInstanceOf(JilastikException.class)
                .hasMessageContaining("already exists from another run");
        assertThatThrownBy(() -> DistributedExport.run(plan, new long[] {10, 70, 2}, "first",
                new LauncherEnvironment(1, 2, "test"), DistributedExportTest::synthetic, BLOCK, null, n -> { }, null))
                .hasMessageContaining("block shape); delete it, give --overwrite or choose another --output_filename_format");
    }

    @Test
    void aSchedulerPlansComputesAndFinalizesAndOnlyTheFinalStepMarks() throws Exception {
        ExportPlan plan = plan("sched/{nickname}_{result_type}", null, null);
        LauncherEnvironment driver = new LauncherEnvironment(0, 1, "driver");
        DistributedExport.Result planned = DistributedExport.run(plan, BLOCK, "k", driver, DistributedStep.PLAN,
                DistributedExportTest::synthetic, BLOCK, null, n -> { }, null);
        assertThat(planned.total()).isEqualTo(12);
        assertThat(planned.missing()).isEqualTo(12);
        assertThat(planned.computed()).isZero();
        assertThat(planned.found()).isEqualTo(SharedDataset.Found.ABSENT);
        Path data = dir.resolve("sched/img_Probabilities.n5/exported_data");
        // one task per block: task k of 12 owns exactly block k; a task never marks
        for (int k = 0; k < 12; k++) {
            DistributedExport.Result r = DistributedExport.run(plan, BLOCK, "k", new LauncherEnvironment(k, 12,
                    "task"), DistributedStep.COMPUTE, DistributedExportTest::synthetic, BLOCK, null, n -> { }, null);
            assertThat(r.computed()).isEqualTo(1);
            assertThat(r.missing()).isEqualTo(11 - k);
        }
        assertThat(CompletionMarker.isComplete(data)).isFalse();
        DistributedExport.Result fin = DistributedExport.run(plan, BLOCK, "k", driver, DistributedStep.FINALIZE,
                box -> {
                    throw new AssertionError("the final step computes nothing");
                }, BLOCK, null, n -> { }, null);
        assertThat(fin.complete()).isTrue();
        assertThat(CompletionMarker.isComplete(data)).isTrue();
        Path single = ExportRunner.run(plan("single/{nickname}_{result_type}", null, null),
                DistributedExportTest::synthetic);
        assertThat(read(data.getParent())).containsExactly(read(single));
    }

    @Test
    void singleScaleOmeZarrIsWrittenAsTheSingleProcessExportWritesIt() throws Exception {
        for (String format : List.of("single-scale OME-Zarr", "single-scale OME-Zarr 0.5")) {
            String sub = format.endsWith("0.5") ? "v05" : "v04";
            ExportChoices single = new ExportChoices(format, "single-" + sub + "/{nickname}_{result_type}", null,
                    null, null, null, null, null, null, null, null);
            Path ref = ExportRunner.run(ExportPlanner.plan(single, ExportChoices.NONE, SOURCE, LANE, dir, dir),
                    DistributedExportTest::synthetic);
            ExportChoices cli = new ExportChoices(format, "dist-" + sub + "/{nickname}_{result_type}", null, null,
                    null, null, null, null, null, null, null);
            ExportPlan plan = ExportPlanner.plan(cli, ExportChoices.NONE, SOURCE, LANE, dir, dir);
            long[] block = {1, 2, 1, 16, 32}; // tczyx
            for (int r = 0; r < 2; r++) {
                DistributedExport.run(plan, block, "k", new LauncherEnvironment(r, 2, "test"),
                        DistributedExportTest::synthetic, new long[] {1, 2, 1, 7, 100}, null, n -> { }, null);
            }
            Path image = dir.resolve("dist-" + sub + "/img_Probabilities.zarr");
            assertThat(ref.getFileName()).isEqualTo(image.getFileName());
            assertThat(CompletionMarker.isComplete(image.resolve("s0"))).isTrue();
            try (org.jilastik.io.zarr.ZarrSource ours = org.jilastik.io.zarr.ZarrSource.open(image, "s0");
                    org.jilastik.io.zarr.ZarrSource theirs = org.jilastik.io.zarr.ZarrSource.open(ref, "s0")) {
                assertThat(ours.shape()).containsExactly(1, 2, 1, 50, 70);
                assertThat((float[]) ours.read(Box.ofShape(ours.shape())).data())
                        .containsExactly((float[]) theirs.read(Box.ofShape(theirs.shape())).data());
            }
            String group = sub.equals("v04") ? ".zattrs" : "zarr.json";
            assertThat(Files.readString(image.resolve(group))).isEqualTo(Files.readString(ref.resolve(group)));
        }
    }
}
