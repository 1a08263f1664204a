package org.jilastik.distributed;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.jilastik.io.json.PyJson;
import org.jilastik.io.zarr.ZarrChunks;

/**
 * A shared Zarr array (v2 or v3, Blosc-LZ4 or gzip, as {@link ZarrChunks} encodes; edge chunks padded with 0) at an
 * internal path of a Zarr store: every group on the way gets its group metadata ({@code .zgroup} /
 * {@code zarr.json} with {@code node_type "group"}); the array's attributes ({@code .zattrs} for v2, the
 * {@code attributes} member of its {@code zarr.json} for v3) hold the export's attributes, the run key and the
 * completion marker. A block not yet written reads as the fill value 0 — only the marker says the array is done.
 * Thread safe.
 */
public class SharedZarrDataset extends FileSharedDataset {
    private final int zarrFormat;
    private final ZarrChunks.Compression compression;
    private final List<String> dimensionNames;
    private final Map<String, Object> attributes;

    /**
     * Describes the array; nothing is touched on disk before {@link #prepare}.
     *
     * @param store          the Zarr store (root group) directory
     * @param internalPath   the array's path in the store ({@code ""} for an array at the root)
     * @param zarrFormat     2 or 3
     * @param dimensionNames axis names (v3 {@code dimension_names}; v2 none), or null
     * @param attributes     array attributes; must contain {@link #RUN_KEY}
     */
    public SharedZarrDataset(Path store, String internalPath, long[] shape, int[] block, DType dtype, int zarrFormat,
            ZarrChunks.Compression compression, List<String> dimensionNames, Map<String, Object> attributes) {
        this(store, store.resolve(SharedN5Dataset.strip(internalPath)), shape, block, dtype, zarrFormat, compression,
                dimensionNames, attributes);
    }

    SharedZarrDataset(Path location, Path arrayDir, long[] shape, int[] block, DType dtype, int zarrFormat,
            ZarrChunks.Compression compression, List<String> dimensionNames, Map<String, Object> attributes) {
        super(location, arrayDir, shape, block, dtype);
        if (zarrFormat != 2 && zarrFormat != 3) {
            throw new IllegalArgumentException("zarr format " + zarrFormat);
        }
        if (!attributes.containsKey(RUN_KEY)) {
            throw new IllegalArgumentException("the attributes must name the run (" + RUN_KEY + ")");
        }
        this.zarrFormat = zarrFormat;
        this.compression = compression;
        this.dimensionNames = dimensionNames == null ? null : List.copyOf(dimensionNames);
        this.attributes = new LinkedHashMap<>(attributes);
    }

    /** 2 or 3. */
    public int zarrFormat() {
        return zarrFormat;
    }

    @Override
    public String format() {
        return "Zarr v" + zarrFormat + (compression == ZarrChunks.Compression.GZIP ? " (gzip)" : " (blosc)");
    }

    @Override
    Map<Path, String> metadataFiles() {
        Map<Path, String> files = new LinkedHashMap<>();
        java.util.List<Path> groups = new java.util.ArrayList<>();
        for (Path g = arrayDir.getParent(); g != null && g.startsWith(location); g = g.getParent()) {
            groups.addFirst(g);
        }
        for (Path g : groups) {
            files.putAll(groupFiles(g));
        }
        files.putAll(identityFiles());
        return files;
    }

    /** The metadata of the group directory {@code g} (OME-Zarr overrides it for the image group). */
    Map<Path, String> groupFiles(Path g) {
        if (zarrFormat == 2) {
            return Map.of(g.resolve(".zgroup"), PyJson.dumps(Map.of("zarr_format", 2)));
        }
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("zarr_format", 3);
        group.put("node_type", "group");
        group.put("attributes", Map.of());
        return Map.of(g.resolve("zarr.json"), PyJson.dumps(group));
    }

    @Override
    Map<Path, String> identityFiles() {
        Map<Path, String> files = new LinkedHashMap<>();
        if (zarrFormat == 2) {
            files.put(arrayDir.resolve(".zarray"), PyJson.dumps(ZarrChunks.v2Metadata(shape, block, dtype,
                    compression)));
            files.put(arrayDir.resolve(".zattrs"), PyJson.dumps(attributes));
        } else {
            files.put(arrayDir.resolve("zarr.json"), PyJson.dumps(ZarrChunks.v3Metadata(shape, block, dtype,
                    compression, dimensionNames, attributes)));
        }
        return files;
    }

    @Override
    Path attributesFile() {
        return arrayDir.resolve(zarrFormat == 2 ? ".zattrs" : "zarr.json");
    }

    @Override
    boolean attributesNested() {
        return zarrFormat == 3;
    }

    @Override
    Path blockFile(long[] grid) {
        return arrayDir.resolve(ZarrChunks.chunkKey(zarrFormat, grid));
    }

    @Override
    byte[] encode(long[] grid, long[] extents, Object data) {
        long[] start = new long[grid.length];
        long[] stop = new long[grid.length];
        for (int i = 0; i < grid.length; i++) {
            start[i] = grid[i] * block[i];
            stop[i] = start[i] + extents[i];
        }
        return ZarrChunks.encode(grid, block, new Box(start, stop), data, dtype, compression);
    }
}
