package org.jilastik.io.zarr;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.jilastik.error.JilastikException;
import org.jilastik.io.ChunkAssembler;
import org.jilastik.io.ChunkGrid;
import org.jilastik.io.Regions;
import org.jilastik.io.codec.Blosc;
import org.jilastik.io.codec.ByteCodec;
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
            Files.writeString(dir.resolve(".zarray"), PyJson.dumps(v2Metadata()));
            if (!attributes.isEmpty()) {
                Files.writeString(dir.resolve(".zattrs"), PyJson.dumps(attributes));
            }
        } else {
            Files.writeString(dir.resolve("zarr.json"), PyJson.dumps(v3Metadata(dimensionNames, attributes)));
        }
    }

    private Object fillValue() {
        return dtype == DType.BOOL ? (Object) Boolean.FALSE : dtype.isFloating() ? (Object) 0.0 : (Object) 0L;
    }

    private Map<String, Object> v2Metadata() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("chunks", chunks);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("blocksize", 0);
        c.put("clevel", 5);
        c.put("cname", "lz4");
        c.put("id", "blosc");
        c.put("shuffle", 1);
        m.put("compressor", c);
        m.put("dimension_separator", "/");
        m.put("dtype", v2Dtype(dtype));
        m.put("fill_value", fillValue());
        m.put("filters", null);
        m.put("order", "C");
        m.put("shape", shape);
        m.put("zarr_format", 2);
        return m;
    }

    /** numpy's type string as Zarr v2 stores it ({@code |} for one-byte types). */
    static String v2Dtype(DType dtype) {
        char kind = dtype == DType.BOOL ? 'b' : dtype.isFloating() ? 'f' : dtype.isSigned() ? 'i' : 'u';
        return (dtype.byteSize() == 1 ? "|" : "<") + kind + dtype.byteSize();
    }

    private Map<String, Object> v3Metadata(List<String> names, Map<String, Object> attributes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("zarr_format", 3);
        m.put("node_type", "array");
        m.put("shape", shape);
        m.put("data_type", dtype.numpyName());
        m.put("chunk_grid", Map.of("name", "regular", "configuration", Map.of("chunk_shape", chunks)));
        m.put("chunk_key_encoding", Map.of("name", "default", "configuration", Map.of("separator", "/")));
        m.put("fill_value", fillValue());
        Map<String, Object> blosc = new LinkedHashMap<>();
        blosc.put("typesize", dtype.byteSize());
        blosc.put("cname", "lz4");
        blosc.put("clevel", 5);
        blosc.put("shuffle", "shuffle");
        blosc.put("blocksize", 0);
        m.put("codecs", List.of(Map.of("name", "bytes", "configuration", Map.of("endian", "little")),
                Map.of("name", "blosc", "configuration", blosc)));
        if (names != null) {
            m.put("dimension_names", names);
        }
        m.put("attributes", attributes);
        m.put("storage_transformers", List.of());
        return m;
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
        Box full = ChunkGrid.chunkBox(g, chunks);
        Object padded = data;
        int n = Math.toIntExact(full.numElements());
        if (!full.equals(box)) {
            padded = Block.newStorage(dtype, n);
            Regions.copy(data, box, padded, full, box);
        }
        byte[] frame = Blosc.compress(ByteCodec.toBytes(padded, dtype, 0, n, ByteOrder.LITTLE_ENDIAN),
                dtype.byteSize());
        StringBuilder key = new StringBuilder(zarrFormat == 3 ? "c" : "");
        for (int i = 0; i < g.length; i++) {
            key.append(i == 0 && zarrFormat == 2 ? "" : "/").append(g[i]);
        }
        if (g.length == 0) {
            key.append(zarrFormat == 3 ? "" : "0");
        }
        Path f = dir.resolve(key.toString());
        try {
            Files.createDirectories(f.getParent());
            Files.write(f, frame);
        } catch (IOException e) {
            throw JilastikException.processing("cannot write Zarr chunk " + f + " (" + e.getMessage()
                    + "); check free disk space", e);
        }
    }
}
