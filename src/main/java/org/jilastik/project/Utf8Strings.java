package org.jilastik.project;

import io.jhdf.GlobalHeap;
import io.jhdf.api.Dataset;
import io.jhdf.dataset.DatasetBase;
import io.jhdf.object.datatype.StringData;
import io.jhdf.object.datatype.VariableLength;
import io.jhdf.storage.HdfBackingStorage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes string datasets as UTF-8 from their raw bytes. h5py labels {@code bytes} strings as ASCII, so jhdf
 * turns every non-ASCII byte (e.g. the two bytes of {@code σ} in {@code feature_names}) into U+FFFD; this class
 * reads the same elements again and decodes them as UTF-8.
 *
 * <p>Layouts: fixed-length strings are {@code size} bytes per element, cut at the first NUL; variable-length
 * strings are, per element, a uint32 length, a global-heap collection address ({@code sizeOfOffsets} bytes) and a
 * uint32 object index, all little-endian. Stateless, thread safe.
 */
final class Utf8Strings {
    private Utf8Strings() {
    }

    /** The strings of {@code d} in C-order decoded as UTF-8, or null if {@code d} is not a plain string dataset. */
    static List<String> read(Dataset d) {
        if (!(d instanceof DatasetBase base)) {
            return null;
        }
        try {
            ByteBuffer raw = base.getDataBuffer().order(ByteOrder.LITTLE_ENDIAN);
            long n = d.isScalar() ? 1 : d.getSize();
            if (d.getDataType() instanceof StringData fixed) {
                return readFixed(raw, fixed.getSize(), n);
            }
            if (d.getDataType() instanceof VariableLength vlen && vlen.isVariableLengthString()) {
                return readVariable(raw, d.getHdfFile().getHdfBackingStorage(), n);
            }
            return null;
        } catch (RuntimeException e) {
            return null; // fall back to jhdf's own decoding
        }
    }

    private static List<String> readFixed(ByteBuffer raw, int size, long n) {
        List<String> out = new ArrayList<>();
        byte[] element = new byte[size];
        for (long i = 0; i < n; i++) {
            raw.get(element);
            int len = 0;
            while (len < size && element[len] != 0) {
                len++;
            }
            out.add(new String(element, 0, len, StandardCharsets.UTF_8));
        }
        return out;
    }

    private static List<String> readVariable(ByteBuffer raw, HdfBackingStorage storage, long n) {
        int offsetSize = storage.getSizeOfOffsets();
        Map<Long, GlobalHeap> heaps = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            int length = raw.getInt();
            long address = offsetSize == 8 ? raw.getLong() : Integer.toUnsignedLong(raw.getInt());
            int index = raw.getInt();
            if (length == 0) {
                out.add("");
                continue;
            }
            GlobalHeap heap = heaps.computeIfAbsent(address, a -> new GlobalHeap(storage, a));
            ByteBuffer obj = heap.getObjectData(index);
            byte[] bytes = new byte[Math.min(length, obj.remaining())];
            obj.get(bytes);
            int len = bytes.length;
            while (len > 0 && bytes[len - 1] == 0) {
                len--;
            }
            out.add(new String(bytes, 0, len, StandardCharsets.UTF_8));
        }
        return out;
    }
}
