package org.jilastik.io.zarr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.jilastik.error.JilastikException;
import org.jilastik.io.ChunkAssembler;
import org.jilastik.io.json.PyJson;

/**
 * Writes the metadata and the chunks of one Zarr array with Blosc-LZ4 compression (level 5, byte shuffle:
 * numcodecs' {@code Blosc()} default, which ilastik's OME-Zarr export uses), little-endian, C order, fill value 0,
 * chunk keys with {@code /} separators.
 *
 * <ul>
 *   <li>Zarr v2: {@code .zarray} (zarr-python's key-sorted, four-space JSON: {@code chunks}, {@code compressor}
 *       {@code {"blocksize": 0, "clevel": 5, "cname": "lz4", "id": "blosc", "shuffle": 1}},
 *       {@code dimension_separator "/"}, {@code dtype} such as {@code "<f4"}, {@code fill_value},
 *       {@code filters null}, {@code order "C"}, {@code shape}, {@code zarr_format 2}) and, when attributes are
 *       given, {@code .zattrs}; chunk {@code (i, j, …)} is the file {@code i/j/…}.</li>
 *   <li>Zarr v3: {@code zarr.json} with {@code node_type "array"}, {@code data_type}, a regular chunk grid, the
 *       default chunk key encoding with {@code /}, codecs {@code bytes} (little) then {@code blosc}
 *       ({@code cname lz4, clevel 5, shuffle "shuffle", typesize}), {@code dimension_names} and the attributes;
 *       chunk {@code (i, j, …)} is {@code c/i/j/…}.</li>
 * </ul>
 * Edge chunks are stored at full chunk size, padded with 0. Thread safe: chunks are independent files.
 */
public final class ZarrArrayWriter implements ChunkAssembler.ChunkWriter {
    private final Path dir;
    private final int zarrFormat;
    private final long[] shape;
    private final int[] chunks;
    private final DType dtype;

    /**
     * Creates the array directory {@code dir} and writes its metadata.
     *
     * @param zarrFormat     2 or 3
     * @param dimensionNames names per axis (written by v3 only)
     * @param attributes     user attributes (JSON values), may be empty
     * @throws IOException if the directory or the metadata cannot be written
     */
    public ZarrArrayWriter(Path dir, int zarrFormat, long[] shape, int[] chunks, DType dtype,
            List<String> dimensionNames, Map<String, Object> attributes) throws IOException {
        if (zarrFormat != 2 && zarrFormat != 3) {
            throw new IllegalArgumentException("zarr format " + zarrFormat);
        }
        this.dir = dir;
        this.zarrFormat = zarrFormat;
        this.shape = shape.clone();
        this.chunks = chunks.clone();
        this.dtype = dtype;
        Files.createDirectories(dir);
        if (zarrFormat == 2) {
            Files.writeString(dir.resolve(".zarray"), PyJson.dumps(ZarrChunks.v2Metadata(shape, chunks, dtype,
                    ZarrChunks.Compression.BLOSC_LZ4)));
            if (!attributes.isEmpty()) {
                Files.writeString(dir.resolve(".zattrs"), PyJson.dumps(attributes));
            }
        } else {
            Files.writeString(dir.resolve("zarr.json"), PyJson.dumps(ZarrChunks.v3Metadata(shape, chunks, dtype,
                    ZarrChunks.Compression.BLOSC_LZ4, dimensionNames, attributes)));
        }
    }

    /** The array's directory. */
    public Path dir() {
        return dir;
    }

    /** The chunk extents. */
    public int[] chunks() {
        return chunks.clone();
    }

    @Override
    public void writeChunk(long[] g, Box box, Object data) {
        byte[] frame = ZarrChunks.encode(g, chunks, box, data, dtype, ZarrChunks.Compression.BLOSC_LZ4);
        Path f = dir.resolve(ZarrChunks.chunkKey(zarrFormat, g));
        try {
            Files.createDirectories(f.getParent());
            Files.write(f, frame);
        } catch (IOException e) {
            throw JilastikException.processing("cannot write Zarr chunk " + f + " (" + e.getMessage()
                    + "); check free disk space", e);
        }
    }
}
