package org.jilastik.io.hdf5;

import static org.bytedeco.hdf5.global.hdf5.*;
import static org.jilastik.io.hdf5.Hdf5NativeWriter.LOCK;
import static org.jilastik.io.hdf5.Hdf5NativeWriter.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bytedeco.javacpp.Pointer;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.DType;
import org.jilastik.error.JilastikException;
import org.jilastik.io.ImageSink;
import org.jilastik.io.hdf5.Hdf5NativeWriter.Hdf5CallFailed;

/**
 * An {@link ImageSink} writing one chunked HDF5 dataset through native libhdf5: hyperslab writes of any block,
 * optional gzip, so outputs of any size are written with memory bounded by the block plus libhdf5's chunk cache.
 *
 * <p>Where the data go until {@link #commit()}: into a new file, a temporary file {@code .<name>.jilastik-<id>}
 * beside the target, renamed over the target at commit; into an existing file (ilastik opens it for append and
 * replaces only the target dataset), a temporary dataset {@code <name>.jilastik-<id>} in the target's group,
 * whose link is moved onto the target path at commit after the old target is unlinked. Other content of an
 * existing file is kept. Intermediate groups of the internal path are created.
 *
 * <p>Thread safety: {@link #write(Block)} may be called concurrently; calls are serialised on the process-wide
 * libhdf5 lock (the native copy of the block is made before taking it).
 */
public final class Hdf5DatasetWriter implements ImageSink {
    private static final AtomicLong COUNTER = new AtomicLong();

    /** An attribute to attach to the dataset. */
    public sealed interface Attribute permits StringAttribute, StringListAttribute, NumericAttribute {
        /** Attribute name. */
        String name();
    }

    /** A scalar variable-length UTF-8 string attribute (as h5py writes a Python {@code str}). */
    public record StringAttribute(String name, String value) implements Attribute {
    }

    /** A 1-D variable-length ASCII string attribute (as h5py writes {@code DIMENSION_LABELS}). */
    public record StringListAttribute(String name, List<String> values) implements Attribute {
    }

    /** A 1-D numeric attribute stored as {@code dtype}; {@code values} must be representable in it. */
    public record NumericAttribute(String name, DType dtype, double[] values) implements Attribute {
    }

    private final Path target;
    private final String internalPath;
    private final Axes axes;
    private final long[] shape;
    private final DType dtype;
    private final Path tempFile;       // non-null when writing a new file
    private final String writePath;    // dataset path inside the open file
    private long fileId = -1;
    private long datasetId = -1;
    private boolean finished;

    private Hdf5DatasetWriter(Path target, String internalPath, Axes axes, long[] shape, DType dtype, Path tempFile,
            String writePath) {
        this.target = target;
        this.internalPath = internalPath;
        this.axes = axes;
        this.shape = shape.clone();
        this.dtype = dtype;
        this.tempFile = tempFile;
        this.writePath = writePath;
    }

