package org.jilastik.io.hdf5;

import static org.bytedeco.hdf5.global.hdf5.*;
import static org.jilastik.io.hdf5.Hdf5NativeWriter.LOCK;
import static org.jilastik.io.hdf5.Hdf5NativeWriter.check;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.jilastik.array.DType;
import org.jilastik.error.JilastikException;
import org.jilastik.io.hdf5.Hdf5NativeWriter.Hdf5CallFailed;

/**
 * Writes groups, small datasets and attributes into an HDF5 file with the types h5py gives them, which is what
 * an ilastik project ({@code .ilp}) needs: Python {@code bytes} → variable-length ASCII strings, {@code bool} →
 * h5py's enum {@code {FALSE: 0, TRUE: 1}} over int8, numbers → little-endian types of their dtype, Python
 * {@code str} attributes → variable-length UTF-8 strings.
 *
 * <p>Paths are absolute or relative to the file root, {@code /}-separated; missing parent groups are created.
 * Writing a dataset that exists replaces it (its link is deleted first). Whole arrays are written in one call, so
 * this is for metadata, labels and forests, not for images of any size (use {@link Hdf5DatasetWriter}).
 *
 * <p>Not thread safe; every call takes the process-wide libhdf5 lock. Close to flush and release the file.
 */
public final class Hdf5Editor implements AutoCloseable {
    private final Path file;
    private long fileId;

    private Hdf5Editor(Path file, long fileId) {
        this.file = file;
        this.fileId = fileId;
    }

    /** Creates (or truncates) {@code file}. */
    public static Hdf5Editor create(Path file) {
        return open(file, true);
    }

    /** Opens an existing {@code file} for reading and writing. */
    public static Hdf5Editor openReadWrite(Path file) {
        return open(file, false);
    }

    private static Hdf5Editor open(Path file, boolean create) {
        LOCK.lock();
        try {
            long fapl = check(H5Pcreate(H5P_CLS_FILE_ACCESS_ID_g()), "H5Pcreate");
            try {
                check(H5Pset_file_locking(fapl, true, true), "H5Pset_file_locking");
                long id = create ? H5Fcreate(file.toString(), H5F_ACC_TRUNC, H5P_DEFAULT, fapl)
                        : H5Fopen(file.toString(), H5F_ACC_RDWR, fapl);
                if (id < 0) {
                    throw JilastikException.processing("cannot " + (create ? "create" : "open for writing")
                            + " the HDF5 file " + file + "; check that its directory exists and is writable");
                }
                return new Hdf5Editor(file, id);
            } finally {
                H5Pclose(fapl);
            }
        } finally {
            LOCK.unlock();
        }
    }

    /** Whether an object exists at {@code path} (every component checked). */
    public boolean exists(String path) {
        LOCK.lock();
        try {
            StringBuilder prefix = new StringBuilder();
            for (String part : normalise(path).substring(1).split("/")) {
                if (part.isEmpty()) {
                    continue;
                }
                prefix.append('/').append(part);
                if (H5Lexists(fileId, prefix.toString(), H5P_DEFAULT) <= 0) {
                    return false;
                }
            }
            return true;
        } finally {
            LOCK.unlock();
        }
    }

    /** Deletes the link at {@code path} if it exists (the space is not reclaimed, as with h5py's {@code del}). */
    public void delete(String path) {
        if (exists(path)) {
            run(() -> check(H5Ldelete(fileId, normalise(path), H5P_DEFAULT), "H5Ldelete " + path));
        }
    }

    /** Creates the group at {@code path} and its missing parents; an existing group is kept. */
    public void createGroup(String path) {
        if (exists(path)) {
            return;
        }
        run(() -> {
            long lcpl = intermediateGroups();
            try {
                long g = check(H5Gcreate2(fileId, normalise(path), lcpl, H5P_DEFAULT, H5P_DEFAULT),
                        "H5Gcreate2 " + path);
                H5Gclose(g);
            } finally {
                H5Pclose(lcpl);
            }
        });
    }

    /** A scalar variable-length ASCII string dataset (h5py's {@code bytes} value). */
    public void writeString(String path, String value) {
        writeStrings(path, new String[] {value}, true, false);
    }

