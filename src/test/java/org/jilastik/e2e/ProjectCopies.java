package org.jilastik.e2e;

import static org.bytedeco.hdf5.global.hdf5.H5F_ACC_RDWR;
import static org.bytedeco.hdf5.global.hdf5.H5Fclose;
import static org.bytedeco.hdf5.global.hdf5.H5Fopen;
import static org.bytedeco.hdf5.global.hdf5.H5Ldelete;
import static org.bytedeco.hdf5.global.hdf5.H5P_DEFAULT;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Modified copies of a project for negative tests (native HDF5 through the project's own dependency). */
final class ProjectCopies {
    private ProjectCopies() {
    }

    /** Copies {@code ilp} to {@code out} and unlinks the group or dataset {@code path} in the copy. */
    static void withoutGroup(Path ilp, Path out, String path) throws IOException {
        Files.copy(ilp.toRealPath(), out, StandardCopyOption.REPLACE_EXISTING);
        out.toFile().setWritable(true);
        long file = H5Fopen(out.toString(), H5F_ACC_RDWR, H5P_DEFAULT);
        if (file < 0) {
            throw new IOException("cannot open " + out);
        }
        try {
            if (H5Ldelete(file, path, H5P_DEFAULT) < 0) {
                throw new IOException("cannot delete " + path + " in " + out);
            }
        } finally {
            H5Fclose(file);
        }
    }
}
