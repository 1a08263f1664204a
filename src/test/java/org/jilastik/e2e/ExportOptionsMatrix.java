package org.jilastik.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.jhdf.HdfFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 54 variants of {@code testdata/ilastik-ref/export-options/README.md} and, per file a variant creates,
 * what must be in it: format facts (HDF5 dataset and compression, TIFF compression), shape, dtype, axis order,
 * the SHA-256 of the pixel array ({@link PixelArray#sha256()}) and the README's sample values. The checker
 * ({@link #verify}) reads every format the README lists (HDF5, TIFF, PNG, npy, N5, OME-Zarr), so it is
 * exercised on ilastik's own files by {@code ExportOptionsReferenceFilesTest}.
 */
final class ExportOptionsMatrix {
    static final String CASE = "export-options";
    static final Path DIR = CaseReadme.CASES.resolve(CASE);

    private ExportOptionsMatrix() {
    }

    /** One row of the Variants table: ilastik's command, exit code and created files. */
    record Variant(String name, List<String> args, int rc, List<String> files) {
        String flag(String flag) {
            return new CaseReadme.Command(name, args).flag(flag);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * What one created file must hold.
     *
     * @param relPath   path under {@code out/<variant>/} as listed among the created files
     * @param container the file or directory to read, relative to {@code out/<variant>/}
     * @param internal  the HDF5/N5 dataset or OME-Zarr scale to read, else null
     * @param format    the README's format cell (e.g. {@code HDF5 `/exported_data`, gzip}, {@code TIFF, 1
     *                  page(s), compression 5}, {@code PNG}, {@code NPY})
     * @param layout    the README's layout cell
     * @param shape     the README's shape
     * @param dtype     NumPy dtype name
     * @param sha256    SHA-256 of the pixel array in C order
     * @param samples   flat index → value as the README prints it
     */
    record FileCheck(String relPath, String container, String internal, String format, String layout, long[] shape,
            String dtype, String sha256, Map<Long, String> samples) {
        /** The same facts for a file of another name (same data). */
        FileCheck renamed(String newRelPath, String newContainer, String newInternal, String newFormat) {
            return new FileCheck(newRelPath, newContainer, newInternal, newFormat, layout, shape, dtype, sha256,
                    samples);
        }
    }

    static List<Variant> variants() throws IOException {
        List<Variant> out = new ArrayList<>();
        for (String[] row : CaseReadme.table(CASE, "## Variants")) {
            List<String> files = new ArrayList<>();
            if (!row[3].equals("(none)")) {
                for (String f : row[3].split("<br>")) {
                    files.add(CaseReadme.code(f));
                }
            }
            out.add(new Variant(row[0], CaseReadme.ilastikArgs(CaseReadme.code(row[1])), Integer.parseInt(row[2]),
                    files));
        }
        return out;
    }

    /** The README's Output files rows, by path under {@code out/}. */
    static Map<String, FileCheck> outputRows() throws IOException {
        Map<String, FileCheck> out = new LinkedHashMap<>();
        for (String[] c : CaseReadme.table(CASE, "## Output files")) {
            String rel = CaseReadme.code(c[0]);
            if (c[3].isEmpty()) {
                continue; // a metadata or chunk file of a directory format: only its presence is checked
            }
            String container = rel;
            String internal = null;
            int h5 = c[1].indexOf('`');
            if (c[1].startsWith("HDF5")) {
                internal = c[1].substring(h5 + 1, c[1].indexOf('`', h5 + 1));
            } else if (rel.endsWith("/.zarray")) {
                String scale = rel.substring(0, rel.length() - "/.zarray".length());
                container = scale.substring(0, scale.lastIndexOf('/'));
                internal = scale.substring(scale.lastIndexOf('/') + 1);
            }
            out.put(rel, new FileCheck(rel, container, internal, c[1], c[2], ReferenceOutputs.parseShape(c[3]),
                    c[4], CaseReadme.code(c[7]), samples(c[8])));
        }
        return out;
    }

    private static Map<Long, String> samples(String cell) {
        Map<Long, String> out = new LinkedHashMap<>();
        for (String item : cell.split(",")) {
            String[] kv = item.trim().split(":");
            out.put(Long.parseLong(kv[0].trim()), kv[1].trim());
        }
        return out;
    }

    /** The checks of the files a variant created in ilastik's run (files without a row only exist). */
    static List<FileCheck> checksOf(Variant v, Map<String, FileCheck> rows) {
        List<FileCheck> out = new ArrayList<>();
        for (String f : v.files()) {
            String rel = v.name() + "/" + f;
            FileCheck row = rows.get(rel);
            if (row != null) {
                String container = row.container().substring(v.name().length() + 1);
                out.add(new FileCheck(f, container, row.internal(), row.format(), row.layout(), row.shape(),
                        row.dtype(), row.sha256(), row.samples()));
            }
        }
        return out;
    }

    /** Asserts that the file of {@code check} under {@code outDir} holds what it must. */
    static void verify(Path outDir, FileCheck check) throws IOException {
        Path path = outDir.resolve(check.container());
        String what = check.relPath();
        assertThat(path).as("%s exists", what).exists();
        PixelArray a = PixelArray.read(path, check.internal());
        assertThat(a.dtype().numpyName()).as("dtype of %s", what).isEqualTo(check.dtype());
        checkShape(what, check, a);
        checkLayout(what, path, check, a);
        checkFormat(what, path, check);
        assertThat(a.sha256()).as("sha256 of the pixel array of %s (shape %s)", what, Arrays.toString(a.shape()))
                .isEqualTo(check.sha256());
        boolean floating = check.dtype().startsWith("float");
        for (Map.Entry<Long, String> s : check.samples().entrySet()) {
            double expected = Double.parseDouble(s.getValue());
            double value = a.value(Math.toIntExact(s.getKey()));
            // the README prints floats rounded (0.99, 50.1582); integer types exactly
            assertThat(value).as("sample %d of %s", s.getKey(), what)
                    .isCloseTo(expected, org.assertj.core.api.Assertions.within(floating ? 0.005 : 0.0));
        }
    }

    private static void checkShape(String what, FileCheck check, PixelArray a) {
        if (!check.format().startsWith("TIFF")) {
            assertThat(a.shape()).as("shape of %s", what).containsExactly(check.shape());
            return;
        }
        // tifffile shapes a multi-page OME/ImageJ file (ZCYX); a page reader sees (pages, y, x): same C-order
        // bytes, so the plane (with samples) and the element count must agree
        int plane = check.layout().endsWith("S") ? 3 : 2;
        long[] want = check.shape();
        long[] got = a.shape();
        assertThat(got.length).as("rank of %s (%s)", what, Arrays.toString(got)).isGreaterThanOrEqualTo(plane);
        assertThat(Arrays.copyOfRange(got, got.length - plane, got.length)).as("plane of %s", what)
                .containsExactly(Arrays.copyOfRange(want, want.length - plane, want.length));
        assertThat(Arrays.stream(got).reduce(1, Math::multiplyExact)).as("elements of %s", what)
                .isEqualTo(Arrays.stream(want).reduce(1, Math::multiplyExact));
    }

    private static void checkLayout(String what, Path path, FileCheck check, PixelArray a) throws IOException {
        if (check.format().startsWith("HDF5")) {
            assertThat(a.axes()).as("axistags of %s", what).isEqualTo(check.layout());
        } else if (check.format().startsWith("OME-Zarr")) {
            String attrs = Files.readString(path.resolve(".zattrs"));
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"name\"\\s*:\\s*\"([tczyx])\"")
                    .matcher(attrs);
            StringBuilder axes = new StringBuilder();
            while (m.find() && axes.length() < 5) {
                axes.append(m.group(1));
            }
            assertThat(axes.toString()).as("multiscales axes of %s", what).isEqualTo(check.layout());
        } else if (check.format().startsWith("N5")) {
            assertThat(a.axes()).as("axes of %s", what).isEqualTo(check.layout());
        }
    }

    /** Tag 259 (compression) of the first directory of a classic TIFF, either byte order; 1 when absent. */
    static long tiffCompression(Path file) throws IOException {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(Files.readAllBytes(file));
        b.order(b.get(0) == 'I' ? java.nio.ByteOrder.LITTLE_ENDIAN : java.nio.ByteOrder.BIG_ENDIAN);
        assertThat(b.getShort(2)).as("classic TIFF magic of %s", file).isEqualTo((short) 42);
        int ifd = b.getInt(4);
        int n = b.getShort(ifd) & 0xFFFF;
        for (int i = 0; i < n; i++) {
            int e = ifd + 2 + 12 * i;
            if ((b.getShort(e) & 0xFFFF) == 259) {
                return b.getShort(e + 8) & 0xFFFF;
            }
        }
        return 1;
    }

    private static void checkFormat(String what, Path path, FileCheck check) throws IOException {
        String f = check.format();
        if (f.startsWith("HDF5")) {
            try (HdfFile h = new HdfFile(path)) {
                boolean gzip = h.getDatasetByPath(check.internal()).getFilters().stream()
                        .anyMatch(x -> x.getId() == 1);
                assertThat(gzip).as("gzip compression of %s", what).isEqualTo(f.contains("gzip"));
            }
        } else if (f.startsWith("TIFF")) {
            long compression = tiffCompression(path);
            assertThat(compression).as("TIFF compression of %s", what)
                    .isEqualTo(Long.parseLong(f.replaceAll(".*compression (\\d+).*", "$1")));
        } else if (f.startsWith("PNG")) {
            byte[] head = Arrays.copyOf(Files.readAllBytes(path), 8);
            assertThat(head).as("PNG signature of %s", what)
                    .containsExactly(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
        } else if (f.startsWith("NPY")) {
            byte[] head = Arrays.copyOf(Files.readAllBytes(path), 6);
            assertThat(head).as("npy magic of %s", what).containsExactly(0x93, 'N', 'U', 'M', 'P', 'Y');
        }
    }
}
