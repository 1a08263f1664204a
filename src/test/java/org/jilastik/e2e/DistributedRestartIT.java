package org.jilastik.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jilastik.distributed.CompletionMarker;
import org.jilastik.io.json.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Distributed runs that go wrong and are repeated, through the jar on the new-2d-1ch-3class reference case (384 ×
 * 384), two processes placed by {@code JILASTIK_RANK}/{@code JILASTIK_SIZE}:
 * <ul>
 *   <li>with blocks of 32 × 32 (144 blocks), process 1 is killed ({@code destroyForcibly}, as a node failure or a
 *       job timeout would) after some blocks are on disk; process 0 finishes its share, but the output carries no
 *       completion marker; the same command run again computes only the missing blocks, marks the output, and the
 *       output equals a single-process N5 export value for value;</li>
 *   <li>single-scale OME-Zarr 0.4 and 0.5: the image equals the single-process OME-Zarr export value for value,
 *       with the same group metadata; the existing-output rules: a complete output is left alone by default,
 *       refused with {@code --no-overwrite} and replaced with {@code --overwrite}.</li>
 * </ul>
 */
class DistributedRestartIT {
    static final Path CASE = CaseReadme.CASES.resolve("new-2d-1ch-3class").toAbsolutePath();

    @TempDir
    static Path work;
    static ExportedFile singleN5;

    static List<String> args(String outDir, String... extra) {
        List<String> a = new ArrayList<>(List.of("--headless", "--project=" + CASE.resolve("blobs2d_pc.ilp"),
                "--export_source=Probabilities", "--output_filename_format=" + work.resolve(outDir)
                        + "/{nickname}_Probabilities", "--raw_data=" + CASE.resolve("blobs2d.h5") + "/data"));
        a.addAll(List.of(extra));
        return a;
    }

    static Map<String, String> rank(int r) {
        return Map.of("LAZYFLOW_THREADS", "1", "JILASTIK_RANK", Integer.toString(r), "JILASTIK_SIZE", "2");
    }

    @BeforeAll
    static void singleProcessRun() throws IOException {
        Jilastik.Result r = Jilastik.run(work, Map.of("LAZYFLOW_THREADS", "1"), args("single", "--output_format=n5"));
        assertThat(r.exitCode()).as(r.describe()).isZero();
        singleN5 = ContainerComparisons.n5(work.resolve("single/blobs2d-data_Probabilities.n5"), "exported_data");
    }

