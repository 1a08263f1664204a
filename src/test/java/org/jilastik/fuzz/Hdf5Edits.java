package org.jilastik.fuzz;

import static org.bytedeco.hdf5.global.hdf5.H5Dclose;
import static org.bytedeco.hdf5.global.hdf5.H5Dcreate2;
import static org.bytedeco.hdf5.global.hdf5.H5Dwrite;
import static org.bytedeco.hdf5.global.hdf5.H5F_ACC_RDWR;
import static org.bytedeco.hdf5.global.hdf5.H5F_ACC_TRUNC;
import static org.bytedeco.hdf5.global.hdf5.H5Fclose;
import static org.bytedeco.hdf5.global.hdf5.H5Fcreate;
import static org.bytedeco.hdf5.global.hdf5.H5Fopen;
import static org.bytedeco.hdf5.global.hdf5.H5Ldelete;
import static org.bytedeco.hdf5.global.hdf5.H5Lexists;
import static org.bytedeco.hdf5.global.hdf5.H5Lmove;
import static org.bytedeco.hdf5.global.hdf5.H5P_DEFAULT;
import static org.bytedeco.hdf5.global.hdf5.H5S_ALL;
import static org.bytedeco.hdf5.global.hdf5.H5S_SCALAR;
import static org.bytedeco.hdf5.global.hdf5.H5Sclose;
import static org.bytedeco.hdf5.global.hdf5.H5Screate;
import static org.bytedeco.hdf5.global.hdf5.H5Screate_simple;
import static org.bytedeco.hdf5.global.hdf5.H5T_C_S1_g;
import static org.bytedeco.hdf5.global.hdf5.H5T_NATIVE_INT64_g;
import static org.bytedeco.hdf5.global.hdf5.H5T_STD_I64LE_g;
import static org.bytedeco.hdf5.global.hdf5.H5Tclose;
import static org.bytedeco.hdf5.global.hdf5.H5Tcopy;
import static org.bytedeco.hdf5.global.hdf5.H5Tset_size;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.LongPointer;

/**
 * HDF5-level edits of a copy of an HDF5 file (an {@code .ilp} project or an image), through the project's own
 * native HDF5 dependency: remove a group or dataset, move it to another name, or replace it by a dataset of
 * another type (a string, or int64 numbers). For damaged-project tests and the project fuzzer; the original is
 * never opened for writing. Not thread safe (libhdf5 is not); callers serialise.
 */
public final class Hdf5Edits implements AutoCloseable {
    private final long file;
    private final Path path;

    private Hdf5Edits(Path path, boolean create) throws IOException {
        this.path = path;
        this.file = create ? H5Fcreate(path.toString(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT)
                : H5Fopen(path.toString(), H5F_ACC_RDWR, H5P_DEFAULT);
        if (file < 0) {
            throw new IOException("cannot open " + path + " with libhdf5");
        }
    }

    /** Copies {@code original} to {@code copy} (replacing it) and opens the copy for editing. */
    public static Hdf5Edits copy(Path original, Path copy) throws IOException {
        Files.copy(original.toRealPath(), copy, StandardCopyOption.REPLACE_EXISTING);
        copy.toFile().setWritable(true);
        return new Hdf5Edits(copy, false);
    }

    /** Creates an empty HDF5 file {@code file} (replacing it) and opens it for editing. */
    public static Hdf5Edits create(Path file) throws IOException {
        return new Hdf5Edits(file, true);
    }

    /** Unlinks the group or dataset {@code name} (absolute HDF5 path). */
    public Hdf5Edits delete(String name) throws IOException {
        check(H5Ldelete(file, name, H5P_DEFAULT), "delete " + name);
        return this;
    }

    /** Renames {@code from} to {@code to} (absolute HDF5 paths; the parent of {@code to} must exist). */
    public Hdf5Edits move(String from, String to) throws IOException {
        check(H5Lmove(file, from, file, to, H5P_DEFAULT, H5P_DEFAULT), "move " + from + " to " + to);
        return this;
    }

    /** Replaces (or creates) {@code name} by a scalar fixed-length ASCII string dataset holding {@code value}. */
    public Hdf5Edits putString(String name, String value) throws IOException {
        deleteIfPresent(name);
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        long type = H5Tcopy(H5T_C_S1_g());
        H5Tset_size(type, Math.max(1, bytes.length));
        long space = H5Screate(H5S_SCALAR);
        long ds = H5Dcreate2(file, name, type, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
        try {
            check(ds, "create " + name);
            check(H5Dwrite(ds, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, new BytePointer(bytes.length == 0
                    ? new byte[1] : bytes)), "write " + name);
        } finally {
            if (ds >= 0) {
                H5Dclose(ds);
            }
            H5Sclose(space);
            H5Tclose(type);
        }
        return this;
    }

    /** Replaces (or creates) {@code name} by an int64 dataset of shape {@code dims} holding {@code values}. */
    public Hdf5Edits putLongs(String name, long[] dims, long[] values) throws IOException {
        deleteIfPresent(name);
        long space = dims.length == 0 ? H5Screate(H5S_SCALAR) : H5Screate_simple(dims.length, dims, null);
        long ds = H5Dcreate2(file, name, H5T_STD_I64LE_g(), space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
        try {
            check(ds, "create " + name);
            if (values.length > 0) {
                check(H5Dwrite(ds, H5T_NATIVE_INT64_g(), H5S_ALL, H5S_ALL, H5P_DEFAULT, new LongPointer(values)),
                        "write " + name);
            }
        } finally {
            if (ds >= 0) {
                H5Dclose(ds);
            }
            H5Sclose(space);
        }
        return this;
    }

    private void deleteIfPresent(String name) throws IOException {
        if (H5Lexists(file, name, H5P_DEFAULT) > 0) {
            delete(name);
        }
    }

    @Override
    public void close() {
        H5Fclose(file);
    }

    private void check(long status, String what) throws IOException {
        if (status < 0) {
            throw new IOException("HDF5 failed: " + what + " in " + path);
        }
    }
}
