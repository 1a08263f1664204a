package org.jilastik.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Catalogue row {@code "interrupted-run"} of docs/errors.md: jilastik is killed with SIGKILL
 * ({@link Process#destroyForcibly()}) at seeded random moments of a multi-block export (new-2d-allfeatures'
 * project on a synthetic 768 × 1024 image, Probabilities in tiles of at most 128 pixels per edge on one thread,
 * rounded up to whole HDF5 chunks: 9 blocks for HDF5, 48 for TIFF, over a few seconds), first while no output
 * exists, then while a complete output from an earlier run is being replaced. After every kill no file under the
 * final name may be incomplete: it is absent, or it is a complete output equal to an uninterrupted run's. Then
 * the same command, run again, completes with exit 0 and writes exactly the uninterrupted run's values.
 */
class CrashSafetyIT {
    private static final Map<String, String> MANY_BLOCKS = Map.of("LAZYFLOW_THREADS", "1",
            "JILASTIK_MAX_TILE_EDGE", "128");
    private static final long SEED = 20261124L;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"hdf5", "tif"})
    void killedRunsLeaveNoIncompleteOutputAndRerunsComplete(String format, @TempDir Path tmp) throws Exception {
        String out = "out/big-data." + (format.equals("hdf5") ? "h5" : "tif");
        List<String> args = List.of("--project=allfeat2d_pc.ilp", "--export_source=Probabilities",
                "--output_format=" + format, "--output_filename_format=out/{nickname}", "big.h5/data");

        Path ref = Files.createDirectories(tmp.resolve("reference"));
        Workspace.of("new-2d-allfeatures", ref);
        bigImage(ref);
        long t0 = System.nanoTime();
        Jilastik.Result r = Jilastik.run(ref, MANY_BLOCKS, args);
        long refMillis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(r.exitCode()).as(r.describe()).isZero();
        ExportedFile expected = ExportedFile.read(ref.resolve(out), "exported_data");
        assertThat(r.stderr().stream().filter(l -> l.endsWith("%")).count()).as("progress lines: many blocks")
                .isGreaterThanOrEqualTo(5);

        Path work = Files.createDirectories(tmp.resolve("work"));
        Workspace.of("new-2d-allfeatures", work);
        bigImage(work);
        Random random = new Random(SEED + format.hashCode());
        for (int round = 0; round < 2; round++) {
            for (int k = 0; k < 2; k++) {
                long delay = (long) (refMillis * (0.2 + 0.7 * random.nextDouble()));
                killAfter(work, args, delay, tmp);
                Path file = work.resolve(out);
                if (round == 0) {
                    // nothing complete existed: absent, or complete if the run finished before the kill
                    if (Files.exists(file)) {
                        assertSame(ExportedFile.read(file, "exported_data"), expected, "killed after " + delay);
                    }
                } else {
                    // the complete output of the first re-run must have survived the interrupted replacement
                    assertThat(file).as("killed after " + delay + " ms").exists();
                    assertSame(ExportedFile.read(file, "exported_data"), expected, "killed after " + delay);
                }
                // only hidden temporaries besides the final name: nothing that looks like a finished output
                for (String f : Workspace.filesUnder(work.resolve("out"))) {
                    assertThat(f.equals(Path.of(out).getFileName().toString()) || f.startsWith(".big-data."))
                            .as("unexpected file " + f + " after a kill at " + delay + " ms").isTrue();
                }
            }
            Jilastik.Result again = Jilastik.run(work, MANY_BLOCKS, args);
            assertThat(again.exitCode()).as(again.describe()).isZero();
            assertSame(ExportedFile.read(work.resolve(out), "exported_data"), expected, "re-run " + round);
        }
    }

    // a 768 x 1024 int8 image with structure at several scales (synthetic, made here)
    private static void bigImage(Path dir) {
        byte[][] img = new byte[768][1024];
        for (int y = 0; y < 768; y++) {
            for (int x = 0; x < 1024; x++) {
                img[y][x] = (byte) ((7 * y + 3 * x + (x * y) % 13 + ((x / 40 + y / 40) % 2) * 50) % 128);
            }
        }
        CatalogueFixtures.writeH5(dir.resolve("big.h5"), "data", img, "yx");
    }

    private static void killAfter(Path cwd, List<String> args, long delayMillis, Path tmp) throws Exception {
        Path o = tmp.resolve("stdout.txt");
        Path e = tmp.resolve("stderr.txt");
        Process p = Jilastik.start(cwd, MANY_BLOCKS, args, o, e);
        if (!p.waitFor(delayMillis, TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static void assertSame(ExportedFile ours, ExportedFile expected, String when) throws IOException {
        assertThat(ours.shape()).as(when).containsExactly(expected.shape());
        assertThat(ours.dtype()).as(when).isEqualTo(expected.dtype());
        float[] a = (float[]) ours.data();
        float[] b = (float[]) expected.data();
        List<Integer> differ = new ArrayList<>();
        for (int i = 0; i < a.length && differ.size() < 5; i++) {
            if (Float.floatToIntBits(a[i]) != Float.floatToIntBits(b[i])) {
                differ.add(i);
            }
        }
        assertThat(differ).as(when + ": values differ from the uninterrupted run at flat indices").isEmpty();
    }
}
