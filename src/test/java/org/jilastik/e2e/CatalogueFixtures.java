package org.jilastik.e2e;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableDataset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.jilastik.array.Axes;
import org.jilastik.export.VigraAxisTags;
import org.jilastik.fuzz.Hdf5Edits;

/**
 * The inputs the rows of {@code docs/errors.md} name: links to reference-case files (never written) and small
 * files made here — the extra inputs of the bad-input-behaviour case (made as its README describes), damaged
 * copies of real projects, and broken images of every format. Made once into a folder; every row's working
 * directory gets a link to each of them ({@link #linkInto}).
 */
final class CatalogueFixtures {
    private CatalogueFixtures() {
    }

    /** Makes every fixture in {@code dir}. */
    static void make(Path dir) throws IOException {
        Path ex = CaseReadme.CASES.resolve("export-options");
        for (String f : List.of("ex2d_pc.ilp", "ex2d.h5", "ex3d.h5", "ex2d.tif", "ex3d.tif")) {
            Files.createSymbolicLink(dir.resolve(f), ex.resolve(f));
        }
        link(dir, "new-2d-allfeatures", "allfeat2d_pc.ilp", "allfeat2d.h5");
        link(dir, "new-3d-allfeatures", "blobs3d_pc.ilp", "blobs3d.h5");
        link(dir, "oc-from-segmentation-2d", "ocseg_raw.h5", "ocseg_mask.h5");
        link(dir, "ij-2d-cells-apoptotic", "pixel_class_2d_cells_apoptotic.ilp", "2d_cells_apoptotic.tif");

        // bad-input-behaviour's own inputs (jhdf writes Java bytes as int8)
        byte[][][] rgb = new byte[60][80][3];
        for (int y = 0; y < 60; y++) {
            for (int x = 0; x < 80; x++) {
                for (int c = 0; c < 3; c++) {
                    rgb[y][x][c] = (byte) ((y + 2 * x + 40 * c) % 128);
                }
            }
        }
        writeH5(dir.resolve("rgb.h5"), "data", rgb, "yxc");
        byte[][] tiny = new byte[24][24];
        for (int y = 0; y < 24; y++) {
            for (int x = 0; x < 24; x++) {
                tiny[y][x] = (byte) ((3 * y + x) % 128);
            }
        }
        writeH5(dir.resolve("tiny.h5"), "data", tiny, "yx");
        byte[] project = Files.readAllBytes(ex.resolve("ex2d_pc.ilp"));
        Files.write(dir.resolve("truncated.ilp"), Arrays.copyOf(project, project.length / 2));
        Files.writeString(dir.resolve("blocker.txt"), "a regular file where a directory is expected\n");

        // damaged projects
        Path pc = ex.resolve("ex2d_pc.ilp");
        edit(pc, dir.resolve("unknown-workflow.ilp")).putString("/workflowName", "Foo Workflow").close();
        edit(pc, dir.resolve("no-workflow-name.ilp")).delete("/workflowName").close();
        edit(pc, dir.resolve("no-features.ilp")).delete("/FeatureSelections").close();
        edit(pc, dir.resolve("no-forest.ilp")).delete("/PixelClassification/ClassifierForests").close();
        edit(pc, dir.resolve("no-pixel-classification.ilp")).delete("/PixelClassification").close();
        edit(pc, dir.resolve("no-input-data.ilp")).delete("/Input Data").close();
        long[] all = new long[6 * 7];
        Arrays.fill(all, 1);
        edit(pc, dir.resolve("all-features.ilp")).putLongs("/FeatureSelections/SelectionMatrix", new long[] {6, 7},
                all).close();
        edit(pc, dir.resolve("text-scales.ilp")).putString("/FeatureSelections/Scales", "abc").close();
        edit(CaseReadme.CASES.resolve("oc-from-segmentation-2d").resolve("ocseg_oc.ilp"),
                dir.resolve("oc-untrained.ilp")).delete("/ObjectClassification/ClassifierForests").close();
        Files.writeString(dir.resolve("notes.ilp"), "not a project\n");
        Files.createDirectory(dir.resolve("folder.ilp"));
        Files.createDirectory(dir.resolve("scans"));

        // broken or odd images
        Files.writeString(dir.resolve("garbage.h5"), "not hdf5\n");
        Files.writeString(dir.resolve("garbage.tif"), "not tiff\n");
        Files.write(dir.resolve("empty.png"), new byte[0]);
        try (WritableHdfFile f = HdfFile.write(dir.resolve("odd.h5"))) {
            f.putDataset("line", new byte[80]);
            f.putDataset("text", new String[] {"a", "b"});
            f.putDataset("first", new byte[60][80]);
            f.putDataset("second", new byte[60][80]);
        }
        Hdf5Edits.create(dir.resolve("empty.h5")).putLongs("/data", new long[] {0, 80}, new long[0]).close();
        Files.write(dir.resolve("bad.npy"), "\u0093NUMPY\u0001\u0000\u0010\u0000{garbage}      \n"
                .getBytes(StandardCharsets.ISO_8859_1));
        Files.createDirectories(dir.resolve("empty.n5"));
        Files.writeString(dir.resolve("empty.n5/attributes.json"), "{\"n5\": \"2.0.0\"}");
        zstdZarr(dir.resolve("zstd.zarr/data"));
    }

    /** Links every fixture of {@code fixtures} into {@code dir}. */
    static void linkInto(Path fixtures, Path dir) throws IOException {
        try (Stream<Path> s = Files.list(fixtures)) {
            for (Path f : (Iterable<Path>) s::iterator) {
                Files.createSymbolicLink(dir.resolve(f.getFileName()), f);
            }
        }
    }

    /** An HDF5 file holding one int8 dataset {@code name} with vigra axistags of {@code axes}. */
    static void writeH5(Path file, String name, Object data, String axes) {
        try (WritableHdfFile f = HdfFile.write(file)) {
            WritableDataset d = f.putDataset(name, data);
            d.putAttribute("axistags", VigraAxisTags.json(Axes.of(axes)));
        }
    }

    private static void link(Path dir, String caseName, String... files) throws IOException {
        for (String f : files) {
            Files.createSymbolicLink(dir.resolve(f), CaseReadme.CASES.resolve(caseName).resolve(f));
        }
    }

    private static Hdf5Edits edit(Path original, Path copy) throws IOException {
        return Hdf5Edits.copy(original, copy);
    }

    // A Zarr v2 array of 60 x 80 uint8 in one chunk compressed with Blosc zstd (a codec jilastik refuses by name):
    // a valid 16-byte Blosc header (version 2, flags: byte shuffle + compressor code 4 = zstd) and some bytes.
    private static void zstdZarr(Path array) throws IOException {
        Files.createDirectories(array);
        Files.writeString(array.resolve(".zarray"), "{\"zarr_format\": 2, \"shape\": [60, 80], \"chunks\": [60, 80], "
                + "\"dtype\": \"|u1\", \"compressor\": {\"id\": \"blosc\", \"cname\": \"zstd\", \"clevel\": 5, "
                + "\"shuffle\": 1, \"blocksize\": 0}, \"fill_value\": 0, \"order\": \"C\", \"filters\": null}");
        byte[] chunk = new byte[16 + 32];
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(chunk).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 2).put((byte) 1).put((byte) ((4 << 5) | 1)).put((byte) 1);
        b.putInt(4800).putInt(4800).putInt(chunk.length);
        Files.write(array.resolve("0.0"), chunk);
    }
}
