package org.jilastik.distributed;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jilastik.array.DType;
import org.jilastik.io.zarr.OmeZarrOptions;
import org.jilastik.io.zarr.OmeZarrWriter;
import org.jilastik.io.zarr.ZarrChunks;

/**
 * A shared single-scale OME-Zarr image (axes {@code tczyx}): the image group's metadata exactly as the
 * single-process export writes it for one level (OME-NGFF 0.4 on Zarr v2, or 0.5 on Zarr v3), and the array
 * {@code s0}, Blosc-LZ4 compressed, whose attributes carry the run key and the completion marker.
 * {@code --overwrite} replaces the whole image directory. Thread safe.
 */
public final class SharedOmeZarrDataset extends SharedZarrDataset {
    private final Map<Path, String> groupFiles = new LinkedHashMap<>();

    /**
     * Describes the image; nothing is touched on disk before {@link #prepare}.
     *
     * @param image   the OME-Zarr image directory ({@code ….zarr})
     * @param shape   extents in {@code tczyx}
     * @param block   block (chunk) extents in {@code tczyx}
     * @param options layout (its zarr format: 2 or 3; multiscale is ignored) and metadata
     * @param runKey  the run key attribute's value
     */
    public SharedOmeZarrDataset(Path image, long[] shape, int[] block, DType dtype, OmeZarrOptions options,
            Object runKey) {
        super(image, image.resolve("s0"), shape, block, dtype, options.zarrFormat(), ZarrChunks.Compression.BLOSC_LZ4,
                options.zarrFormat() == 3 ? List.of("t", "c", "z", "y", "x") : null,
                withRun(options.arrayAttributes(), runKey));
        OmeZarrWriter.singleScaleGroupFiles(shape, options).forEach((name, text) -> groupFiles.put(image.resolve(name),
                text));
    }

    private static Map<String, Object> withRun(Map<String, Object> attributes, Object runKey) {
        Map<String, Object> a = new LinkedHashMap<>(attributes);
        a.put(RUN_KEY, runKey);
        return a;
    }

    @Override
    public String format() {
        return "OME-Zarr " + (zarrFormat() == 2 ? "0.4" : "0.5");
    }

    @Override
    Map<Path, String> groupFiles(Path g) {
        return g.equals(location) ? groupFiles : super.groupFiles(g);
    }

    @Override
    Path replacedTree() {
        return location;
    }
}
