package org.jilastik.io.zarr;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jilastik.array.DType;
import org.jilastik.error.JilastikException;

/**
 * The metadata of a Zarr array, version 2 ({@code .zarray}) or 3 ({@code zarr.json}), reduced to what reading
 * needs: shape, chunk shape (C-order), element type and byte order, whether chunks are gzip/zlib- or
 * Blosc-compressed,
 * whether a trailing crc32c checksum must be skipped, the fill value, how chunk keys are spelled, and the
 * dimension names (or null).
 */
record ZarrArrayMeta(long[] shape, int[] chunks, DType dtype, ByteOrder order, boolean deflated, boolean blosc,
        boolean crc32c, double fillValue, String keyPrefix, String separator, List<String> dimensionNames) {

    /** The relative file name of the chunk at grid index {@code g}. */
    String chunkKey(long[] g) {
        StringBuilder sb = new StringBuilder(keyPrefix);
        for (int i = 0; i < g.length; i++) {
            sb.append(i == 0 ? "" : separator).append(g[i]);
        }
        if (g.length == 0) {
            sb.append('0');
        }
        return sb.toString();
    }

    static ZarrArrayMeta fromV2(Map<String, Object> m, Map<String, Object> attrs, String where) {
        String dt = String.valueOf(m.get("dtype"));
        if (dt.length() < 3) {
            throw unsupported(where, "dtype " + dt);
        }
        ByteOrder order = dt.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        DType dtype = dtypeOf(dt.charAt(1), Integer.parseInt(dt.substring(2)), where);
        if (!"C".equals(m.getOrDefault("order", "C"))) {
            throw unsupported(where, "order " + m.get("order"));
        }
        if (m.get("filters") instanceof List<?> f && !f.isEmpty()) {
            throw unsupported(where, "filters " + f);
        }
        boolean deflated = false;
        boolean blosc = false;
        if (m.get("compressor") instanceof Map<?, ?> c) {
            String id = String.valueOf(c.get("id"));
            blosc = id.equals("blosc");
            if (!id.equals("zlib") && !id.equals("gzip") && !blosc) {
                throw unsupported(where, "compressor '" + id + "'");
            }
            deflated = !blosc;
        }
        String sep = m.get("dimension_separator") instanceof String s ? s : ".";
        List<String> names = null;
        if (attrs != null && attrs.get("_ARRAY_DIMENSIONS") instanceof List<?> l) {
            names = strings(l);
        }
        return new ZarrArrayMeta(longs(m.get("shape")), ints(m.get("chunks")), dtype, order, deflated, blosc, false,
                fill(m.get("fill_value")), "", sep, names);
    }

    static ZarrArrayMeta fromV3(Map<String, Object> m, String where) {
        String dt = String.valueOf(m.get("data_type"));
        DType dtype;
        try {
            dtype = DType.fromNumpyName(dt);
        } catch (IllegalArgumentException e) {
            throw unsupported(where, "data_type " + dt);
        }
        Map<?, ?> grid = (Map<?, ?>) m.get("chunk_grid");
        if (grid == null || !"regular".equals(grid.get("name"))) {
            throw unsupported(where, "chunk grid " + (grid == null ? null : grid.get("name")));
        }
        int[] chunks = ints(((Map<?, ?>) grid.get("configuration")).get("chunk_shape"));
        String prefix = "c/";
        String sep = "/";
        if (m.get("chunk_key_encoding") instanceof Map<?, ?> enc) {
            boolean v2 = "v2".equals(enc.get("name"));
            sep = v2 ? "." : "/";
            if (enc.get("configuration") instanceof Map<?, ?> conf && conf.get("separator") instanceof String s) {
                sep = s;
            }
            prefix = v2 ? "" : "c" + sep;
        }
        ByteOrder order = ByteOrder.LITTLE_ENDIAN;
        boolean deflated = false;
        boolean blosc = false;
        boolean crc = false;
        for (Object o : (List<?>) m.get("codecs")) {
            Map<?, ?> codec = (Map<?, ?>) o;
            String name = String.valueOf(codec.get("name"));
            Map<?, ?> conf = codec.get("configuration") instanceof Map<?, ?> c ? c : Map.of();
            switch (name) {
                case "bytes" -> order = "big".equals(conf.get("endian")) ? ByteOrder.BIG_ENDIAN
                        : ByteOrder.LITTLE_ENDIAN;
                case "gzip", "zlib" -> deflated = true;
                case "blosc" -> blosc = true;
                case "crc32c" -> crc = true;
                default -> throw unsupported(where, "codec '" + name + "'");
            }
        }
        List<String> names = m.get("dimension_names") instanceof List<?> l ? strings(l) : null;
        return new ZarrArrayMeta(longs(m.get("shape")), chunks, dtype, order, deflated, blosc, crc,
                fill(m.get("fill_value")), prefix, sep, names);
    }

    private static DType dtypeOf(char kind, int bytes, String where) {
        String name = switch (kind) {
            case 'b' -> bytes == 1 ? "bool" : null;
            case 'u' -> "uint" + bytes * 8;
            case 'i' -> "int" + bytes * 8;
            case 'f' -> "float" + bytes * 8;
            default -> null;
        };
        try {
            return DType.fromNumpyName(String.valueOf(name));
        } catch (IllegalArgumentException e) {
            throw unsupported(where, "dtype " + kind + bytes);
        }
    }

    private static double fill(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if ("NaN".equals(v)) {
            return Double.NaN;
        }
        return 0;
    }

    private static long[] longs(Object o) {
        return ((List<?>) o).stream().mapToLong(x -> ((Number) x).longValue()).toArray();
    }

    private static int[] ints(Object o) {
        return ((List<?>) o).stream().mapToInt(x -> ((Number) x).intValue()).toArray();
    }

    private static List<String> strings(List<?> l) {
        List<String> out = new ArrayList<>();
        for (Object o : l) {
            out.add(o == null ? null : o.toString());
        }
        return out;
    }

    private static JilastikException unsupported(String where, String what) {
        return JilastikException.processing(where + " uses " + what + ", which jilastik cannot read yet; "
                + "rewrite it uncompressed or with gzip, zlib or blosc compression.");
    }
}
