package org.jilastik.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jilastik.distributed.CompletionMarker;
import org.jilastik.io.json.Json;
import org.jilastik.io.json.PyJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --distributed} through the jar on the new-2d-1ch-3class reference case (384 × 384, blocks of 128 → 9
 * blocks): under Open MPI's {@code mpiexec -n 2} and as a two-task Slurm job array (two processes with the
 * {@code SLURM_ARRAY_*} variables), the shared N5 holds exactly the values of a single-process N5 export of the
 * same project and input, marked complete; a run where one process never finished leaves no marker, and re-running
 * the command computes only the missing blocks and gives the identical output. The single-process output itself
 * is checked against ilastik's probabilities.
 */
class DistributedIT {
    static final Path CASE = CaseReadme.CASES.resolve("new-2d-1ch-3class").toAbsolutePath();
    static final String BLOCK_ROI = "--distributed_block_roi={\"x\": 128, \"y\": 128}";

    @TempDir
    static Path work;
    static ExportedFile single;

    static List<String> args(String outDir, String... extra) {
        List<String> a = new ArrayList<>(List.of("--headless", "--project=" + CASE.resolve("blobs2d_pc.ilp"),
                "--export_source=Probabilities", "--output_filename_format=" + work.resolve(outDir)
                        + "/{nickname}_Probabilities.h5", "--raw_data=" + CASE.resolve("blobs2d.h5") + "/data"));
        a.addAll(List.of(extra));
        return a;
    }

    static ExportedFile read(Path container) throws IOException {
        ExportedFile f = ContainerComparisons.n5(container, "exported_data");
        assertThat(f.shape()).containsExactly(384, 384, 3);
        return f;
    }

    static Map<String, String> env(String... kv) {
        Map<String, String> m = new HashMap<>();
        m.put("LAZYFLOW_THREADS", "1");
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    static Map<String, String> arrayTask(int id) {
        return env("SLURM_ARRAY_TASK_ID", Integer.toString(id), "SLURM_ARRAY_TASK_MIN", "0", "SLURM_ARRAY_TASK_MAX",
                "1", "SLURM_ARRAY_TASK_COUNT", "2", "SLURM_ARRAY_JOB_ID", "77");
    }

    @BeforeAll
    static void singleProcessRun() throws IOException {
        Jilastik.Result r = Jilastik.run(work, env(), args("single", "--output_format=n5"));
        assertThat(r.exitCode()).as(r.describe()).isZero();
        single = read(work.resolve("single/blobs2d-data_Probabilities.n5"));
        ExportedFile ilastik = ExportedFile.read(CASE.resolve("out/blobs2d-data_Probabilities.h5"), "exported_data");
        Tolerance.check(Tolerance.Kind.PROBABILITIES, single, ilastik, ilastik.shape(), 1, null);
    }

    /** Runs the two array tasks at once; returns their results. */
    static List<Jilastik.Result> arrayRun(String outDir, int... ids) {
        List<CompletableFuture<Jilastik.Result>> runs = new ArrayList<>();
        for (int id : ids) {
            runs.add(CompletableFuture.supplyAsync(() -> Jilastik.run(work, arrayTask(id),
                    args(outDir, "--distributed", BLOCK_ROI))));
        }
        return runs.stream().map(CompletableFuture::join).toList();
    }

    @Test
    void mpiexecWithTwoRanksWritesTheSingleProcessOutput() throws IOException {
        List<String> mpiexec = new ArrayList<>(List.of("mpiexec", "-n", "2"));
        if ("root".equals(System.getProperty("user.name"))) {
            mpiexec.addAll(List.of("--allow-run-as-root", "--oversubscribe"));
        }
        Jilastik.Result r = Jilastik.launched(mpiexec, work, env(), args("mpi", "--distributed", BLOCK_ROI));
        assertThat(r.exitCode()).as(r.describe()).isZero();
        String err = String.join("\n", r.stderr());
        assertThat(err).contains("rank 0 of 2 (Open MPI): 5 of 9 blocks").contains("rank 1 of 2 (Open MPI): 4 of 9 "
                + "blocks");
        Path n5 = work.resolve("mpi/blobs2d-data_Probabilities.n5");
        Tolerance.identical(read(n5), single);
        assertThat(CompletionMarker.isComplete(n5.resolve("exported_data"))).isTrue();
        assertThat(Json.parseObject(Files.readString(n5.resolve("exported_data/attributes.json"))).get("blockSize")
                .toString()).isEqualTo("[3, 128, 128]");
    }

    @Test
    void slurmArrayWritesTheSingleProcessOutputAndARerunAfterACrashFillsOnlyTheGaps() throws IOException {
        // task 1 "crashed" before writing anything: the output is partial and not marked
        Jilastik.Result only0 = arrayRun("array", 0).getFirst();
        assertThat(only0.exitCode()).as(only0.describe()).isZero();
        Path n5 = work.resolve("array/blobs2d-data_Probabilities.n5");
        Path data = n5.resolve("exported_data");
        assertThat(CompletionMarker.isComplete(data)).isFalse();
        assertThat(String.join("\n", only0.stderr())).contains("rank 0 of 2 (Slurm job array): 5 of 9 blocks")
                .contains("other ranks still have blocks to write");

        // the same command again, both tasks: task 0 has nothing left, task 1 computes its 4 blocks
        List<Jilastik.Result> both = arrayRun("array", 0, 1);
        for (Jilastik.Result r : both) {
            assertThat(r.exitCode()).as(r.describe()).isZero();
        }
        assertThat(String.join("\n", both.get(0).stderr())).contains("5 of 9 blocks").contains("5 already written")
                .contains("rank 0 wrote 0 blocks");
        assertThat(String.join("\n", both.get(1).stderr())).contains("rank 1 of 2 (Slurm job array): 4 of 9 blocks")
                .contains("0 already written");
        assertThat(CompletionMarker.isComplete(data)).isTrue();
        Tolerance.identical(read(n5), single);

        // lose two blocks (one per task) and the marker, as after a crash mid-write; re-run restores them
        Files.delete(data.resolve("0/0/0"));
        Files.delete(data.resolve("0/1/0")); // N5 paths are c/x/y: block 1, task 1
        Map<String, Object> attrs = Json.parseObject(Files.readString(data.resolve("attributes.json")));
        attrs.remove(CompletionMarker.KEY);
        Files.writeString(data.resolve("attributes.json"), PyJson.dumps(attrs));
        both = arrayRun("array", 1, 0);
        assertThat(String.join("\n", both.get(0).stderr())).contains("rank 1 wrote 1 blocks");
        assertThat(String.join("\n", both.get(1).stderr())).contains("rank 0 wrote 1 blocks");
        assertThat(CompletionMarker.isComplete(data)).isTrue();
        Tolerance.identical(read(n5), single);
    }
}
