package org.jilastik.array;

import java.util.Locale;

/**
 * Element types of images and exports, named as numpy names them.
 *
 * <p>Java has no unsigned types: unsigned values live in the signed primitive of the same width
 * ({@code uint8} in {@code byte[]}, {@code uint16} in {@code short[]}, {@code uint32} in {@code int[]},
 * {@code uint64} in {@code long[]}) and are widened with masking. {@code bool} is stored as {@code byte} 0/1.
 */
public enum DType {
    BOOL("bool", 1, false, false),
    UINT8("uint8", 1, false, false),
    INT8("int8", 1, false, true),
    UINT16("uint16", 2, false, false),
    INT16("int16", 2, false, true),
    UINT32("uint32", 4, false, false),
    INT32("int32", 4, false, true),
    UINT64("uint64", 8, false, false),
    INT64("int64", 8, false, true),
    FLOAT32("float32", 4, true, true),
    FLOAT64("float64", 8, true, true);

    private final String numpyName;
    private final int byteSize;
    private final boolean floating;
    private final boolean signed;

    DType(String numpyName, int byteSize, boolean floating, boolean signed) {
        this.numpyName = numpyName;
        this.byteSize = byteSize;
        this.floating = floating;
        this.signed = signed;
    }

    /** numpy's name, e.g. {@code "uint8"}. */
    public String numpyName() {
        return numpyName;
    }

    /** Bytes per element. */
    public int byteSize() {
        return byteSize;
    }

    /** Whether this is float32 or float64. */
    public boolean isFloating() {
        return floating;
    }

    /** Whether negative values are representable. */
    public boolean isSigned() {
        return signed;
    }

    /** Whether this is an integer type (bool excluded). */
    public boolean isInteger() {
        return !floating && this != BOOL;
    }

    /**
     * Looks a type up by numpy name ({@code "uint8"}, {@code "float32"}, also {@code "float"} = float64,
     * {@code "bool_"}).
     *
     * @throws IllegalArgumentException naming the accepted names
     */
    public static DType fromNumpyName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.equals("float")) {
            return FLOAT64;
        }
        if (n.equals("bool_")) {
            return BOOL;
        }
        for (DType t : values()) {
            if (t.numpyName.equals(n)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown dtype \"" + name + "\"; expected one of bool, uint8, int8, "
                + "uint16, int16, uint32, int32, uint64, int64, float32, float64");
    }

    @Override
    public String toString() {
        return numpyName;
    }
}
