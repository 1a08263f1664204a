package org.jilastik.io.npy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.jilastik.error.JilastikException;
import org.jilastik.io.AxesOrigin;
import org.jilastik.io.AxisGuess;
import org.jilastik.io.ImageSource;
import org.jilastik.io.Regions;

/**
 * A numpy {@code .npy} file, read in place: a box reads only the byte runs it covers (positional reads on one
 * channel). C and Fortran order, either byte order, bool/int/uint/float elements. Axes are guessed from the
 * shape (spec cli-and-io §2.5), as ilastik does. Thread safe (positional reads only).
 */
public final class NpySource implements ImageSource {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    private final Path path;
    private final FileChannel channel;
    private final NpyHeader header;
    private final Axes axes;

    private NpySource(Path path, FileChannel channel, NpyHeader header) {
        this.path = path;
        this.channel = channel;
        this.header = header;
        this.axes = AxisGuess.guess(header.shape(), path.toString());
    }

    /**
     * Opens a {@code .npy} file and parses its header.
     *
     * @throws JilastikException (processing) if it is not a valid npy file, is too short, or is not 2- to 5-D
     */
    public static NpySource open(Path path) {
        FileChannel ch = null;
        try {
            ch = FileChannel.open(path, StandardOpenOption.READ);
            NpyHeader h = readHeader(ch);
            long need = h.dataOffset() + Arrays.stream(h.shape()).reduce(1, Math::multiplyExact)
                    * h.dtype().byteSize();
            if (ch.size() < need) {
                throw new IOException("file has " + ch.size() + " bytes, header promises " + need);
            }
            return new NpySource(path, ch, h);
        } catch (IOException | IllegalArgumentException e) {
            close(ch);
            throw JilastikException.processing("cannot read " + path + " as a numpy .npy file ("
                    + e.getMessage() + ").", e);
        } catch (RuntimeException e) {
            close(ch);
            throw e;
        }
    }

    static NpyHeader readHeader(FileChannel ch) throws IOException {
        ByteBuffer pre = readFully(ch, 0, 12).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < MAGIC.length; i++) {
            if (pre.get(i) != MAGIC[i]) {
                throw new IOException("missing \\x93NUMPY magic");
            }
        }
        int major = pre.get(6);
        long len;
        int start;
        if (major == 1) {
            len = pre.getShort(8) & 0xffff;
            start = 10;
        } else if (major == 2 || major == 3) {
            len = pre.getInt(8) & 0xffffffffL;
            start = 12;
        } else {
            throw new IOException("npy format version " + major + " is not supported");
        }
        String text = new String(readFully(ch, start, Math.toIntExact(len)).array(),
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        return NpyHeader.parse(text, start + len);
    }

    @Override
    public Axes axes() {
        return axes;
    }

    @Override
    public AxesOrigin axesOrigin() {
        return AxesOrigin.GUESSED;
    }

    @Override
    public long[] shape() {
        return header.shape().clone();
    }

    @Override
    public DType dtype() {
        return header.dtype();
    }

    @Override
    public Block read(Box box) {
        Regions.requireInside(this, box);
        if (box.isEmpty()) {
            return Block.allocate(axes, box, dtype());
        }
        try {
            if (!header.fortranOrder()) {
                return new Block(axes, box, dtype(), readC(box, header.shape()));
            }
            // Fortran order = C order of the reversed shape: read the reversed box, then reverse the axes.
            int nd = box.ndim();
            long[] a = new long[nd];
            long[] b = new long[nd];
            long[] rshape = new long[nd];
            for (int i = 0; i < nd; i++) {
                a[i] = box.start(nd - 1 - i);
                b[i] = box.stop(nd - 1 - i);
                rshape[i] = header.shape()[nd - 1 - i];
            }
            Box rbox = new Box(a, b);
            Object tmp = readC(rbox, rshape);
            return new Block(axes, box, dtype(), reverseAxes(tmp, rbox));
        } catch (IOException e) {
            throw JilastikException.processing("cannot read " + box + " of " + path + " (" + e.getMessage() + ").",
                    e);
        }
    }

    /** Reads a box of a C-order array of {@code shape} stored at the data offset. */
    private Object readC(Box box, long[] shape) throws IOException {
        int nd = box.ndim();
        int es = dtype().byteSize();
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
        int total = Math.toIntExact(box.numElements());
        ByteBuffer all = ByteBuffer.allocate(Math.multiplyExact(total, es)).order(header.order());
        long[] idx = box.start();
        int done = 0;
        while (done < total) {
            long elem = 0;
            for (int i = 0; i < nd; i++) {
                elem += idx[i] * fileStrides[i];
            }
            ByteBuffer slice = all.slice(done * es, (int) run * es);
            readInto(slice, header.dataOffset() + elem * es);
            done += (int) run;
            int k = inner - 1;
            while (k >= 0 && ++idx[k] >= box.stop(k)) {
                idx[k] = box.start(k);
                k--;
            }
        }
        all.position(0);
        return Regions.decode(all, dtype(), total);
    }

    /** Transposes C-order data over {@code rbox} into C-order data over the reversed box. */
    private Object reverseAxes(Object src, Box rbox) {
        int nd = rbox.ndim();
        int n = Math.toIntExact(rbox.numElements());
        int[] rshape = rbox.intShape();
        int[] rstrides = Block.stridesOf(rshape);
        int[] outShape = new int[nd];
        int[] srcStride = new int[nd];
        for (int i = 0; i < nd; i++) {
            outShape[i] = rshape[nd - 1 - i];
            srcStride[i] = rstrides[nd - 1 - i];
        }
        Object dst = Block.newStorage(dtype(), n);
        int[] counter = new int[nd];
        int s = 0;
        for (int d = 0; d < n; d++) {
            System.arraycopy(src, s, dst, d, 1);
            int k = nd - 1;
            while (k >= 0) {
                counter[k]++;
                s += srcStride[k];
                if (counter[k] < outShape[k]) {
                    break;
                }
                s -= srcStride[k] * outShape[k];
                counter[k] = 0;
                k--;
            }
        }
        return dst;
    }

    private void readInto(ByteBuffer b, long pos) throws IOException {
        while (b.hasRemaining()) {
            if (channel.read(b, pos + b.position()) < 0) {
                throw new IOException("file ends early");
            }
        }
    }

    private static ByteBuffer readFully(FileChannel ch, long pos, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n);
        while (b.hasRemaining()) {
            if (ch.read(b, pos + b.position()) < 0) {
                throw new IOException("file ends early");
            }
        }
        return b;
    }

    @Override
    public String describe() {
        return "npy " + path + " " + Arrays.toString(header.shape()) + " " + dtype() + " " + axes
                + (header.fortranOrder() ? " Fortran order" : "");
    }

    @Override
    public void close() {
        close(channel);
    }

    private static void close(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }
}
