package org.jilastik.io.hdf5;

import static org.bytedeco.hdf5.global.hdf5.*;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.ReentrantLock;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacpp.ShortPointer;
import org.jilastik.array.DType;

/**
 * The native side of HDF5 writing: the process-wide lock around libhdf5, return-code checks, dtype to HDF5 type
 * mapping and copies of Java arrays into native memory.
 *
 * <p>The bundled libhdf5 (bytedeco, built with the C++ API) is not thread safe, so every call into it from
 * jilastik goes through {@link #LOCK}; pure-Java HDF5 reading (jhdf) does not need it. Type ids come from the
 * {@code *_g()} globals, which are valid once {@code H5open()} has run (done in the static initialiser); the
 * macro constants of the same names are not usable from Java.
 */
final class Hdf5NativeWriter {
    /** Serialises all libhdf5 calls in this process. */
    static final ReentrantLock LOCK = new ReentrantLock();

    static {
        LOCK.lock();
        try {
            H5open();
            // Errors are reported through return codes and our own messages; the library's stack dumps on
            // stderr would bypass the one-sentence rule.
            H5Eset_auto2(H5E_DEFAULT, null, null);
        } finally {
            LOCK.unlock();
        }
    }

    private Hdf5NativeWriter() {
    }

    /** Throws {@link Hdf5CallFailed} when a libhdf5 call returned a negative status or id. */
    static long check(long status, String what) {
        if (status < 0) {
            throw new Hdf5CallFailed(what);
        }
        return status;
    }

    /** A failed libhdf5 call; the caller turns it into a user-facing sentence naming the file. */
    static final class Hdf5CallFailed extends RuntimeException {
        Hdf5CallFailed(String what) {
            super(what + " failed in libhdf5");
        }
    }

    /** The little-endian file type ilastik (h5py on x86) stores for {@code dtype}. */
    static long fileType(DType dtype) {
        return switch (dtype) {
            case BOOL, UINT8 -> H5T_STD_U8LE_g();
            case INT8 -> H5T_STD_I8LE_g();
            case UINT16 -> H5T_STD_U16LE_g();
            case INT16 -> H5T_STD_I16LE_g();
            case UINT32 -> H5T_STD_U32LE_g();
            case INT32 -> H5T_STD_I32LE_g();
            case UINT64 -> H5T_STD_U64LE_g();
            case INT64 -> H5T_STD_I64LE_g();
            case FLOAT32 -> H5T_IEEE_F32LE_g();
            case FLOAT64 -> H5T_IEEE_F64LE_g();
        };
    }

    /** The in-memory type matching jilastik's storage of {@code dtype} (unsigned values in signed arrays). */
    static long memoryType(DType dtype) {
        return switch (dtype) {
            case BOOL, UINT8 -> H5T_NATIVE_UINT8_g();
            case INT8 -> H5T_NATIVE_INT8_g();
            case UINT16 -> H5T_NATIVE_UINT16_g();
            case INT16 -> H5T_NATIVE_INT16_g();
            case UINT32 -> H5T_NATIVE_UINT32_g();
            case INT32 -> H5T_NATIVE_INT32_g();
            case UINT64 -> H5T_NATIVE_UINT64_g();
            case INT64 -> H5T_NATIVE_INT64_g();
            case FLOAT32 -> H5T_NATIVE_FLOAT_g();
            case FLOAT64 -> H5T_NATIVE_DOUBLE_g();
        };
    }

    /** A native copy of a Java primitive array; the caller closes it. */
    static Pointer nativeCopy(Object array) {
        return switch (array) {
            case byte[] a -> new BytePointer(a);
            case short[] a -> new ShortPointer(a);
            case int[] a -> new IntPointer(a);
            case long[] a -> new LongPointer(a);
            case float[] a -> new FloatPointer(a);
            case double[] a -> new DoublePointer(a);
            default -> throw new IllegalArgumentException("not a primitive array: " + array.getClass());
        };
    }

    /** A variable-length C string type ({@code STRSIZE H5T_VARIABLE}, null-terminated), ASCII or UTF-8. */
    static long variableStringType(boolean utf8) {
        long t = check(H5Tcopy(H5T_C_S1_g()), "H5Tcopy");
        check(H5Tset_size(t, H5T_VARIABLE), "H5Tset_size");
        check(H5Tset_strpad(t, H5T_STR_NULLTERM), "H5Tset_strpad");
        check(H5Tset_cset(t, utf8 ? H5T_CSET_UTF8 : H5T_CSET_ASCII), "H5Tset_cset");
        return t;
    }

    /**
     * Writes a variable-length string attribute on {@code objectId}: a scalar when {@code scalar} (then
     * {@code values} has one entry), else a 1-D array. Replaces an attribute of the same name.
     */
    static void writeStringAttribute(long objectId, String name, String[] values, boolean utf8, boolean scalar) {
        deleteAttributeIfPresent(objectId, name);
        long type = variableStringType(utf8);
        long space = scalar ? check(H5Screate(H5S_SCALAR), "H5Screate")
                : check(H5Screate_simple(1, new long[] {values.length}, (long[]) null), "H5Screate_simple");
        BytePointer[] strings = new BytePointer[values.length];
        try (PointerPointer<BytePointer> ptrs = new PointerPointer<>(values.length)) {
            for (int i = 0; i < values.length; i++) {
                byte[] bytes = values[i].getBytes(utf8 ? StandardCharsets.UTF_8 : StandardCharsets.US_ASCII);
                strings[i] = new BytePointer(bytes.length + 1L);
                strings[i].put(bytes).put(bytes.length, (byte) 0);
                ptrs.put(i, strings[i]);
            }
            long attr = check(H5Acreate2(objectId, name, type, space, H5P_DEFAULT, H5P_DEFAULT), "H5Acreate2 " + name);
            try {
                check(H5Awrite(attr, type, ptrs), "H5Awrite " + name);
            } finally {
                H5Aclose(attr);
            }
        } finally {
            for (BytePointer s : strings) {
                if (s != null) {
                    s.close();
                }
            }
            H5Sclose(space);
            H5Tclose(type);
        }
    }

    /** Writes a 1-D numeric attribute of {@code dtype} holding {@code values} (a primitive array of that dtype). */
    static void writeNumericAttribute(long objectId, String name, DType dtype, Object values) {
        deleteAttributeIfPresent(objectId, name);
        int n = java.lang.reflect.Array.getLength(values);
        long space = check(H5Screate_simple(1, new long[] {n}, (long[]) null), "H5Screate_simple");
        try (Pointer data = nativeCopy(values)) {
            long attr = check(H5Acreate2(objectId, name, fileType(dtype), space, H5P_DEFAULT, H5P_DEFAULT),
                    "H5Acreate2 " + name);
            try {
                check(H5Awrite(attr, memoryType(dtype), data), "H5Awrite " + name);
            } finally {
                H5Aclose(attr);
            }
        } finally {
            H5Sclose(space);
        }
    }

    private static void deleteAttributeIfPresent(long objectId, String name) {
        if (check(H5Aexists(objectId, name), "H5Aexists " + name) > 0) {
            check(H5Adelete(objectId, name), "H5Adelete " + name);
        }
    }
}
