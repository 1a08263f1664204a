package org.jilastik.io.zarr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.jilastik.io.ChunkGrid;
import org.jilastik.io.Regions;
import org.jilastik.io.codec.Blosc;
import org.jilastik.io.codec.ByteCodec;

/**
 * The Zarr array encoding shared by {@link ZarrArrayWriter} and the distributed export: array metadata (v2
 * {@code .zarray} or v3 {@code zarr.json}), chunk keys ({@code /} separators; v3 with the {@code c/} prefix) and
 * chunk bytes (little-endian, C order, edge chunks padded with 0 to the full chunk shape, then compressed). All
 * shapes are C order. Stateless, thread safe.
 */
public final class ZarrChunks {
    private ZarrChunks() {
    }

    /** How chunks are compressed. */
    public enum Compression {
        /** numcodecs' {@code Blosc()} default: LZ4, level 5, byte shuffle (ilastik's OME-Zarr export). */
        BLOSC_LZ4,
        /** gzip framing at deflate level 1 (numcodecs {@code GZip(level=1)}, the v3 {@code gzip} codec). */
        GZIP
    }

    /**
     * The {@code .zarray} content of a v2 array (zarr-python's key order): {@code chunks}, {@code compressor},
     * {@code dimension_separator "/"}, {@code dtype} such as {@code "<f4"}, {@code fill_value 0},
     * {@code filters null}, {@code order "C"}, {@code shape}, {@code zarr_format 2}.
     */
    public static Map<String, Object> v2Metadata(long[] shape, int[] chunks, DType dtype, Compression compression) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("chunks", chunks.clone());
        Map<String, Object> c = new LinkedHashMap<>();
        if (compression == Compression.BLOSC_LZ4) {
            c.put("blocksize", 0);
            c.put("clevel", 5);
            c.put("cname", "lz4");
            c.put("id", "blosc");
            c.put("shuffle", 1);
        } else {
            c.put("id", "gzip");
            c.put("level", 1);
        }
        m.put("compressor", c);
        m.put("dimension_separator", "/");
        m.put("dtype", v2Dtype(dtype));
        m.put("fill_value", fillValue(dtype));
        m.put("filters", null);
        m.put("order", "C");
        m.put("shape", shape.clone());
        m.put("zarr_format", 2);
        return m;
    }

    /**
     * The {@code zarr.json} content of a v3 array: regular grid, default key encoding with {@code /}, codecs
     * {@code bytes} (little) then {@code blosc} or {@code gzip}, {@code dimension_names} when given, attributes.
     */
    public static Map<String, Object> v3Metadata(long[] shape, int[] chunks, DType dtype, Compression compression,
            List<String> dimensionNames, Map<String, Object> attributes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("zarr_format", 3);
        m.put("node_type", "array");
        m.put("shape", shape.clone());
        m.put("data_type", dtype.numpyName());
        m.put("chunk_grid", Map.of("name", "regular", "configuration", Map.of("chunk_shape", chunks.clone())));
        m.put("chunk_key_encoding", Map.of("name", "default", "configuration", Map.of("separator", "/")));
        m.put("fill_value", fillValue(dtype));
        Map<String, Object> conf = new LinkedHashMap<>();
        if (compression == Compression.BLOSC_LZ4) {
            conf.put("typesize", dtype.byteSize());
            conf.put("cname", "lz4");
            conf.put("clevel", 5);
            conf.put("shuffle", "shuffle");
            conf.put("blocksize", 0);
        } else {
            conf.put("level", 1);
        }
        m.put("codecs", List.of(Map.of("name", "bytes", "configuration", Map.of("endian", "little")),
                Map.of("name", compression == Compression.BLOSC_LZ4 ? "blosc" : "gzip", "configuration", conf)));
        if (dimensionNames != null) {
            m.put("dimension_names", dimensionNames);
        }
        m.put("attributes", attributes);
        m.put("storage_transformers", List.of());
        return m;
    }

    /** numpy's type string as Zarr v2 stores it ({@code |} for one-byte types). */
    static String v2Dtype(DType dtype) {
        char kind = dtype == DType.BOOL ? 'b' : dtype.isFloating() ? 'f' : dtype.isSigned() ? 'i' : 'u';
        return (dtype.byteSize() == 1 ? "|" : "<") + kind + dtype.byteSize();
    }

    private static Object fillValue(DType dtype) {
        return dtype == DType.BOOL ? (Object) Boolean.FALSE : dtype.isFloating() ? (Object) 0.0 : (Object) 0L;
    }

    /** The chunk file of grid position {@code g} relative to the array directory: v2 {@code i/j/…}, v3 {@code c/i/j/…}. */
    public static String chunkKey(int zarrFormat, long[] g) {
        StringBuilder key = new StringBuilder(zarrFormat == 3 ? "c" : "");
        for (int i = 0; i < g.length; i++) {
            key.append(i == 0 && zarrFormat == 2 ? "" : "/").append(g[i]);
        }
        if (g.length == 0) {
            key.append(zarrFormat == 3 ? "" : "0");
        }
        return key.toString();
    }

    /**
     * The bytes of the chunk at grid position {@code g}.
     *
     * @param box  the chunk's box clipped to the array (the region {@code data} covers)
     * @param data flat C-order primitive array of {@code dtype} holding exactly {@code box}; not kept
     */
    public static byte[] encode(long[] g, int[] chunks, Box box, Object data, DType dtype, Compression compression) {
        Box full = ChunkGrid.chunkBox(g, chunks);
        Object padded = data;
        int n = Math.toIntExact(full.numElements());
        if (!full.equals(box)) {
            padded = Block.newStorage(dtype, n);
            Regions.copy(data, box, padded, full, box);
        }
        byte[] raw = ByteCodec.toBytes(padded, dtype, 0, n, ByteOrder.LITTLE_ENDIAN);
        if (compression == Compression.BLOSC_LZ4) {
            return Blosc.compress(raw, dtype.byteSize());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 2 + 64);
        try (GZIPOutputStream gz = new LevelOneGzip(out)) {
            gz.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory streams do not fail
        }
        return out.toByteArray();
    }

    private static final class LevelOneGzip extends GZIPOutputStream {
        LevelOneGzip(OutputStream out) throws IOException {
            super(out, 64 * 1024);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
