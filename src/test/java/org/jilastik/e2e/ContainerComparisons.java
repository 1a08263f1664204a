package org.jilastik.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.io.codec.Blosc;
import org.jilastik.io.json.Json;
import org.jilastik.io.n5.N5Source;
import org.jilastik.io.npy.NpySource;
import org.jilastik.io.zarr.ZarrSource;

/**
 * Reusable checks for the container formats (numpy, N5, OME-Zarr): reading an output back whole as an
 * {@link ExportedFile} with jilastik's own readers, and comparing an OME-Zarr directory with the one ilastik wrote.
 */
public final class ContainerComparisons {
    private ContainerComparisons() {
    }

    /**
     * Asserts that the OME-Zarr directory {@code ours} holds the same files as {@code ref}; the same metadata text
     * (the root's {@code _creator} excepted, which must name jilastik); and chunks that decode to the same bytes.
     */
    public static void sameOmeZarr(Path ours, Path ref) throws IOException {
        compareOmeZarr(ours, ref, true);
    }

    /** Like {@link #sameOmeZarr} without comparing the chunks' contents (values are judged with a tolerance). */
    public static void sameOmeZarrLayout(Path ours, Path ref) throws IOException {
        compareOmeZarr(ours, ref, false);
    }

    private static void compareOmeZarr(Path ours, Path ref, boolean chunks) throws IOException {
        List<String> files = Workspace.filesUnder(ref);
        assertThat(Workspace.filesUnder(ours)).as("files of %s", ours).containsExactlyElementsOf(files);
        for (String f : files) {
            Path a = ours.resolve(f);
            Path b = ref.resolve(f);
            String name = a.getFileName().toString();
            if (f.equals(".zattrs")) {
                Map<String, Object> ma = new TreeMap<>(Json.parseObject(Files.readString(a)));
                Map<String, Object> mb = new TreeMap<>(Json.parseObject(Files.readString(b)));
                assertThat(((Map<?, ?>) ma.remove("_creator")).get("name")).isEqualTo("jilastik");
                mb.remove("_creator");
                assertThat(ma).as(f).isEqualTo(mb);
            } else if (name.startsWith(".") || name.equals("zarr.json")) {
                assertThat(Files.readString(a)).as(f).isEqualTo(Files.readString(b));
            } else if (chunks) {
                assertThat(Blosc.decompress(Files.readAllBytes(a))).as("decoded chunk %s", f)
                        .isEqualTo(Blosc.decompress(Files.readAllBytes(b)));
            }
        }
    }

    /** A {@code .npy} file read whole with {@link NpySource} (no attributes; axes are the shape guess). */
    static ExportedFile npy(Path file) {
        try (NpySource s = NpySource.open(file)) {
            Block b = s.read(Box.ofShape(s.shape()));
            return new ExportedFile(file, s.dtype(), s.shape(), null, Map.of(), b.data());
        }
    }

    /** An N5 dataset read whole with {@link N5Source}; attributes from its {@code attributes.json}. */
    static ExportedFile n5(Path container, String dataset) throws IOException {
        try (N5Source s = N5Source.open(container, dataset)) {
            Block b = s.read(Box.ofShape(s.shape()));
            Map<String, Object> attrs = new TreeMap<>(Json.parseObject(Files.readString(container.resolve(dataset)
                    .resolve("attributes.json"))));
            return new ExportedFile(container, s.dtype(), s.shape(), (String) attrs.get("axistags"), attrs, b.data());
        }
    }

    /** Level {@code level} of an OME-Zarr image read whole with {@link ZarrSource}; attributes of that array. */
    static ExportedFile omeZarr(Path root, String level) throws IOException {
        try (ZarrSource s = ZarrSource.open(root, level)) {
            Block b = s.read(Box.ofShape(s.shape()));
            Path dir = root.resolve(level);
            Map<String, Object> attrs;
            if (Files.exists(dir.resolve(".zattrs"))) {
                attrs = new TreeMap<>(Json.parseObject(Files.readString(dir.resolve(".zattrs"))));
            } else {
                attrs = new TreeMap<>((Map<String, Object>) Json.parseObject(Files.readString(dir.resolve("zarr.json")))
                        .get("attributes"));
            }
            return new ExportedFile(root, s.dtype(), s.shape(), (String) attrs.get("axistags"), attrs, b.data());
        }
    }
}
