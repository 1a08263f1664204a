package org.jilastik.io.npy;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jilastik.array.DType;

/**
 * The header of a numpy {@code .npy} file (format versions 1–3): element type, byte order, memory order and
 * shape, and where the raw data start. Parsed with regular expressions from the Python-literal dictionary;
 * nothing is evaluated.
 *
 * @param dtype element type
 * @param order byte order of multi-byte elements
 * @param fortranOrder whether the data are stored in Fortran (column-major) order
 * @param shape extents, numpy order
 * @param dataOffset byte offset of the first element
 */
public record NpyHeader(DType dtype, ByteOrder order, boolean fortranOrder, long[] shape, long dataOffset) {
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([a-zA-Z])(\\d+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    /**
     * Parses the dictionary text of a header.
     *
     * @throws IllegalArgumentException naming what is missing or unsupported
     */
    public static NpyHeader parse(String dict, long dataOffset) {
        Matcher d = DESCR.matcher(dict);
        Matcher f = FORTRAN.matcher(dict);
        Matcher s = SHAPE.matcher(dict);
        if (!d.find() || !f.find() || !s.find()) {
            throw new IllegalArgumentException("npy header lacks descr, fortran_order or shape: " + dict.trim());
        }
        ByteOrder order = d.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        DType dtype = dtypeOf(d.group(2), Integer.parseInt(d.group(3)));
        List<Long> dims = new ArrayList<>();
        for (String p : s.group(1).split(",")) {
            if (!p.isBlank()) {
                dims.add(Long.parseLong(p.trim().replace("L", "")));
            }
        }
        long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
        return new NpyHeader(dtype, order, f.group(1).equals("True"), shape, dataOffset);
    }

    private static DType dtypeOf(String kind, int bytes) {
        DType t = switch (kind) {
            case "b" -> bytes == 1 ? DType.BOOL : null;
            case "u" -> bytes == 1 ? DType.UINT8 : bytes == 2 ? DType.UINT16 : bytes == 4 ? DType.UINT32
                    : bytes == 8 ? DType.UINT64 : null;
            case "i" -> bytes == 1 ? DType.INT8 : bytes == 2 ? DType.INT16 : bytes == 4 ? DType.INT32
                    : bytes == 8 ? DType.INT64 : null;
            case "f" -> bytes == 4 ? DType.FLOAT32 : bytes == 8 ? DType.FLOAT64 : null;
            default -> null;
        };
        if (t == null) {
            throw new IllegalArgumentException("npy element type '" + kind + bytes + "' is not supported "
                    + "(bool, 8-64 bit integers, float32, float64 are)");
        }
        return t;
    }
}