    static List<Jilastik.Result> bothRanks(List<String> args) {
        List<CompletableFuture<Jilastik.Result>> runs = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            Map<String, String> env = rank(r);
            runs.add(CompletableFuture.supplyAsync(() -> Jilastik.run(work, env, args)));
        }
        return runs.stream().map(CompletableFuture::join).toList();
    }

    static long blockFiles(Path dataset) throws IOException {
        if (!Files.isDirectory(dataset)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(dataset)) {
            return s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().matches("\\d+")).count();
        }
    }

    // Blocks of process 1: odd indices in C order over the 12 x 12 grid (N5 paths are c/x/y)
    static long rankOneBlocks(Path dataset) throws IOException {
        Path c0 = dataset.resolve("0");
        if (!Files.isDirectory(c0)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(c0, 2)) {
            return s.filter(Files::isRegularFile).map(c0::relativize).filter(p -> p.getNameCount() == 2
                    && p.getFileName().toString().matches("\\d+")).filter(p -> (Integer.parseInt(p.getFileName()
                    .toString()) * 12 + Integer.parseInt(p.getName(0).toString())) % 2 == 1).count();
        }
    }

    @Test
    void aKilledProcessLeavesNoMarkerAndTheRerunCompletesTheSingleProcessOutput() throws Exception {
        List<String> args = args("killed", "--distributed", "--distributed_block_roi={\"x\": 32, \"y\": 32}");
        Path n5 = work.resolve("killed/blobs2d-data_Probabilities.n5");
        Path data = n5.resolve("exported_data");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-jar",
                Jilastik.jar().toString()));
        cmd.addAll(args);
        List<Process> ps = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true)
                    .redirectOutput(work.resolve("rank" + r + ".log").toFile());
            pb.environment().putAll(rank(r));
            ps.add(pb.start());
        }
        Process victim = ps.get(1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (rankOneBlocks(data) < 5 && victim.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(victim.isAlive()).as("process 1 must still be working when it is killed").isTrue();
        victim.destroyForcibly();
        assertThat(victim.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(ps.get(0).waitFor(240, TimeUnit.SECONDS)).isTrue();
        assertThat(ps.get(0).exitValue()).as(Files.readString(work.resolve("rank0.log"))).isZero();
        long afterKill = blockFiles(data);
        assertThat(afterKill).as("blocks on disk after the kill").isBetween(72L + 5, 143L);
        assertThat(rankOneBlocks(data)).as("process 1's blocks on disk after the kill").isBetween(5L, 71L);
        assertThat(CompletionMarker.isComplete(data)).isFalse();
        assertThat(Files.readString(work.resolve("rank0.log"))).contains("blocks missing, other ranks still have "
                + "blocks to write");

        List<Jilastik.Result> rerun = bothRanks(args);
        for (Jilastik.Result r : rerun) {
            assertThat(r.exitCode()).as(r.describe()).isZero();
        }
        assertThat(String.join("\n", rerun.get(0).stderr())).contains("rank 0 wrote 0 blocks")
                .contains("joined the partial output");
        assertThat(String.join("\n", rerun.get(1).stderr())).contains("72 of 144 blocks").contains("rank 1 wrote "
                + (144 - afterKill) + " blocks");
        assertThat(blockFiles(data)).isEqualTo(144);
        assertThat(CompletionMarker.isComplete(data)).isTrue();
        Tolerance.identical(ContainerComparisons.n5(n5, "exported_data"), singleN5);
    }

    @Test
    void omeZarrOutputsEqualTheSingleProcessExportAndFollowTheExistingOutputRules() throws IOException {
        for (String format : List.of("single-scale OME-Zarr", "single-scale OME-Zarr 0.5")) {
            String tag = format.endsWith("0.5") ? "v05" : "v04";
            Jilastik.Result s = Jilastik.run(work, Map.of("LAZYFLOW_THREADS", "1"),
                    args("zsingle-" + tag, "--output_format=" + format));
            assertThat(s.exitCode()).as(s.describe()).isZero();
            Path single = work.resolve("zsingle-" + tag + "/blobs2d-data_Probabilities.zarr");
            List<String> dist = args("zdist-" + tag, "--output_format=" + format, "--distributed",
                    "--distributed_block_roi={\"x\": 100, \"y\": 100}");
            for (Jilastik.Result r : bothRanks(dist)) {
                assertThat(r.exitCode()).as(r.describe()).isZero();
            }
            Path image = work.resolve("zdist-" + tag + "/blobs2d-data_Probabilities.zarr");
            ExportedFile ours = ContainerComparisons.omeZarr(image, "s0");
            ExportedFile ref = ContainerComparisons.omeZarr(single, "s0");
            Tolerance.identical(ours, ref);
            assertThat(CompletionMarker.isComplete(image.resolve("s0"))).isTrue();
            String group = tag.equals("v04") ? ".zattrs" : "zarr.json";
            assertThat(Json.parseObject(Files.readString(image.resolve(group))))
                    .isEqualTo(Json.parseObject(Files.readString(single.resolve(group))));
            assertThat(ours.attrs()).containsAllEntriesOf(ref.attrs());
            assertThat(ours.attrs()).containsKeys("jilastik_distributed", CompletionMarker.KEY);
            assertThat(blockFiles(image.resolve("s0"))).isEqualTo(16); // 4 x 4 blocks of 100 (c, t whole)

            // complete: by default nothing is computed again; --no-overwrite refuses; --overwrite replaces
            Jilastik.Result again = Jilastik.run(work, rank(0), dist);
            assertThat(again.exitCode()).as(again.describe()).isZero();
            assertThat(String.join("\n", again.stderr())).contains("already complete").contains("rank 0 wrote 0 "
                    + "blocks");
            List<String> refuse = new ArrayList<>(dist);
            refuse.add("--no-overwrite");
            Jilastik.Result refused = Jilastik.run(work, rank(0), refuse);
            assertThat(refused.exitCode()).as(refused.describe()).isEqualTo(1);
            assertThat(String.join("\n", refused.stderr())).contains("is already complete and --no-overwrite");
            List<String> replace = new ArrayList<>(dist);
            replace.add("--overwrite");
            Jilastik.Result replaced = Jilastik.run(work, rank(0), replace);
            assertThat(replaced.exitCode()).as(replaced.describe()).isZero();
            assertThat(String.join("\n", replaced.stderr())).contains("replaced the existing output")
                    .contains("rank 0 wrote 8 blocks");
            assertThat(CompletionMarker.isComplete(image.resolve("s0"))).isFalse();
            assertThat(blockFiles(image.resolve("s0"))).isEqualTo(8);
        }
    }
}