    /** A scalar variable-length UTF-8 string dataset (h5py's {@code str} value). */
    public void writeUtf8String(String path, String value) {
        writeStrings(path, new String[] {value}, true, true);
    }

    /** A 1-D variable-length ASCII string dataset (h5py's array of {@code bytes}). */
    public void writeStrings(String path, List<String> values) {
        writeStrings(path, values.toArray(String[]::new), false, false);
    }

    private void writeStrings(String path, String[] values, boolean scalar, boolean utf8) {
        replace(path);
        run(() -> {
            long type = Hdf5NativeWriter.variableStringType(utf8);
            long space = scalar ? check(H5Screate(H5S_SCALAR), "H5Screate")
                    : check(H5Screate_simple(1, new long[] {values.length}, (long[]) null), "H5Screate_simple");
            BytePointer[] strings = new BytePointer[values.length];
            long lcpl = intermediateGroups();
            try (PointerPointer<BytePointer> ptrs = new PointerPointer<>(Math.max(1, values.length))) {
                for (int i = 0; i < values.length; i++) {
                    byte[] bytes = values[i].getBytes(StandardCharsets.UTF_8);
                    strings[i] = new BytePointer(bytes.length + 1L);
                    strings[i].put(bytes).put(bytes.length, (byte) 0);
                    ptrs.put(i, strings[i]);
                }
                long ds = check(H5Dcreate2(fileId, normalise(path), type, space, lcpl, H5P_DEFAULT, H5P_DEFAULT),
                        "H5Dcreate2 " + path);
                try {
                    if (values.length > 0) {
                        check(H5Dwrite(ds, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, ptrs), "H5Dwrite " + path);
                    }
                } finally {
                    H5Dclose(ds);
                }
            } finally {
                for (BytePointer s : strings) {
                    if (s != null) {
                        s.close();
                    }
                }
                H5Pclose(lcpl);
                H5Sclose(space);
                H5Tclose(type);
            }
        });
    }

