package org.jilastik.io.tiff;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every directory of a little-endian TIFF, classic or BigTIFF, read with nothing but the TIFF 6.0 / BigTIFF
 * layout (independent of jilastik's writers): per page a map tag → value, numeric values as {@code long[]}
 * (RATIONAL as numerator, denominator pairs), ASCII as a String without the NUL.
 */
public final class TiffPages {
    private TiffPages() {
    }

    /** Whether the file is a BigTIFF. */
    public static boolean isBigTiff(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        return b.getShort(2) == 43;
    }

    public static List<Map<Integer, Object>> read(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getShort(0) != 0x4949) {
            throw new IOException("not little-endian");
        }
        boolean big = b.getShort(2) == 43;
        long ifd = big ? b.getLong(8) : b.getInt(4) & 0xFFFFFFFFL;
        List<Map<Integer, Object>> pages = new ArrayList<>();
        while (ifd != 0) {
            int at = (int) ifd;
            long n = big ? b.getLong(at) : b.getShort(at) & 0xFFFF;
            int entries = at + (big ? 8 : 2);
            int size = big ? 20 : 12;
            Map<Integer, Object> tags = new TreeMap<>();
            for (int i = 0; i < n; i++) {
                int e = entries + size * i;
                int tag = b.getShort(e) & 0xFFFF;
                int type = b.getShort(e + 2);
                long count = big ? b.getLong(e + 4) : b.getInt(e + 4) & 0xFFFFFFFFL;
                int unit = switch (type) {
                    case 1, 2 -> 1;
                    case 3 -> 2;
                    case 4 -> 4;
                    default -> 8;
                };
                long bytes = unit * count;
                int field = e + (big ? 12 : 8);
                int val = bytes <= (big ? 8 : 4) ? field : (int) (big ? b.getLong(field) : b.getInt(field) & 0xFFFFFFFFL);
                if (type == 2) {
                    byte[] s = new byte[(int) count];
                    b.get(val, s);
                    tags.put(tag, new String(s, StandardCharsets.UTF_8).replaceAll("\u0000+$", ""));
                    continue;
                }
                int values = type == 5 ? (int) count * 2 : (int) count;
                long[] v = new long[values];
                for (int k = 0; k < values; k++) {
                    v[k] = switch (type) {
                        case 3 -> b.getShort(val + 2 * k) & 0xFFFF;
                        case 4, 5 -> b.getInt(val + 4 * k) & 0xFFFFFFFFL;
                        default -> b.getLong(val + 8 * k);
                    };
                }
                tags.put(tag, v);
            }
            pages.add(tags);
            int next = entries + size * (int) n;
            ifd = big ? b.getLong(next) : b.getInt(next) & 0xFFFFFFFFL;
        }
        return pages;
    }

    /** The pages' tags with offsets, byte counts, ImageDescription and Software left out, as comparable text. */
    public static List<String> layoutTags(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        for (Map<Integer, Object> page : read(file)) {
            StringBuilder s = new StringBuilder();
            for (Map.Entry<Integer, Object> e : page.entrySet()) {
                int t = e.getKey();
                if (t == 273 || t == 279 || t == 270 || t == 305) {
                    s.append(t).append(t == 270 || t == 305 ? "=<text> " : "=<offsets> ");
                    continue;
                }
                s.append(t).append('=').append(e.getValue() instanceof long[] v ? Arrays.toString(v) : e.getValue())
                        .append(' ');
            }
            out.add(s.toString().trim());
        }
        return out;
    }
}
