package org.jilastik.io.hdf5;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.dataset.DatasetBase;
import io.jhdf.exceptions.HdfException;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.EnumDataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import io.jhdf.object.message.DataLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.jilastik.error.JilastikException;
import org.jilastik.io.AxesOrigin;
import org.jilastik.io.AxisGuess;
import org.jilastik.io.ChunkGrid;
import org.jilastik.io.ImageSource;
import org.jilastik.io.Regions;

/**
 * One dataset of an HDF5 file (also an {@code .ilp}), read with jhdf.
 *
 * <p>Chunked datasets are read chunk by chunk: only chunks intersecting the requested box are fetched and
 * decoded (jhdf's filter pipeline: deflate, shuffle, lzf, …), and raw bytes are decoded in the file's byte
 * order, so {@code uint8} is never widened. Contiguous datasets are read as hyperslabs; compact ones once.
 * Axes: vigra {@code axistags}, else an N5-style {@code axes} attribute, else the shape guess.
 *
 * <p>Thread safe: jhdf reads through positional file-channel reads and creates a fresh decompressor per
 * chunk, so concurrent {@link #read} calls are allowed.
 */
public final class Hdf5Source implements ImageSource {
    private final HdfFile file;
    private final Dataset dataset;
    private final String name;
    private final long[] shape;
    private final DType dtype;
    private final ByteOrder order;
    private final Axes axes;
    private final AxesOrigin origin;
    private final int[] chunk;
    private final double fillValue;
    private final AtomicLong chunkReads = new AtomicLong();
    private volatile Object compactData;

    private Hdf5Source(HdfFile file, Dataset dataset, String name) {
        this.file = file;
        this.dataset = dataset;
        this.name = name;
        this.shape = dataset.getDimensionsAsLong();
        DataType type = dataset.getDataType();
        this.dtype = dtypeOf(type, name);
        this.order = orderOf(type);
        Axes a = Hdf5Axes.fromAxistags(stringAttribute(dataset, "axistags"), shape.length);
        AxesOrigin o = AxesOrigin.METADATA;
        if (a == null) {
            Attribute n5 = dataset.getAttribute("axes");
            a = n5 == null ? null : Hdf5Axes.fromN5Axes(n5.getData(), shape.length);
        }
        if (a == null) {
            a = AxisGuess.guess(shape, name);
            o = AxesOrigin.GUESSED;
        }
        this.axes = a;
        this.origin = o;
        this.chunk = dataset instanceof ChunkedDataset c && dataset.getDataLayout() == DataLayout.CHUNKED
                ? c.getChunkDimensions().clone() : null;
        this.fillValue = dataset.getFillValue() instanceof Number n ? n.doubleValue() : 0;
    }

    /**
     * Opens {@code internalPath} in {@code path}, or the file's only 2- to 5-D dataset when it is null or empty.
     *
     * @param displayName how the user wrote the input, for messages
     * @throws JilastikException (processing) if the file is not HDF5, the dataset is missing (the message lists
     *     the available ones), there are zero or several candidates, or the element type is unsupported
     */
    public static Hdf5Source open(Path path, String internalPath, String displayName) {
        HdfFile f;
        try {
            f = new HdfFile(path);
        } catch (RuntimeException e) {
            throw JilastikException.processing("cannot read " + path + " as HDF5 (" + e.getMessage()
                    + "); check that it is an HDF5 file.", e);
        }
        try {
            Dataset d = find(f, path, internalPath);
            String name = path + (d.getPath().startsWith("/") ? "" : "/") + d.getPath();
            return new Hdf5Source(f, d, displayName == null ? name : displayName);
        } catch (JilastikException e) {
            f.close();
            throw e;
        } catch (RuntimeException e) {
            // jhdf's parse errors of damaged structures (HdfException, buffer and index errors): found by fuzzing
            f.close();
            throw JilastikException.processing("cannot read " + path + " as HDF5 (" + e.getMessage()
                    + "); the file may be damaged.", e);
        }
    }

    private static Dataset find(HdfFile f, Path path, String internalPath) {
        if (internalPath == null || internalPath.isEmpty() || internalPath.equals("/")) {
            List<String> all = Hdf5Datasets.imageDatasets(f);
            if (all.isEmpty()) {
                throw JilastikException.processing(path + " contains no datasets with 2 to 5 dimensions; "
                        + "select an HDF5 file that holds an image.");
            }
            if (all.size() > 1) {
                throw JilastikException.processing(path + " contains several image datasets " + all
                        + "; name one as " + path + all.get(0) + ".");
            }
            return f.getDatasetByPath(all.get(0));
        }
        String p = internalPath.startsWith("/") ? internalPath : "/" + internalPath;
        Node n;
        try {
            n = f.getByPath(p);
        } catch (HdfException e) {
            n = null;
        }
        if (n instanceof Dataset d) {
            return d;
        }
        throw JilastikException.processing("dataset " + p + " does not exist in " + path
                + "; available image datasets: " + Hdf5Datasets.imageDatasets(f) + ".");
    }

    @Override
    public Axes axes() {
        return axes;
    }

