package org.jilastik.io.npy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.jilastik.error.JilastikException;
import org.jilastik.io.ImageSink;
import org.jilastik.io.StagedOutput;
import org.jilastik.io.codec.ByteCodec;

/**
 * Writes a numpy {@code .npy} file (format 1.0, C order, little-endian) block by block, in place: the header is
 * written first, the file is extended to its full size (a sparse file, so unwritten elements read as 0), and each
 * block's rows are written at their offsets with positional writes, in any order. Nothing is held in memory
 * beyond the block being written (ilastik assembles the whole array in RAM instead).
 *
 * <p>The header is numpy 1.24's ({@code numpy.save}, what ilastik's export calls): the dictionary
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (60, 80, 3), }}, 21 minus the digits of the first
 * extent spaces of room for growth, then spaces and a newline up to a multiple of 64 bytes. Format 2.0 is used
 * only if the header would exceed 65535 bytes (never for five axes or fewer).
 *
 * <p>The file lives under a hidden temporary name beside the target until {@link #commit()} renames it. Thread
 * safety: concurrent {@link #write(Block)} calls for disjoint blocks are safe (positional writes on one channel).
 */
public final class NpyWriter implements ImageSink {
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;

    private final Path target;
    private final Path temp;
    private final Axes axes;
    private final long[] shape;
    private final DType dtype;
    private final long dataOffset;
    private final FileChannel channel;
    private volatile boolean finished;

    private NpyWriter(Path target, Axes axes, long[] shape, DType dtype) throws IOException {
        this.target = target;
        this.axes = axes;
        this.shape = shape.clone();
        this.dtype = dtype;
        this.temp = StagedOutput.temporarySibling(target);
        byte[] header = header(dtype, shape);
        this.dataOffset = header.length;
        this.channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.READ, StandardOpenOption.SPARSE);
        try {
            writeFully(ByteBuffer.wrap(header), 0);
            long n = 1;
            for (long s : shape) {
                n = Math.multiplyExact(n, s);
            }
            long end = dataOffset + n * dtype.byteSize();
            if (end > dataOffset) {
                writeFully(ByteBuffer.allocate(1), end - 1); // full length; the rest stays sparse (zeros)
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /**
     * Creates the writer for {@code target} (a {@code .npy} file).
     *
     * @throws JilastikException (processing) if the temporary file cannot be created
     */
    public static NpyWriter create(Path target, Axes axes, long[] shape, DType dtype) {
        try {
            return new NpyWriter(target, axes, shape, dtype);
        } catch (IOException e) {
            throw JilastikException.processing("cannot create the numpy file " + target + " (" + e.getMessage()
                    + "); check free disk space and write permission", e);
        }
    }

    /** numpy's header bytes (magic, version, length, padded dictionary) for an array of {@code shape}. */
    public static byte[] header(DType dtype, long[] shape) {
        StringBuilder dict = new StringBuilder("{'descr': '").append(descr(dtype))
                .append("', 'fortran_order': False, 'shape': (");
        for (int i = 0; i < shape.length; i++) {
            dict.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        dict.append(shape.length == 1 ? ",), }" : "), }");
        if (shape.length > 0) {
            dict.append(" ".repeat(Math.max(0, GROWTH_AXIS_MAX_DIGITS - Long.toString(shape[0]).length())));
        }
        int version = dict.length() + 1 + 12 > 65535 ? 2 : 1;
        int prefix = version == 1 ? 10 : 12;
        int hlen = dict.length() + 1;
        int pad = 64 - (prefix + hlen) % 64;
        if (pad == 64) {
            pad = 0;
        }
        String text = dict + " ".repeat(pad) + "\n";
        byte[] t = text.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(prefix + t.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) version, 0});
        if (version == 1) {
            b.putShort((short) t.length);
        } else {
            b.putInt(t.length);
        }
        b.put(t);
        return b.array();
    }

    /** numpy's type string: byte order mark ({@code |} for one-byte types), kind letter, byte size. */
    static String descr(DType dtype) {
        char kind = dtype == DType.BOOL ? 'b' : dtype.isFloating() ? 'f' : dtype.isSigned() ? 'i' : 'u';
        return (dtype.byteSize() == 1 ? "|" : "<") + kind + dtype.byteSize();
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

    @Override
    public void write(Block block) {
        ImageSink.requireFits(this, block);
        if (finished) {
            throw new IllegalStateException("write after commit or abort");
        }
        Box box = block.box();
        if (box.isEmpty()) {
            return;
        }
        int nd = box.ndim();
        if (nd == 0) {
            writeScalar(block);
            return;
        }
        // the longest run that is contiguous in both the block and the file: the trailing axes the block spans fully
        int inner = nd - 1;
        long run = box.size(nd - 1);
        while (inner > 0 && box.size(inner) == shape[inner]) {
            inner--;
            run *= box.size(inner);
        }
        long[] fileStrides = new long[nd];
        long acc = 1;
        for (int i = nd - 1; i >= 0; i--) {
            fileStrides[i] = acc;
            acc *= shape[i];
        }
        int es = dtype.byteSize();
        int total = block.size();
        int runLen = (int) run;
        ByteBuffer buf = ByteBuffer.allocate(runLen * es).order(ByteOrder.LITTLE_ENDIAN);
        long[] idx = box.start();
        try {
            for (int done = 0; done < total; done += runLen) {
                long elem = 0;
                for (int i = 0; i < nd; i++) {
                    elem += idx[i] * fileStrides[i];
                }
                buf.clear();
                ByteCodec.put(buf, block.data(), done, runLen);
                buf.flip();
                writeFully(buf, dataOffset + elem * es);
                int k = inner - 1;
                while (k >= 0 && ++idx[k] >= box.stop(k)) {
                    idx[k] = box.start(k);
                    k--;
                }
            }
        } catch (IOException e) {
            throw JilastikException.processing("cannot write to the numpy file " + target + " (" + e.getMessage()
                    + "); check free disk space", e);
        }
    }

    private void writeScalar(Block block) {
        ByteBuffer b = ByteBuffer.allocate(dtype.byteSize()).order(ByteOrder.LITTLE_ENDIAN);
        ByteCodec.put(b, block.data(), 0, 1);
        b.flip();
        try {
            writeFully(b, dataOffset);
        } catch (IOException e) {
            throw JilastikException.processing("cannot write to the numpy file " + target + " (" + e.getMessage()
                    + "); check free disk space", e);
        }
    }

    private void writeFully(ByteBuffer b, long pos) throws IOException {
        while (b.hasRemaining()) {
            pos += channel.write(b, pos);
        }
    }

    @Override
    public void commit() {
        if (finished) {
            throw new IllegalStateException("commit after commit or abort");
        }
        try {
            channel.close();
            StagedOutput.moveIntoPlace(temp, target);
            finished = true;
        } catch (IOException e) {
            abort();
            throw JilastikException.processing("cannot finish the numpy file " + target + " (" + e.getMessage()
                    + "); check free disk space and write permission", e);
        }
    }

    @Override
    public void abort() {
        if (finished) {
            return;
        }
        finished = true;
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing a channel we are about to delete
        }
        StagedOutput.deleteQuietly(temp);
    }

    @Override
    public void close() {
        abort();
    }
}
