package org.jilastik.io.n5;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.jilastik.array.DType;
import org.jilastik.io.codec.ByteCodec;

/**
 * The N5 (format 2.0.0) encoding shared by {@link N5DatasetWriter} and the distributed export: the dataset
 * metadata, a block's file path, and a block's bytes (big-endian header: mode 0, rank, extents fastest axis first;
 * big-endian elements, gzip-framed at level 1 when compressed). All shapes are given in C order and reversed here.
 * Stateless, thread safe.
 */
public final class N5Blocks {
    private N5Blocks() {
    }

    /**
     * The dataset's {@code attributes.json} content: {@code extra} followed by {@code dimensions}, {@code blockSize},
     * {@code dataType} and {@code compression}.
     *
     * @param shape C-order dataset shape
     * @param block C-order block shape
     */
    public static Map<String, Object> datasetAttributes(long[] shape, int[] block, DType dtype, boolean gzip,
            Map<String, Object> extra) {
        Map<String, Object> a = new LinkedHashMap<>(extra);
        int nd = shape.length;
        long[] dims = new long[nd];
        int[] bs = new int[nd];
        for (int i = 0; i < nd; i++) {
            dims[i] = shape[nd - 1 - i];
            bs[i] = block[nd - 1 - i];
        }
        a.put("dimensions", dims);
        a.put("blockSize", bs);
        a.put("dataType", dtype == DType.BOOL ? "uint8" : dtype.numpyName());
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("type", gzip ? "gzip" : "raw");
        if (gzip) {
            c.put("level", 1);
            c.put("useZlib", false);
        }
        a.put("compression", c);
        return a;
    }

    /** The file of the block at C-order grid position {@code grid}: {@code dataset/i_fastest/…/i_slowest}. */
    public static Path blockPath(Path datasetDir, long[] grid) {
        Path f = datasetDir;
        for (int i = grid.length - 1; i >= 0; i--) {
            f = f.resolve(Long.toString(grid[i]));
        }
        return f;
    }

    /**
     * The bytes of one block file.
     *
     * @param extents C-order extents of the block (truncated at the dataset's edge)
     * @param data    flat C-order primitive array of {@code dtype} holding exactly the block's elements; not kept
     */
    public static byte[] encode(long[] extents, Object data, DType dtype, boolean gzip) {
        int nd = extents.length;
        long n = 1;
        ByteBuffer h = ByteBuffer.allocate(4 + 4 * nd).order(ByteOrder.BIG_ENDIAN);
        h.putShort((short) 0).putShort((short) nd);
        for (int i = nd - 1; i >= 0; i--) {
            h.putInt((int) extents[i]);
            n *= extents[i];
        }
        byte[] payload = ByteCodec.toBytes(data, dtype, 0, Math.toIntExact(n), ByteOrder.BIG_ENDIAN);
        ByteArrayOutputStream out = new ByteArrayOutputStream(h.capacity() + (gzip ? payload.length / 2 + 64
                : payload.length));
        try {
            out.write(h.array());
            if (gzip) {
                try (GZIPOutputStream gz = new LevelOneGzip(out)) {
                    gz.write(payload);
                }
            } else {
                out.write(payload);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory streams do not fail
        }
        return out.toByteArray();
    }

    /** gzip framing at deflate level 1, as ilastik asks z5py for. */
    private static final class LevelOneGzip extends GZIPOutputStream {
        LevelOneGzip(OutputStream out) throws IOException {
            super(out, 64 * 1024);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