    @Override
    public AxesOrigin axesOrigin() {
        return origin;
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    @Override
    public DType dtype() {
        return dtype;
    }

    @Override
    public int[] chunkShape() {
        return chunk == null ? null : chunk.clone();
    }

    @Override
    public Block read(Box box) {
        Regions.requireInside(this, box);
        try {
            if (chunk != null) {
                return ChunkGrid.read(axes, dtype, chunk, box, fillValue, this::loadChunk);
            }
            if (dataset.getDataLayout() == DataLayout.CONTIGUOUS) {
                return readContiguous(box);
            }
            return readCompact(box);
        } catch (JilastikException e) {
            throw e;
        } catch (RuntimeException e) {
            // HdfException, and the buffer/index errors jhdf raises on damaged chunks (found by fuzzing)
            throw JilastikException.processing("cannot read " + box + " of " + name + " (" + e.getMessage()
                    + "); the file may be damaged.", e);
        }
    }

    private ChunkGrid.Chunk loadChunk(long[] gridIndex) {
        Box cb = ChunkGrid.chunkBox(gridIndex, chunk);
        int[] offset = new int[chunk.length];
        for (int i = 0; i < offset.length; i++) {
            offset[i] = Math.toIntExact(cb.start(i));
        }
        byte[] bytes;
        try {
            bytes = ((ChunkedDataset) dataset).getDecompressedChunk(offset);
        } catch (HdfException e) {
            if (String.valueOf(e.getMessage()).startsWith("No chunk with offset")) {
                return null; // never written: fill value
            }
            throw e;
        }
        chunkReads.incrementAndGet();
        int n = Math.toIntExact(cb.numElements());
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(order);
        if (bytes.length < (long) n * dtype.byteSize()) {
            throw new HdfException("chunk at " + Arrays.toString(offset) + " has " + bytes.length + " bytes");
        }
        return new ChunkGrid.Chunk(cb, Regions.decode(buf, dtype, n));
    }

    private Block readContiguous(Box box) {
        Block out = Block.allocate(axes, box, dtype);
        if (box.isEmpty() || dataset.isEmpty()) {
            Regions.fill(out.data(), dtype, fillValue);
            return out;
        }
        ByteBuffer buf = ((DatasetBase) dataset).getSliceDataBuffer(box.start(), box.intShape());
        buf.order(order);
        Object data = Regions.decode(buf, dtype, out.size());
        return new Block(axes, box, dtype, data);
    }

    private Block readCompact(Box box) {
        Object all = compactData;
        if (all == null) {
            ByteBuffer buf = ((DatasetBase) dataset).getDataBuffer().order(order);
            all = Regions.decode(buf, dtype, Math.toIntExact(dataset.getSize()));
            compactData = all;
        }
        Block out = Block.allocate(axes, box, dtype);
        Regions.copy(all, bounds(), out.data(), box, box);
        return out;
    }

    /** Number of chunks decoded so far (for tests that check partial reads). */
    long chunkReads() {
        return chunkReads.get();
    }

    @Override
    public String describe() {
        return "HDF5 " + name + " " + Arrays.toString(shape) + " " + dtype + " " + axes
                + (chunk == null ? "" : " chunks " + Arrays.toString(chunk));
    }

    @Override
    public void close() {
        file.close();
    }

    static DType dtypeOf(DataType type, String name) {
        if (type instanceof FixedPoint fp) {
            boolean s = fp.isSigned();
            switch (fp.getSize()) {
                case 1: return s ? DType.INT8 : DType.UINT8;
                case 2: return s ? DType.INT16 : DType.UINT16;
                case 4: return s ? DType.INT32 : DType.UINT32;
                case 8: return s ? DType.INT64 : DType.UINT64;
                default: break;
            }
        } else if (type instanceof FloatingPoint) {
            if (type.getSize() == 4) {
                return DType.FLOAT32;
            }
            if (type.getSize() == 8) {
                return DType.FLOAT64;
            }
        } else if (type instanceof EnumDataType e && e.getBaseType().getSize() == 1
                && e.getEnumMapping().size() == 2) {
            return DType.BOOL; // h5py stores numpy bool as an enum {FALSE, TRUE} over int8
        }
        throw JilastikException.processing(name + " has an HDF5 element type (" + type.getClass().getSimpleName()
                + ", " + type.getSize() + " bytes) that jilastik cannot read; convert it to an integer or float type.");
    }

    private static ByteOrder orderOf(DataType type) {
        if (type instanceof FixedPoint fp) {
            return fp.getByteOrder();
        }
        if (type instanceof FloatingPoint fp) {
            return fp.getByteOrder();
        }
        if (type instanceof EnumDataType e) {
            return orderOf(e.getBaseType());
        }
        return ByteOrder.LITTLE_ENDIAN;
    }

    private static String stringAttribute(Node node, String key) {
        Attribute a = node.getAttribute(key);
        if (a == null) {
            return null;
        }
        Object v = a.getData();
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof String[] arr && arr.length == 1) {
            return arr[0];
        }
        return null;
    }
}
