package org.jilastik.io.hdf5;

import static org.bytedeco.hdf5.global.hdf5.*;
import static org.jilastik.io.hdf5.Hdf5NativeWriter.LOCK;
import static org.jilastik.io.hdf5.Hdf5NativeWriter.check;

import java.nio.file.Path;
import org.jilastik.error.JilastikException;
import org.jilastik.io.hdf5.Hdf5NativeWriter.Hdf5CallFailed;

/**
 * Creates (possibly empty) groups in an HDF5 file through native libhdf5, for formats that need a group without
 * datasets (e.g. the empty {@code tracking} group of an event-sequence file). Thread safe (libhdf5 lock).
 */
public final class Hdf5Groups {
    private Hdf5Groups() {
    }

    /**
     * Creates group {@code path} (and missing parents) in {@code file}, creating the file when it does not exist;
     * an existing group is left as it is.
     *
     * @throws JilastikException when the file cannot be created or written
     */
    public static void create(Path file, String path) {
        Path absolute = file.toAbsolutePath();
        LOCK.lock();
        long fileId = -1;
        try {
            fileId = absolute.toFile().exists() ? check(H5Fopen(absolute.toString(), H5F_ACC_RDWR, H5P_DEFAULT),
                    "H5Fopen") : check(H5Fcreate(absolute.toString(), H5F_ACC_EXCL, H5P_DEFAULT, H5P_DEFAULT),
                    "H5Fcreate");
            if (H5Lexists(fileId, path, H5P_DEFAULT) <= 0) {
                long lcpl = check(H5Pcreate(H5P_CLS_LINK_CREATE_ID_g()), "H5Pcreate");
                try {
                    check(H5Pset_create_intermediate_group(lcpl, 1), "H5Pset_create_intermediate_group");
                    check(H5Gclose(check(H5Gcreate2(fileId, path, lcpl, H5P_DEFAULT, H5P_DEFAULT),
                            "H5Gcreate2 " + path)), "H5Gclose");
                } finally {
                    H5Pclose(lcpl);
                }
            }
        } catch (Hdf5CallFailed e) {
            throw JilastikException.processing("cannot create group " + path + " in the HDF5 file " + absolute
                    + " (" + e.getMessage() + "); check that the directory is writable", e);
        } finally {
            if (fileId >= 0) {
                H5Fclose(fileId);
            }
            LOCK.unlock();
        }
    }
}