    /**
     * Creates the (temporary) dataset.
     *
     * @param file         final HDF5 file; its directory must exist
     * @param internalPath dataset path inside the file, e.g. {@code exported_data} or {@code /my/data}
     * @param axes         output axes, C-order
     * @param shape        output extents (each ≥ 1)
     * @param dtype        element type (bool is stored as uint8)
     * @param chunkShape   chunk extents, each in {@code [1, shape]}
     * @param gzipLevel    deflate level 1..9, or 0 for no compression
     * @param attributes   attributes to attach to the dataset
     * @throws JilastikException when the file cannot be created or opened as HDF5
     */
    public static Hdf5DatasetWriter create(Path file, String internalPath, Axes axes, long[] shape, DType dtype,
            long[] chunkShape, int gzipLevel, List<Attribute> attributes) {
        if (axes.size() != shape.length || chunkShape.length != shape.length || shape.length == 0) {
            throw new IllegalArgumentException("axes " + axes + ", shape " + Arrays.toString(shape) + " and chunks "
                    + Arrays.toString(chunkShape) + " must have the same non-zero rank");
        }
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] < 1 || chunkShape[i] < 1 || chunkShape[i] > shape[i]) {
                throw new IllegalArgumentException("chunk shape " + Arrays.toString(chunkShape)
                        + " does not fit shape " + Arrays.toString(shape));
            }
        }
        List<String> parts = pathComponents(internalPath);
        String datasetName = parts.getLast();
        String parent = "/" + String.join("/", parts.subList(0, parts.size() - 1));
        String finalPath = (parent.equals("/") ? "" : parent) + "/" + datasetName;
        String id = ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
        Path absolute = file.toAbsolutePath();
        boolean append = Files.exists(absolute);
        Path tempFile = append ? null
                : absolute.resolveSibling("." + absolute.getFileName() + ".jilastik-" + id);
        String writePath = append ? (parent.equals("/") ? "" : parent) + "/" + datasetName + ".jilastik-" + id
                : finalPath;
        Hdf5DatasetWriter w = new Hdf5DatasetWriter(absolute, finalPath, axes, shape, dtype, tempFile, writePath);
        LOCK.lock();
        try {
            w.open(append, chunkShape, gzipLevel, attributes);
        } catch (Hdf5CallFailed e) {
            w.abortLocked();
            throw JilastikException.processing("cannot " + (append ? "add dataset " + finalPath + " to the existing "
                    + "HDF5 file " + absolute + " (" + e.getMessage() + "); remove the file or choose another "
                    + "output name" : "create the HDF5 file " + absolute + " (" + e.getMessage()
                    + "); check that the directory is writable"), e);
        } finally {
            LOCK.unlock();
        }
        return w;
    }

    private void open(boolean append, long[] chunkShape, int gzipLevel, List<Attribute> attributes) {
        long fapl = check(H5Pcreate(H5P_CLS_FILE_ACCESS_ID_g()), "H5Pcreate");
        try {
            // Keep HDF5's file locking, but do not fail on file systems that lack it (NFS, Lustre).
            check(H5Pset_file_locking(fapl, true, true), "H5Pset_file_locking");
            fileId = append ? check(H5Fopen(target.toString(), H5F_ACC_RDWR, fapl), "H5Fopen")
                    : check(H5Fcreate(tempFile.toString(), H5F_ACC_EXCL, H5P_DEFAULT, fapl), "H5Fcreate");
        } finally {
            H5Pclose(fapl);
        }
        long space = check(H5Screate_simple(shape.length, shape, (long[]) null), "H5Screate_simple");
        long dcpl = check(H5Pcreate(H5P_CLS_DATASET_CREATE_ID_g()), "H5Pcreate");
        long lcpl = check(H5Pcreate(H5P_CLS_LINK_CREATE_ID_g()), "H5Pcreate");
        try {
            check(H5Pset_chunk(dcpl, shape.length, chunkShape), "H5Pset_chunk");
            if (gzipLevel > 0) {
                check(H5Pset_deflate(dcpl, gzipLevel), "H5Pset_deflate");
            }
            check(H5Pset_fill_time(dcpl, H5D_FILL_TIME_ALLOC), "H5Pset_fill_time"); // as h5py does
            check(H5Pset_create_intermediate_group(lcpl, 1), "H5Pset_create_intermediate_group");
            datasetId = check(H5Dcreate2(fileId, writePath, Hdf5NativeWriter.fileType(dtype), space, lcpl, dcpl,
                    H5P_DEFAULT), "H5Dcreate2 " + internalPath);
        } finally {
            H5Pclose(lcpl);
            H5Pclose(dcpl);
            H5Sclose(space);
        }
        for (Attribute a : attributes) {
            switch (a) {
                case StringAttribute s -> Hdf5NativeWriter.writeStringAttribute(datasetId, s.name(),
                        new String[] {s.value()}, true, true);
                case StringListAttribute s -> Hdf5NativeWriter.writeStringAttribute(datasetId, s.name(),
                        s.values().toArray(String[]::new), false, false);
                case NumericAttribute n -> Hdf5NativeWriter.writeNumericAttribute(datasetId, n.name(), n.dtype(),
                        typedValues(n.dtype(), n.values()));
            }
        }
    }

    @Override
    public Axes axes() {
        return axes;
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    @Override
    public DType dtype() {
        return dtype;
    }

    /** Absolute path of the final file. */
    public Path file() {
        return target;
    }

    /** Dataset path inside the final file, with a leading {@code /}. */
    public String internalPath() {
        return internalPath;
    }

    @Override
    public void write(Block block) {
        ImageSink.requireFits(this, block);
        if (block.box().isEmpty()) {
            return;
        }
        long[] start = block.box().start();
        long[] count = block.box().shape();
        try (Pointer data = Hdf5NativeWriter.nativeCopy(block.data())) {
            LOCK.lock();
            try {
                if (finished) {
                    throw new IllegalStateException("write after commit or abort");
                }
                long mem = check(H5Screate_simple(count.length, count, (long[]) null), "H5Screate_simple");
                long fileSpace = -1;
                try {
                    fileSpace = check(H5Dget_space(datasetId), "H5Dget_space");
                    check(H5Sselect_hyperslab(fileSpace, H5S_SELECT_SET, start, null, count, null),
                            "H5Sselect_hyperslab");
                    check(H5Dwrite(datasetId, Hdf5NativeWriter.memoryType(dtype), mem, fileSpace, H5P_DEFAULT,
                            data), "H5Dwrite");
                } finally {
                    if (fileSpace >= 0) {
                        H5Sclose(fileSpace);
                    }
                    H5Sclose(mem);
                }
            } catch (Hdf5CallFailed e) {
                String full = org.jilastik.io.StagedOutput.diskFullReason(target,
                        block.box().numElements() * dtype.byteSize());
                throw JilastikException.processing("cannot write block " + block.box() + " of dataset "
                        + internalPath + " in " + target + (full != null ? ": " + full
                        + "; free some space or write the output elsewhere" : " (" + e.getMessage()
                        + "); check free disk space and write permission"), e);
            } finally {
                LOCK.unlock();
            }
        }
    }

    @Override
    public void commit() {
        LOCK.lock();
        try {
            if (finished) {
                throw new IllegalStateException("commit after commit or abort");
            }
            check(H5Dclose(datasetId), "H5Dclose");
            datasetId = -1;
            if (tempFile == null) {
                if (linkExists(fileId, internalPath)) {
                    check(H5Ldelete(fileId, internalPath, H5P_DEFAULT), "H5Ldelete " + internalPath);
                }
                check(H5Lmove(fileId, writePath, fileId, internalPath, H5P_DEFAULT, H5P_DEFAULT), "H5Lmove");
            }
            check(H5Fclose(fileId), "H5Fclose");
            fileId = -1;
            if (tempFile != null) {
                Files.move(tempFile, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            finished = true;
        } catch (Hdf5CallFailed | IOException e) {
            abortLocked();
            String full = org.jilastik.io.StagedOutput.diskFullReason(target, 0);
            throw JilastikException.processing("cannot finish dataset " + internalPath + " in " + target
                    + (full != null ? ": " + full + "; free some space or write the output elsewhere" : " ("
                    + e.getMessage() + "); check free disk space and write permission"), e);
        } finally {
            LOCK.unlock();
        }
    }

    @Override
    public void abort() {
        LOCK.lock();
        try {
            abortLocked();
        } finally {
            LOCK.unlock();
        }
    }

    @Override
    public void close() {
        abort();
    }

    /** Releases handles and removes temporaries; never throws. Caller holds the lock. */
    private void abortLocked() {
        if (finished) {
            return;
        }
        finished = true;
        if (tempFile != null) {
            // Empty the temporary first: after a full disk, closing flushes cached chunks and metadata, which
            // fails without free space and leaves the file open inside libhdf5, whose clean-up at process exit
            // then crashed the JVM (SIGSEGV, exit 139). Truncating frees the space the flush needs.
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(tempFile,
                    java.nio.file.StandardOpenOption.WRITE)) {
                ch.truncate(0);
            } catch (IOException ignored) {
                // the file is deleted below anyway
            }
        }
        if (datasetId >= 0) {
            H5Dclose(datasetId);
            datasetId = -1;
        }
        if (fileId >= 0) {
            if (tempFile == null && linkExists(fileId, writePath)) {
                H5Ldelete(fileId, writePath, H5P_DEFAULT);
            }
            H5Fclose(fileId);
            fileId = -1;
        }
        if (tempFile != null) {
            try {
                Files.deleteIfExists(tempFile);
            } catch (IOException ignored) {
                // best effort: a leftover hidden temporary never looks like a finished output
            }
        }
    }

    /** Whether every component of the absolute {@code path} exists (H5Lexists fails on a missing parent). */
    private static boolean linkExists(long fileId, String path) {
        StringBuilder prefix = new StringBuilder();
        for (String part : pathComponents(path)) {
            prefix.append('/').append(part);
            if (H5Lexists(fileId, prefix.toString(), H5P_DEFAULT) <= 0) {
                return false;
            }
        }
        return true;
    }

    /** Splits an internal path at {@code /}, ignoring empty components. */
    private static List<String> pathComponents(String internalPath) {
        List<String> parts = new ArrayList<>();
        for (String p : internalPath.replace('\\', '/').split("/")) {
            if (!p.isEmpty()) {
                parts.add(p);
            }
        }
        if (parts.isEmpty()) {
            throw JilastikException.usage("the HDF5 internal path \"" + internalPath + "\" names no dataset; give "
                    + "--output_internal_path a name such as exported_data");
        }
        return parts;
    }

    /** {@code values} as the primitive array that stores {@code dtype}. */
    private static Object typedValues(DType dtype, double[] values) {
        Object out = Block.newStorage(dtype, values.length);
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            switch (out) {
                case byte[] a -> a[i] = (byte) (long) v;
                case short[] a -> a[i] = (short) (long) v;
                case int[] a -> a[i] = (int) (long) v;
                case long[] a -> a[i] = (long) v;
                case float[] a -> a[i] = (float) v;
                case double[] a -> a[i] = v;
                default -> throw new IllegalStateException();
            }
        }
        return out;
    }
}
