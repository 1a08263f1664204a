package org.jilastik.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Catalogue row {@code "disk-full"} of docs/errors.md: the output's disk fills up in the middle of an export
 * (new-2d-allfeatures' Features, 17 MB of float32, into 1 MiB). The run must end with exit code 1 and one line
 * naming the output file and why (disk full), and leave nothing on that disk: no file under the final name, no
 * temporary.
 *
 * <p>Two ways to make a disk full: a real 1 MiB tmpfs (needs root: {@code mount -t tmpfs -o size=1m}; where
 * mounting is not permitted the test uses the second way instead, with the same assertions), and, always, a
 * file-size limit ({@code ulimit -f 1024}: every write beyond 1 MiB fails with EFBIG, which the JVM does not
 * turn into a signal), which fails the writer mid-way the same way on any machine.
 */
class FullDiskIT {
    private static final String ID = "disk-full";

    @ParameterizedTest(name = "{0} on a full tmpfs")
    @ValueSource(strings = {"hdf5", "tif", "numpy", "n5"})
    void fullTmpfsEndsInOneSentenceAndLeavesNothing(String format, @TempDir Path tmp) throws Exception {
        Path work = Workspace.of("new-2d-allfeatures", Files.createDirectories(tmp.resolve("work")));
        Path disk = Files.createDirectories(tmp.resolve("disk"));
        boolean mounted = command("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", disk.toString()) == 0;
        try {
            List<String> launcher = mounted ? List.of() : fileSizeLimit();
            Jilastik.Result r = Jilastik.launched(launcher, work, Map.of(), args(format, disk));
            assertFailedCleanly(r, disk, mounted ? "disk is full|No space left on device" : "File too large|failed");
        } finally {
            if (mounted) {
                command("umount", disk.toString());
            }
        }
    }

    @ParameterizedTest(name = "{0} over a file-size limit")
    @ValueSource(strings = {"hdf5", "tif"})
    void writeFailingMidwayEndsInOneSentenceAndLeavesNothing(String format, @TempDir Path tmp) throws Exception {
        Path work = Workspace.of("new-2d-allfeatures", Files.createDirectories(tmp.resolve("work")));
        Path disk = Files.createDirectories(tmp.resolve("disk"));
        Jilastik.Result r = Jilastik.launched(fileSizeLimit(), work, Map.of(), args(format, disk));
        assertFailedCleanly(r, disk, "File too large|failed");
    }

    private static List<String> args(String format, Path disk) {
        return List.of("--project=allfeat2d_pc.ilp", "--export_source=Features", "--output_format=" + format,
                "--output_filename_format=" + disk + "/{nickname}", "allfeat2d.h5/data");
    }

    // bash sets the limit and then becomes the java process
    private static List<String> fileSizeLimit() {
        return List.of("bash", "-c", "ulimit -f 1024 && exec \"$@\"", "bash");
    }

    private static void assertFailedCleanly(Jilastik.Result r, Path disk, String why) throws IOException {
        String what = ID + ": " + r.describe();
        assertThat(r.exitCode()).as(what).isEqualTo(1);
        List<String> lines = r.stderr().stream().filter(l -> !l.matches("jilastik: .+ \\d+%")).toList();
        assertThat(lines).as(what).hasSize(1);
        assertThat(lines.getFirst()).as(what)
                .matches("jilastik: cannot (write|finish|create) .*" + java.util.regex.Pattern.quote(disk.toString())
                        + "/\\.?allfeat2d-data\\..*")
                .containsPattern(why);
        assertThat(Workspace.filesUnder(disk)).as("left on the full disk by " + what).isEmpty();
    }

    private static int command(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
