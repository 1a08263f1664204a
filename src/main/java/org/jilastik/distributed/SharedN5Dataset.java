package org.jilastik.distributed;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jilastik.array.DType;
import org.jilastik.io.json.PyJson;
import org.jilastik.io.n5.N5Blocks;

/**
 * A shared dataset in an N5 container (format 2.0.0, raw or gzip level 1, as {@link N5Blocks} encodes): the
 * container's {@code attributes.json} ({@code {"n5": "2.0.0"}}), the groups' ({@code {}}) and the dataset's, which
 * holds the N5 metadata, the export's attributes, the run key and the completion marker. Other datasets of the
 * container are left alone ({@code --overwrite} replaces only this one). Thread safe.
 */
public final class SharedN5Dataset extends FileSharedDataset {
    private final boolean gzip;
    private final Map<String, Object> attributes;

    /**
     * Describes the dataset; nothing is touched on disk before {@link #prepare}.
     *
     * @param container    the N5 container directory
     * @param internalPath the dataset's path inside the container ({@code exported_data})
     * @param attributes   dataset attributes besides the N5 metadata; must contain {@link #RUN_KEY}
     */
    public SharedN5Dataset(Path container, String internalPath, long[] shape, int[] block, DType dtype, boolean gzip,
            Map<String, Object> attributes) {
        super(container, container.resolve(strip(internalPath)), shape, block, dtype);
        if (!attributes.containsKey(RUN_KEY)) {
            throw new IllegalArgumentException("the attributes must name the run (" + RUN_KEY + ")");
        }
        this.gzip = gzip;
        this.attributes = new LinkedHashMap<>(attributes);
    }

    static String strip(String internalPath) {
        return internalPath.replaceAll("^/+", "").replaceAll("/+$", "");
    }

    @Override
    public String format() {
        return gzip ? "N5 (gzip)" : "N5";
    }

    @Override
    Map<Path, String> metadataFiles() {
        Map<Path, String> files = new LinkedHashMap<>();
        files.put(location.resolve("attributes.json"), PyJson.dumps(Map.of("n5", "2.0.0")));
        java.util.List<Path> groups = new java.util.ArrayList<>();
        for (Path g = arrayDir.getParent(); !g.equals(location); g = g.getParent()) {
            groups.addFirst(g);
        }
        groups.forEach(g -> files.put(g.resolve("attributes.json"), "{}"));
        files.putAll(identityFiles());
        return files;
    }

    @Override
    Map<Path, String> identityFiles() {
        return Map.of(attributesFile(), PyJson.dumps(N5Blocks.datasetAttributes(shape, block, dtype, gzip,
                attributes)));
    }

    @Override
    Path attributesFile() {
        return arrayDir.resolve("attributes.json");
    }

    @Override
    boolean attributesNested() {
        return false;
    }

    @Override
    Path blockFile(long[] grid) {
        return N5Blocks.blockPath(arrayDir, grid);
    }

    @Override
    byte[] encode(long[] grid, long[] extents, Object data) {
        return N5Blocks.encode(extents, data, dtype, gzip);
    }
}
