package org.jilastik.distributed;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jilastik.array.DType;
import org.jilastik.error.JilastikException;
import org.jilastik.io.StagedOutput;
import org.jilastik.io.json.Json;
import org.jilastik.io.json.PyJson;
import org.jilastik.io.n5.N5Blocks;

/**
 * One N5 dataset that several processes fill at once, coordinating only through the file system:
 * <ul>
 *   <li>Creation is idempotent: the container's {@code attributes.json} ({@code {"n5": "2.0.0"}}), the groups'
 *       ({@code {}}) and the dataset's are each written under a temporary name and renamed into place, so a reader
 *       sees either nothing or the whole file; concurrent creators write the same bytes. An existing dataset is
 *       kept when its attributes (apart from the completion marker) equal this run's, which include a key of the
 *       run ({@link #RUN_KEY}); otherwise the run is refused rather than mixing blocks of two different runs.</li>
 *   <li>Each block file is written under a temporary name in its directory and renamed, so a block file that
 *       exists is complete: the files themselves are the per-block done markers a restart relies on.</li>
 * </ul>
 * Thread safe: distinct blocks may be written concurrently from any thread or process.
 */
public final class SharedN5Dataset {
    /** The dataset attribute naming the run (project, input, block layout) the blocks belong to. */
    public static final String RUN_KEY = "jilastik_distributed";

    private final Path container;
    private final Path datasetDir;
    private final DType dtype;
    private final boolean gzip;

    private SharedN5Dataset(Path container, Path datasetDir, DType dtype, boolean gzip) {
        this.container = container;
        this.datasetDir = datasetDir;
        this.dtype = dtype;
        this.gzip = gzip;
    }

    /**
     * Creates the dataset, or joins it when another process (or an earlier, interrupted run of the same command)
     * created it with the same attributes.
     *
     * @param shape      C-order dataset shape
     * @param block      C-order block (chunk) shape
     * @param attributes dataset attributes besides the N5 metadata; must contain {@link #RUN_KEY}
     * @throws JilastikException (processing) when the directories cannot be written or a different dataset exists
     */
    public static SharedN5Dataset createOrJoin(Path container, String internalPath, long[] shape, int[] block,
            DType dtype, boolean gzip, Map<String, Object> attributes) {
        if (!attributes.containsKey(RUN_KEY)) {
            throw new IllegalArgumentException("the attributes must name the run (" + RUN_KEY + ")");
        }
        String ip = internalPath.replaceAll("^/+", "").replaceAll("/+$", "");
        Path datasetDir = container.resolve(ip);
        Map<String, Object> meta = N5Blocks.datasetAttributes(shape, block, dtype, gzip, attributes);
        String wanted = PyJson.dumps(meta);
        try {
            Files.createDirectories(datasetDir);
            writeIfAbsent(container.resolve("attributes.json"), PyJson.dumps(Map.of("n5", "2.0.0")));
            for (Path g = datasetDir.getParent(); !g.equals(container); g = g.getParent()) {
                writeIfAbsent(g.resolve("attributes.json"), "{}");
            }
            Path attrs = datasetDir.resolve("attributes.json");
            writeIfAbsent(attrs, wanted);
            Map<String, Object> found = Json.parseObject(Files.readString(attrs));
            found.remove(CompletionMarker.KEY);
            if (!PyJson.dumps(found).equals(PyJson.dumps(Json.parseObject(wanted)))) {
                throw JilastikException.processing("the N5 dataset " + datasetDir + " already exists from another run "
                        + "(different project, input, export settings or block shape); delete it or choose another "
                        + "--output_filename_format");
            }
        } catch (IOException e) {
            throw JilastikException.processing("cannot create the N5 dataset " + datasetDir + " (" + e.getMessage()
                    + "); check free disk space and write permission", e);
        }
        return new SharedN5Dataset(container, datasetDir, dtype, gzip);
    }

    /** The container directory ({@code ….n5}). */
    public Path container() {
        return container;
    }

    /** The dataset directory inside the container. */
    public Path datasetDir() {
        return datasetDir;
    }

    /** Whether the block at C-order grid position {@code grid} has been written completely. */
    public boolean hasBlock(long[] grid) {
        return Files.isRegularFile(N5Blocks.blockPath(datasetDir, grid));
    }

    /** Whether every block of {@code grids} has been written. */
    public boolean hasAll(List<long[]> grids) {
        for (long[] g : grids) {
            if (!hasBlock(g)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Writes one block atomically (temporary file, then rename; an existing file of the block is replaced).
     *
     * @param grid    C-order grid position
     * @param extents C-order extents of the block (clipped at the dataset's edge)
     * @param data    flat C-order array of the dataset dtype with exactly the block's elements; not kept
     */
    public void writeBlock(long[] grid, long[] extents, Object data) {
        Path f = N5Blocks.blockPath(datasetDir, grid);
        try {
            Files.createDirectories(f.getParent());
            atomicWrite(f, N5Blocks.encode(extents, data, dtype, gzip));
        } catch (IOException e) {
            throw JilastikException.processing("cannot write N5 block " + f + " (" + e.getMessage()
                    + "); check free disk space", e);
        }
    }

    /** Writes {@code bytes} to {@code target} under a temporary sibling name, then renames it into place. */
    static void atomicWrite(Path target, byte[] bytes) throws IOException {
        Path tmp = StagedOutput.temporarySibling(target);
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void writeIfAbsent(Path target, String text) throws IOException {
        if (!Files.exists(target)) {
            atomicWrite(target, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** A mutable copy of the dataset's attributes as stored now. */
    Map<String, Object> storedAttributes() throws IOException {
        return new LinkedHashMap<>(Json.parseObject(Files.readString(datasetDir.resolve("attributes.json"))));
    }
}
