package org.jilastik.project.pickle;

import java.util.List;
import java.util.Map;

/**
 * A numpy dtype read from a pickle: plain ({@code f8}, {@code i8}, {@code u1}, {@code b1}, ...) or a record
 * ({@code V56} with named fields at byte offsets). Immutable.
 *
 * @param kind      numpy's kind letter: {@code f} float, {@code i} signed, {@code u} unsigned, {@code b} bool,
 *                  {@code V} void/record, {@code c} complex, {@code O} object, ...
 * @param itemSize  bytes per element
 * @param bigEndian whether multi-byte values are big-endian ({@code >}); {@code <}, {@code |} and {@code =} read
 *                  as little-endian
 * @param names     field names in order (empty for a plain dtype), unmodifiable
 * @param fields    field name → its dtype and byte offset (empty for a plain dtype), unmodifiable
 */
public record NumpyDtype(char kind, int itemSize, boolean bigEndian, List<String> names, Map<String, Field> fields) {

    /**
     * One field of a record dtype.
     *
     * @param dtype  the field's dtype
     * @param offset its byte offset within the record
     */
    public record Field(NumpyDtype dtype, int offset) {
    }

    /** Whether this dtype has named fields. */
    public boolean isRecord() {
        return !names.isEmpty();
    }

    /** numpy's {@code dtype.str} without the byte order, e.g. {@code f8}. */
    public String code() {
        return kind + Integer.toString(itemSize);
    }
}
