package org.jilastik.e2e;

import static org.bytedeco.hdf5.global.hdf5.H5Dclose;
import static org.bytedeco.hdf5.global.hdf5.H5Dcreate2;
import static org.bytedeco.hdf5.global.hdf5.H5Dwrite;
import static org.bytedeco.hdf5.global.hdf5.H5F_ACC_RDONLY;
import static org.bytedeco.hdf5.global.hdf5.H5F_ACC_RDWR;
import static org.bytedeco.hdf5.global.hdf5.H5Gclose;
import static org.bytedeco.hdf5.global.hdf5.H5Gcreate2;
import static org.bytedeco.hdf5.global.hdf5.H5Ocopy;
import static org.bytedeco.hdf5.global.hdf5.H5S_ALL;
import static org.bytedeco.hdf5.global.hdf5.H5S_SCALAR;
import static org.bytedeco.hdf5.global.hdf5.H5Sclose;
import static org.bytedeco.hdf5.global.hdf5.H5Screate;
import static org.bytedeco.hdf5.global.hdf5.H5T_C_S1_g;
import static org.bytedeco.hdf5.global.hdf5.H5T_NATIVE_INT64_g;
import static org.bytedeco.hdf5.global.hdf5.H5T_STD_I64LE_g;
import static org.bytedeco.hdf5.global.hdf5.H5Tclose;
import static org.bytedeco.hdf5.global.hdf5.H5Tcopy;
import static org.bytedeco.hdf5.global.hdf5.H5Tset_size;
import static org.bytedeco.hdf5.global.hdf5.H5Fclose;
import static org.bytedeco.hdf5.global.hdf5.H5Fopen;
import static org.bytedeco.hdf5.global.hdf5.H5Ldelete;
import static org.bytedeco.hdf5.global.hdf5.H5P_DEFAULT;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.charset.StandardCharsets;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.LongPointer;

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

    /**
     * An object-workflow variant of {@code ilp} written to {@code out}: {@code workflowName} replaced, an empty
     * {@code ThresholdTwoLevels} group (ilastik's defaults) with {@code Channel} = {@code channel}, and the groups
     * {@code copied} copied from {@code donor} (e.g. a Pixel Classification project's pixel stage).
     */
    static void objectVariant(Path ilp, Path out, String workflowName, long channel, Path donor, String... copied)
            throws IOException {
        objectVariant(ilp, out, workflowName, java.util.Map.of("Channel", channel), donor, copied);
    }

    /**
     * As {@link #objectVariant(Path, Path, String, long, Path, String...)} with the int64 scalars
     * {@code thresholdInts} (e.g. {@code Channel}, {@code CurOperator}, {@code MinSize}) in {@code ThresholdTwoLevels}.
     */
    static void objectVariant(Path ilp, Path out, String workflowName, java.util.Map<String, Long> thresholdInts,
            Path donor, String... copied) throws IOException {
        withoutGroup(ilp, out, "workflowName");
        long file = H5Fopen(out.toString(), H5F_ACC_RDWR, H5P_DEFAULT);
        if (file < 0) {
            throw new IOException("cannot open " + out);
        }
        try {
            byte[] name = workflowName.getBytes(StandardCharsets.US_ASCII);
            long type = H5Tcopy(H5T_C_S1_g());
            H5Tset_size(type, name.length);
            long space = H5Screate(H5S_SCALAR);
            long ds = H5Dcreate2(file, "workflowName", type, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
            check(H5Dwrite(ds, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, new BytePointer(name)), "workflowName");
            H5Dclose(ds);
            H5Tclose(type);
            long g = H5Gcreate2(file, "ThresholdTwoLevels", H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
            for (java.util.Map.Entry<String, Long> e : thresholdInts.entrySet()) {
                long cd = H5Dcreate2(g, e.getKey(), H5T_STD_I64LE_g(), space, H5P_DEFAULT, H5P_DEFAULT,
                        H5P_DEFAULT);
                check(H5Dwrite(cd, H5T_NATIVE_INT64_g(), H5S_ALL, H5S_ALL, H5P_DEFAULT,
                        new LongPointer(new long[] {e.getValue()})), e.getKey());
                H5Dclose(cd);
            }
            H5Gclose(g);
            H5Sclose(space);
            if (donor != null) {
                long src = H5Fopen(donor.toRealPath().toString(), H5F_ACC_RDONLY, H5P_DEFAULT);
                try {
                    for (String path : copied) {
                        check(H5Ocopy(src, path, file, path, H5P_DEFAULT, H5P_DEFAULT), "copy " + path);
                    }
                } finally {
                    H5Fclose(src);
                }
            }
        } finally {
            H5Fclose(file);
        }
    }

    private static void check(int status, String what) throws IOException {
        if (status < 0) {
            throw new IOException("HDF5 failed: " + what);
        }
    }
}