    /**
     * A bool dataset as h5py stores numpy bools (enum {@code FALSE=0, TRUE=1} over int8).
     *
     * @param shape extents (C-order), or null for a scalar
     * @param values C-order values
     */
    public void writeBools(String path, long[] shape, boolean[] values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) (values[i] ? 1 : 0);
        }
        replace(path);
        run(() -> {
            long type = boolType();
            try {
                writeRaw(path, type, type, shape, bytes, 0);
            } finally {
                H5Tclose(type);
            }
        });
    }

    /**
     * A numeric dataset.
     *
     * @param dtype  the stored type (unsigned values in jilastik's signed Java arrays, e.g. uint32 in {@code int[]})
     * @param shape  extents (C-order), or null for a scalar
     * @param values a primitive array of the dtype's Java storage type, C-order
     * @param gzip   deflate level 1..9 (then chunked as one chunk), or 0 for contiguous storage
     */
    public void writeNumeric(String path, DType dtype, long[] shape, Object values, int gzip) {
        replace(path);
        run(() -> writeRaw(path, Hdf5NativeWriter.fileType(dtype), Hdf5NativeWriter.memoryType(dtype), shape,
                values, gzip));
    }

    /** A scalar variable-length UTF-8 string attribute (h5py's {@code str}) on the object at {@code path}. */
    public void setStringAttribute(String path, String name, String value) {
        onObject(path, id -> Hdf5NativeWriter.writeStringAttribute(id, name, new String[] {value}, true, true));
    }

    /** A scalar variable-length ASCII string attribute (h5py's {@code bytes}) on the object at {@code path}. */
    public void setAsciiStringAttribute(String path, String name, String value) {
        onObject(path, id -> Hdf5NativeWriter.writeStringAttribute(id, name, new String[] {value}, false, true));
    }

    /** A 1-D numeric attribute on the object at {@code path}. */
    public void setNumericAttribute(String path, String name, DType dtype, Object values) {
        onObject(path, id -> Hdf5NativeWriter.writeNumericAttribute(id, name, dtype, values));
    }

    /** A scalar bool attribute (h5py's numpy bool enum) on the object at {@code path}. */
    public void setBoolAttribute(String path, String name, boolean value) {
        onObject(path, id -> {
            if (check(H5Aexists(id, name), "H5Aexists") > 0) {
                check(H5Adelete(id, name), "H5Adelete");
            }
            long type = boolType();
            long space = check(H5Screate(H5S_SCALAR), "H5Screate");
            try (BytePointer v = new BytePointer(new byte[] {(byte) (value ? 1 : 0)})) {
                long a = check(H5Acreate2(id, name, type, space, H5P_DEFAULT, H5P_DEFAULT), "H5Acreate2 " + name);
                try {
                    check(H5Awrite(a, type, v), "H5Awrite " + name);
                } finally {
                    H5Aclose(a);
                }
            } finally {
                H5Sclose(space);
                H5Tclose(type);
            }
        });
    }

    @Override
    public void close() {
        if (fileId < 0) {
            return;
        }
        LOCK.lock();
        try {
            long status = H5Fclose(fileId);
            fileId = -1;
            if (status < 0) {
                throw JilastikException.processing("cannot finish writing the HDF5 file " + file
                        + "; check the free disk space");
            }
        } finally {
            LOCK.unlock();
        }
    }

    // ---- internals (called with the lock held) ----

    private void writeRaw(String path, long fileType, long memType, long[] shape, Object values, int gzip) {
        long space = shape == null ? check(H5Screate(H5S_SCALAR), "H5Screate")
                : check(H5Screate_simple(shape.length, shape, (long[]) null), "H5Screate_simple");
        long lcpl = intermediateGroups();
        long dcpl = check(H5Pcreate(H5P_CLS_DATASET_CREATE_ID_g()), "H5Pcreate");
        try (Pointer data = Hdf5NativeWriter.nativeCopy(values)) {
            boolean empty = shape != null && java.util.Arrays.stream(shape).anyMatch(s -> s == 0);
            if (gzip > 0 && shape != null && shape.length > 0 && !empty) {
                check(H5Pset_chunk(dcpl, shape.length, shape), "H5Pset_chunk");
                check(H5Pset_deflate(dcpl, gzip), "H5Pset_deflate");
            }
            long ds = check(H5Dcreate2(fileId, normalise(path), fileType, space, lcpl, dcpl, H5P_DEFAULT),
                    "H5Dcreate2 " + path);
            try {
                if (!empty) {
                    check(H5Dwrite(ds, memType, H5S_ALL, H5S_ALL, H5P_DEFAULT, data), "H5Dwrite " + path);
                }
            } finally {
                H5Dclose(ds);
            }
        } finally {
            H5Pclose(dcpl);
            H5Pclose(lcpl);
            H5Sclose(space);
        }
    }

    private static long boolType() {
        long type = check(H5Tenum_create(H5T_NATIVE_INT8_g()), "H5Tenum_create");
        try (BytePointer f = new BytePointer(new byte[] {0}); BytePointer t = new BytePointer(new byte[] {1})) {
            check(H5Tenum_insert(type, "FALSE", f), "H5Tenum_insert");
            check(H5Tenum_insert(type, "TRUE", t), "H5Tenum_insert");
        }
        return type;
    }

    private static long intermediateGroups() {
        long lcpl = check(H5Pcreate(H5P_CLS_LINK_CREATE_ID_g()), "H5Pcreate");
        check(H5Pset_create_intermediate_group(lcpl, 1), "H5Pset_create_intermediate_group");
        return lcpl;
    }

    private void replace(String path) {
        delete(path);
    }

    private interface ObjectAction {
        void apply(long objectId);
    }

    private void onObject(String path, ObjectAction action) {
        run(() -> {
            long id = check(H5Oopen(fileId, normalise(path), H5P_DEFAULT), "H5Oopen " + path);
            try {
                action.apply(id);
            } finally {
                H5Oclose(id);
            }
        });
    }

    private void run(Runnable r) {
        LOCK.lock();
        try {
            r.run();
        } catch (Hdf5CallFailed e) {
            throw JilastikException.processing("cannot write to the HDF5 file " + file + " (" + e.getMessage()
                    + "); check the free disk space and that no other program has it open", e);
        } finally {
            LOCK.unlock();
        }
    }

    private static String normalise(String path) {
        String p = path.replace('\\', '/');
        return p.startsWith("/") ? p : "/" + p;
    }
}
