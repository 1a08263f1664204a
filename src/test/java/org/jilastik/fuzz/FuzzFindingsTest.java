package org.jilastik.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.jilastik.error.JilastikException;
import org.jilastik.exec.TileSizer;
import org.jilastik.io.ImageSource;
import org.jilastik.io.InputOpener;
import org.jilastik.io.OpenedInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One regression test per failure the fuzzers (and the hostile-input work of docs/errors.md) found: each input
 * once ended in an exception other than {@link JilastikException} ("internal error") and must now end in one
 * sentence with exit code 1.
 */
class FuzzFindingsTest {
    private static final Path EX2D = Path.of("../shared/testdata/ilastik-ref/export-options/ex2d.h5");

    /** InputFuzzTest: an HDF5 input cut at byte 1100 threw jhdf's HdfException ("Error reading global heap"). */
    @Test
    void truncatedHdf5InputIsADamagedFile(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("cut.h5"), Arrays.copyOf(Files.readAllBytes(EX2D), 1100));
        assertProcessingError(() -> readAll("cut.h5/data", dir), "the file may be damaged");
    }

    /** InputFuzzTest: an N5 attributes.json whose dataType is not a string threw IllegalArgumentException. */
    @Test
    void n5AttributesOfWrongTypesAreADamagedContainer(@TempDir Path dir) throws IOException {
        Path ds = Files.createDirectories(dir.resolve("c.n5/data"));
        Files.writeString(dir.resolve("c.n5/attributes.json"), "{\"n5\": \"2.0.0\"}");
        Files.writeString(ds.resolve("attributes.json"), "{\"dimensions\": [80, 60], \"blockSize\": [80, 60], "
                + "\"dataType\": 7, \"compression\": {\"type\": \"raw\"}}");
        assertProcessingError(() -> readAll("c.n5/data", dir), "attributes.json may be damaged");
    }

    /** Same class of fault in Zarr: metadata values of the wrong JSON type. */
    @Test
    void zarrMetadataOfWrongTypesIsADamagedStore(@TempDir Path dir) throws IOException {
        Path a = Files.createDirectories(dir.resolve("z.zarr/data"));
        Files.writeString(a.resolve(".zarray"), "{\"zarr_format\": 2, \"shape\": \"60x80\", \"chunks\": [60, 80], "
                + "\"dtype\": \"|u1\", \"compressor\": null, \"fill_value\": 0, \"order\": \"C\", \"filters\": null}");
        assertProcessingError(() -> readAll("z.zarr/data", dir), "z.zarr");
    }

    /**
     * InputFuzzTest (long run): jilastik's PNG export of ex2d's Simple Segmentation with one byte set to 0
     * (16088 bytes before the end) made ImageIO throw IndexOutOfBoundsException ("position < flushedPos!").
     */
    @Test
    void damagedPngIsADamagedFile(@TempDir Path dir) throws IOException {
        Path png = dir.resolve("s.png");
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        Path ex = EX2D.getParent();
        int code = org.jilastik.cli.Main.run(new String[] {"--project=" + ex.resolve("ex2d_pc.ilp").toAbsolutePath(),
                "--quiet", "--export_source=Simple Segmentation", "--output_format=png",
                "--output_filename_format=" + png.toAbsolutePath(), EX2D.toAbsolutePath() + "/data"},
                java.util.Map.of(), new java.io.PrintStream(new java.io.ByteArrayOutputStream()),
                new java.io.PrintStream(err));
        assertThat(code).as(err.toString()).isZero();
        Files.write(png, Fuzzing.mutate(Files.readAllBytes(png), java.util.List.of(new int[] {0, -16088, 0})));
        assertProcessingError(() -> readAll("s.png", dir), "s.png");
    }

    /**
     * InputFuzzTest (long run): export-options' ex2d.tif cut after 896 bytes with one bit flipped 9832 bytes
     * before the new end decoded to a raster smaller than its tags promise, and copying it threw
     * ArrayIndexOutOfBoundsException ("Coordinate out of bounds!").
     */
    @Test
    void tiffDecodingToAnotherSizeIsADamagedFile(@TempDir Path dir) throws IOException {
        byte[] tif = Files.readAllBytes(EX2D.resolveSibling("ex2d.tif"));
        Files.write(dir.resolve("d.tif"), Fuzzing.mutate(tif, java.util.List.of(new int[] {2, 896, 0},
                new int[] {1, -9832, 0})));
        assertProcessingError(() -> readAll("d.tif", dir), "d.tif");
    }

    /**
     * ProjectFuzzTest (long run): {@code PixelClassification/ClassifierForests/known_labels} replaced by an empty
     * int64 array of shape [0, 2] made compiling the forest throw ArrayIndexOutOfBoundsException (exit 1 with
     * "internal error").
     */
    @Test
    void emptyKnownLabelsAreADamagedProject(@TempDir Path dir) throws IOException {
        Path ilp = dir.resolve("kl.ilp");
        Hdf5Edits.copy(EX2D.resolveSibling("ex2d_pc.ilp"), ilp)
                .putLongs("/PixelClassification/ClassifierForests/known_labels", new long[] {0, 2}, new long[0])
                .close();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int code = org.jilastik.cli.Main.run(new String[] {"--project=" + ilp.toAbsolutePath(), "--quiet",
                "--output_format=numpy", "--output_filename_format=" + dir.toAbsolutePath() + "/out/{nickname}",
                EX2D.toAbsolutePath() + "/data"}, java.util.Map.of(),
                new java.io.PrintStream(new java.io.ByteArrayOutputStream()), new java.io.PrintStream(err));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("jilastik: the classifier in /PixelClassification/ClassifierForests "
                + "stores the labels [] for a forest of 3 classes; the project is damaged: save it again in ilastik"
                + System.lineSeparator());
        assertThat(dir.resolve("out")).doesNotExist();
    }

    /** A dataset with a zero-length axis was taken for an image and failed later with a misleading message. */
    @Test
    void emptyDatasetHoldsNoPixels(@TempDir Path dir) throws IOException {
        Hdf5Edits.create(dir.resolve("e.h5")).putLongs("/data", new long[] {0, 80}, new long[0]).close();
        assertProcessingError(() -> readAll("e.h5/data", dir), "holds no pixels (shape [0, 80]");
    }

    /** A budget smaller than one block was silently exceeded; now refused up front in one sentence. */
    @Test
    void blockLargerThanItsShareOfTheBudgetIsRefused() {
        long[] image = {256, 300};
        long[] halo = {38, 38};
        long[] tile = TileSizer.choose(image, halo, 370, 1L << 20, 64);
        assertThat(tile).containsExactly(64, 64);
        assertThatThrownBy(() -> TileSizer.requireFits(image, tile, halo, 370, 1L << 20))
                .isInstanceOfSatisfying(JilastikException.class, e -> assertThat(e.exitCode()).isEqualTo(1))
                .hasMessage("the memory budget gives each block computed at once 1.3 MB but the smallest block of "
                        + "this image (64x64 pixels plus a halo of 38) needs 7.0 MB; raise LAZYFLOW_TOTAL_RAM_MB "
                        + "(and the Java heap, -Xmx) or lower LAZYFLOW_THREADS");
        // a block within its whole share (working share plus the cache quarter) runs
        TileSizer.requireFits(image, tile, halo, 370, 6L << 20);
    }

    private static void readAll(String argument, Path cwd) {
        OpenedInput in = InputOpener.open(argument, cwd, 'z');
        try (ImageSource s = in.source()) {
            s.readAll();
        }
    }

    private static void assertProcessingError(Runnable r, String mentions) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(JilastikException.class,
                e -> assertThat(e.exitCode()).isEqualTo(1)).hasMessageContaining(mentions);
    }
}
