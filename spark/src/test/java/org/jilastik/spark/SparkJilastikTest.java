package org.jilastik.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.jilastik.array.Box;
import org.jilastik.cli.Main;
import org.jilastik.distributed.CompletionMarker;
import org.jilastik.io.json.Json;
import org.jilastik.io.json.PyJson;
import org.jilastik.io.n5.N5Source;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SparkJilastik} on Spark's {@code local[2]} master (two executor threads in this JVM) with the
 * new-2d-1ch-3class reference case (384 × 384, 3 classes; blocks of 128 → 9 tasks): the shared N5 dataset equals
 * a single-process N5 export of the same project and input value for value (float bits), carries the completion
 * marker, and after two blocks and the marker are lost, the same application run again computes exactly those
 * two blocks and restores the identical, marked output.
 */
class SparkJilastikTest {
    static final Path CASE = Path.of("../shared/testdata/ilastik-ref/new-2d-1ch-3class").toAbsolutePath()
            .normalize();

    @TempDir
    static Path work;
    static JavaSparkContext sc;

    @BeforeAll
    static void startSpark() {
        sc = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("jilastik-test")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1"));
    }

    @AfterAll
    static void stopSpark() {
        sc.close();
    }

    static String[] args(String outDir, String... extra) {
        List<String> a = new ArrayList<>(List.of("--headless", "--project=" + CASE.resolve("blobs2d_pc.ilp"),
                "--export_source=Probabilities", "--output_filename_format=" + work.resolve(outDir)
                        + "/{nickname}_Probabilities", "--raw_data=" + CASE.resolve("blobs2d.h5") + "/data"));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    static float[] read(Path n5) {
        try (N5Source s = N5Source.open(n5, "exported_data")) {
            assertThat(s.shape()).containsExactly(384, 384, 3);
            return (float[]) s.read(Box.ofShape(s.shape())).data();
        }
    }

    static void assertIdentical(float[] ours, float[] single) {
        assertThat(ours).hasSameSizeAs(single);
        for (int i = 0; i < single.length; i++) {
            if (Float.floatToRawIntBits(ours[i]) != Float.floatToRawIntBits(single[i])) {
                throw new AssertionError("value " + i + " (y " + i / 3 / 384 + ", x " + i / 3 % 384 + ", c " + i % 3
                        + ") differs: " + ours[i] + " vs " + single[i]);
            }
        }
    }

    static long blockFiles(Path dataset) throws IOException {
        try (Stream<Path> s = Files.walk(dataset)) {
            return s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().matches("\\d+")).count();
        }
    }

    @Test
    void sparkTasksWriteTheSingleProcessOutputAndARerunComputesOnlyLostBlocks() throws IOException {
        ByteArrayOutputStream singleErr = new ByteArrayOutputStream();
        int code = Main.run(args("single", "--output_format=n5"), Map.of("LAZYFLOW_THREADS", "1"), System.out,
                new PrintStream(singleErr, true, StandardCharsets.UTF_8));
        assertThat(code).as(singleErr.toString(StandardCharsets.UTF_8)).isZero();
        float[] single = read(work.resolve("single/blobs2d-data_Probabilities.n5"));

        String[] spark = args("spark", "--distributed", "--distributed_block_roi=128");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        assertThat(SparkJilastik.run(sc, spark, Map.of(), new PrintStream(log, true, StandardCharsets.UTF_8)))
                .as(log.toString(StandardCharsets.UTF_8)).isZero();
        Path n5 = work.resolve("spark/blobs2d-data_Probabilities.n5");
        Path data = n5.resolve("exported_data");
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("9 missing blocks in 1 outputs; 9 tasks");
        assertThat(blockFiles(data)).isEqualTo(9);
        assertThat(CompletionMarker.isComplete(data)).isTrue();
        assertThat(Json.parseObject(Files.readString(data.resolve("attributes.json"))).get("blockSize").toString())
                .isEqualTo("[3, 128, 128]");
        assertIdentical(read(n5), single);

        // two blocks and the marker lost (a crashed earlier run): the re-run computes exactly those two
        Files.delete(data.resolve("0/0/0"));
        Files.delete(data.resolve("0/2/1"));
        Map<String, Object> attrs = Json.parseObject(Files.readString(data.resolve("attributes.json")));
        attrs.remove(CompletionMarker.KEY);
        Files.writeString(data.resolve("attributes.json"), PyJson.dumps(attrs));
        Map<Path, Object> kept = new java.util.HashMap<>();
        try (Stream<Path> s = Files.walk(data)) {
            for (Path p : s.filter(p -> p.getFileName().toString().matches("\\d+") && Files.isRegularFile(p))
                    .toList()) {
                kept.put(p, Files.getLastModifiedTime(p));
            }
        }
        assertThat(kept).hasSize(7);
        log.reset();
        assertThat(SparkJilastik.run(sc, spark, Map.of(), new PrintStream(log, true, StandardCharsets.UTF_8)))
                .as(log.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("2 missing blocks in 1 outputs; 9 tasks");
        for (Map.Entry<Path, Object> e : kept.entrySet()) {
            assertThat(Files.getLastModifiedTime(e.getKey())).as("%s is not rewritten", e.getKey())
                    .isEqualTo(e.getValue());
        }
        assertThat(blockFiles(data)).isEqualTo(9);
        assertThat(CompletionMarker.isComplete(data)).isTrue();
        assertIdentical(read(n5), single);
    }
}
