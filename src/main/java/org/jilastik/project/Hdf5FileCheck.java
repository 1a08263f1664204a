package org.jilastik.project;

import io.jhdf.HdfFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jilastik.error.JilastikException;

/**
 * Checks that a path is a complete HDF5 file before the reader trusts it: it exists, is a regular file, starts
 * with the HDF5 signature (at byte 0, 512, 1024, 2048, ...), and is not shorter than the end-of-file address
 * its superblock records. Each failure is a {@link JilastikException} (exit code 1) with one sentence.
 * Stateless, thread safe.
 */
final class Hdf5FileCheck {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    private Hdf5FileCheck() {
    }

    /** Fails unless {@code file} exists, is readable and starts with the HDF5 signature. */
    static void requireHdf5(Path file) {
        String name = file.toString();
        if (!Files.exists(file)) {
            throw JilastikException.processing(name + " does not exist; pass the path of an ilastik project (.ilp)");
        }
        if (!Files.isRegularFile(file)) {
            throw JilastikException.processing(name + " is not a file; pass the path of an ilastik project (.ilp)");
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            for (long offset = 0; offset + SIGNATURE.length <= size; offset = offset == 0 ? 512 : offset * 2) {
                ByteBuffer b = ByteBuffer.allocate(SIGNATURE.length);
                ch.read(b, offset);
                if (java.util.Arrays.equals(b.array(), SIGNATURE)) {
                    return;
                }
            }
        } catch (IOException e) {
            throw JilastikException.processing(name + " cannot be read (" + e.getMessage()
                    + "); check the file's permissions", e);
        }
        throw JilastikException.processing(name + " is not an HDF5 file, so not an ilastik project;"
                + " pass the .ilp file that ilastik saved");
    }

    /** Fails if the file is shorter than the end-of-file address its superblock records. */
    static void requireComplete(HdfFile hdf, Path file) {
        long eof = hdf.getHdfBackingStorage().getSuperblock().getEndOfFileAddress()
                + hdf.getHdfBackingStorage().getSuperblock().getBaseAddressByte();
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw JilastikException.processing(file + " cannot be read (" + e.getMessage() + ")", e);
        }
        if (size < eof) {
            throw JilastikException.processing(file + " is truncated (" + size + " of " + eof
                    + " bytes); copy the project again or save it again in ilastik");
        }
    }
}
