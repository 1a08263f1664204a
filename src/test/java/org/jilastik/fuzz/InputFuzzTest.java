package org.jilastik.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.jilastik.array.Box;
import org.jilastik.cli.Main;
import org.jilastik.io.ImageSource;
import org.jilastik.io.InputOpener;
import org.jilastik.io.OpenedInput;
import org.jilastik.io.StagedOutput;

/**
 * Fuzzes the image readers: valid inputs of every readable format — export-options' own {@code ex2d.h5} and
 * {@code ex2d.tif}, and jilastik's exports of them as HDF5, TIFF, PNG, numpy, N5, OME-Zarr 0.4 (Zarr v2) and
 * OME-Zarr 0.5 (Zarr v3), made once per run — get random byte edits (for N5 and Zarr, of one file of the tree:
 * the JSON metadata or a chunk, or that file removed), then are opened with {@link InputOpener} and read whole
 * (or, for a shape that claims more than 16 Mi elements, one corner). Every try must end as {@link Fuzzing}
 * requires.
 */
class InputFuzzTest {
    private static final Path CASE = Path.of("../shared/testdata/ilastik-ref/export-options");
    private static final AtomicInteger TRIES = new AtomicInteger();
    /** Sample name → the argument that opens it (relative to the samples folder). */
    private static final Map<String, String> SAMPLES = new LinkedHashMap<>();
    private static Path work;
    private static Path samples;

    @BeforeContainer
    static void makeSamples() throws IOException {
        work = Files.createTempDirectory("jilastik-input-fuzz");
        samples = Files.createDirectories(work.resolve("samples"));
        Files.copy(CASE.resolve("ex2d.h5"), samples.resolve("input.h5"));
        Files.copy(CASE.resolve("ex2d.tif"), samples.resolve("input.tif"));
        SAMPLES.put("input.h5", "input.h5/data");
        SAMPLES.put("input.tif", "input.tif");
        export("hdf5", "Probabilities", "p.h5", "p.h5/exported_data");
        export("tif", "Probabilities", "p.tif", "p.tif");
        export("png", "Simple Segmentation", "s.png", "s.png");
        export("numpy", "Probabilities", "p.npy", "p.npy");
        export("n5", "Probabilities", "p.n5", "p.n5/exported_data");
        export("single-scale OME-Zarr", "Probabilities", "p.zarr", "p.zarr");
        export("single-scale OME-Zarr 0.5", "Probabilities", "q.zarr", "q.zarr");
    }

    @AfterContainer
    static void tearDown() {
        StagedOutput.deleteQuietly(work);
    }

    @Example
    void everySampleReadsBeforeItIsDamaged() {
        for (Map.Entry<String, String> s : SAMPLES.entrySet()) {
            OpenedInput in = InputOpener.open(s.getValue(), samples, 'z');
            try (ImageSource src = in.source()) {
                assertThat(src.shape()).as(s.getKey()).contains(60L, 80L);
                src.readAll();
            }
        }
    }

    @Property
    void damagedInputEndsCleanly(@ForAll @IntRange(min = 0, max = 1000) int sample, @ForAll @IntRange(min = 0,
            max = 1_000_000) int member, @ForAll @Size(min = 1, max = 6) List<@From("edit") int[]> edits)
            throws IOException {
        List<String> names = new ArrayList<>(SAMPLES.keySet());
        String name = names.get(sample % names.size());
        Path dir = Files.createDirectories(work.resolve("try-" + TRIES.incrementAndGet()));
        try {
            copyTree(samples.resolve(name), dir.resolve(name));
            Path target = dir.resolve(name);
            String damaged = name;
            if (Files.isDirectory(target)) {
                List<Path> files;
                try (Stream<Path> s = Files.walk(target)) {
                    files = s.filter(Files::isRegularFile).sorted().toList();
                }
                target = files.get(member % files.size());
                damaged = dir.relativize(target).toString();
            }
            if (edits.getFirst()[0] == 99) {
                Files.delete(target);
            } else {
                Files.write(target, Fuzzing.mutate(Files.readAllBytes(target), edits));
            }
            String argument = SAMPLES.get(name);
            Fuzzing.endsCleanly(damaged + " " + edits.stream().map(java.util.Arrays::toString).toList(),
                    () -> read(argument, dir));
        } finally {
            StagedOutput.deleteQuietly(dir);
        }
    }

    @Provide
    Arbitrary<int[]> edit() {
        // kind 99 (1 in 50): remove the file instead of editing it
        return Combinators.combine(Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(49,
                Arbitraries.integers().between(0, 5)), net.jqwik.api.Tuple.of(1, Arbitraries.just(99))),
                Arbitraries.integers(),
                Arbitraries.integers().between(-128, 255)).as((k, p, v) -> new int[] {k, p, v});
    }

    // Opens and reads like a run does: whole when the claimed size is modest, else the first element only.
    private static void read(String argument, Path cwd) {
        OpenedInput in = InputOpener.open(argument, cwd, 'z');
        try (ImageSource src = in.source()) {
            long[] shape = src.shape();
            long n = 1;
            for (long s : shape) {
                n = Math.multiplyHigh(n, s) != 0 ? Long.MAX_VALUE : n * s;
            }
            if (n <= 16L << 20) {
                src.readAll();
            } else {
                long[] one = new long[shape.length];
                java.util.Arrays.fill(one, 1);
                src.read(new Box(new long[shape.length], one));
            }
        }
    }

    // An export of export-options' ex2d.h5 by ex2d_pc.ilp in this JVM (the real writers).
    private static void export(String format, String source, String file, String argument) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"--project=" + CASE.resolve("ex2d_pc.ilp").toAbsolutePath(), "--quiet",
                "--export_source=" + source, "--output_format=" + format,
                "--output_filename_format=" + samples.resolve(file).toAbsolutePath(),
                CASE.resolve("ex2d.h5").toAbsolutePath() + "/data"}, Map.of(), new PrintStream(
                new ByteArrayOutputStream()), new PrintStream(err));
        assertThat(code).as(format + ": " + err).isZero();
        SAMPLES.put(file, argument);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }
}
