package org.jilastik.io.n5;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.jilastik.error.JilastikException;
import org.jilastik.io.AxesOrigin;
import org.jilastik.io.AxisGuess;
import org.jilastik.io.ChunkGrid;
import org.jilastik.io.ContainerDatasets;
import org.jilastik.io.ImageSource;
import org.jilastik.io.Inflate;
import org.jilastik.io.Regions;
import org.jilastik.io.hdf5.Hdf5Axes;
import org.jilastik.io.json.Json;

/**
 * One dataset of an N5 container (a directory), read per the N5 specification: {@code attributes.json} holds
 * {@code dimensions} and {@code blockSize} fastest axis first, {@code dataType} and {@code compression}
 * ({@code raw} or {@code gzip}); block {@code i_fastest/…/i_slowest} has a big-endian header (mode, rank,
 * block extents) followed by big-endian elements in fastest-first order. jilastik's axes are C-order, i.e. the
 * N5 dimensions reversed, so a block's payload is already C-order. Absent blocks read as 0. Axes: vigra
 * {@code axistags}, else the N5 {@code axes} attribute (reversed), else the shape guess. Thread safe.
 */
public final class N5Source implements ImageSource {
    private final Path dir;
    private final long[] shape;
    private final int[] block;
    private final DType dtype;
    private final boolean gzip;
    private final Axes axes;
    private final AxesOrigin origin;

    private N5Source(Path dir, Map<String, Object> attrs) {
        this.dir = dir;
        List<?> dims = (List<?>) attrs.get("dimensions");
        List<?> bs = (List<?>) attrs.get("blockSize");
        int nd = dims.size();
        shape = new long[nd];
        block = new int[nd];
        for (int i = 0; i < nd; i++) {
            shape[i] = ((Number) dims.get(nd - 1 - i)).longValue();
            block[i] = ((Number) bs.get(nd - 1 - i)).intValue();
        }
        dtype = DType.fromNumpyName(String.valueOf(attrs.get("dataType")));
        String codec = compressionOf(attrs);
        if (!codec.equals("raw") && !codec.equals("gzip")) {
            throw JilastikException.processing(dir + " uses N5 compression '" + codec + "', which jilastik cannot "
                    + "read yet; rewrite it with raw or gzip compression.");
        }
        gzip = codec.equals("gzip");
        Axes a = attrs.get("axistags") instanceof String s ? Hdf5Axes.fromAxistags(s, nd) : null;
        if (a == null && attrs.get("axes") != null) {
            a = Hdf5Axes.fromN5Axes(attrs.get("axes"), nd);
        }
        origin = a == null ? AxesOrigin.GUESSED : AxesOrigin.METADATA;
        axes = a == null ? AxisGuess.guess(shape, dir.toString()) : a;
    }

    private static String compressionOf(Map<String, Object> attrs) {
        if (attrs.get("compression") instanceof Map<?, ?> m) {
            return String.valueOf(m.get("type"));
        }
        return attrs.get("compressionType") instanceof String s ? s : "raw";
    }

    /**
     * Opens dataset {@code internalPath} of the container {@code root}; with no internal path the root itself if
     * it is a dataset, else its only dataset.
     *
     * @throws JilastikException (processing) if the dataset is missing (listing the available ones) or invalid
     */
    public static N5Source open(Path root, String internalPath) {
        String ip = internalPath == null ? "" : internalPath.replaceAll("^/+", "");
        Path dir = ip.isEmpty() ? root : root.resolve(ip);
        Map<String, Object> attrs = attributes(dir);
        if (attrs != null && attrs.containsKey("dimensions")) {
            try {
                return new N5Source(dir, attrs);
            } catch (JilastikException e) {
                throw e;
            } catch (RuntimeException e) {
                // wrong types or values in attributes.json (found by fuzzing)
                throw JilastikException.processing("cannot read the N5 dataset " + dir + " (" + e.getMessage()
                        + "); its attributes.json may be damaged.", e);
            }
        }
        List<String> all = ContainerDatasets.list(root, p -> {
            Map<String, Object> a = attributes(p);
            return a != null && a.containsKey("dimensions");
        });
        if (ip.isEmpty() && all.size() == 1) {
            return open(root, all.get(0));
        }
        if (ip.isEmpty()) {
            throw JilastikException.processing(root + (all.isEmpty() ? " contains no N5 datasets; select an N5 "
                    + "dataset." : " contains several datasets " + all + "; name one as " + root + "/"
                    + all.get(0) + "."));
        }
        throw JilastikException.processing("dataset /" + ip + " does not exist in " + root
                + "; available datasets: " + all + ".");
    }

    static Map<String, Object> attributes(Path dir) {
        Path f = dir.resolve("attributes.json");
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            return Json.parseObject(Files.readString(f));
        } catch (IOException | IllegalArgumentException e) {
            throw JilastikException.processing("cannot read " + f + " (" + e.getMessage() + "); the N5 "
                    + "container may be damaged.", e);
        }
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
        return block.clone();
    }

    @Override
    public Block read(Box box) {
        Regions.requireInside(this, box);
        return ChunkGrid.read(axes, dtype, block, box, 0, this::loadBlock);
    }

    private ChunkGrid.Chunk loadBlock(long[] g) {
        Path f = dir;
        for (int i = g.length - 1; i >= 0; i--) {
            f = f.resolve(Long.toString(g[i]));
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(f);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw JilastikException.processing("cannot read N5 block " + f + " (" + e.getMessage() + ").", e);
        }
        try {
            ByteBuffer h = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
            int mode = h.getShort() & 0xffff;
            int nd = h.getShort() & 0xffff;
            if (nd != shape.length || mode > 1) {
                throw new IOException("block header has mode " + mode + " and rank " + nd);
            }
            long[] start = new long[nd];
            long[] stop = new long[nd];
            int n = 1;
            for (int i = 0; i < nd; i++) {
                int ext = h.getInt();
                int axis = nd - 1 - i;
                start[axis] = g[axis] * block[axis];
                stop[axis] = start[axis] + ext;
                n = Math.multiplyExact(n, ext);
            }
            if (mode == 1) {
                h.getInt(); // varlength element count: the extents still give the array size
            }
            byte[] payload = gzip ? Inflate.inflate(bytes, h.position(), bytes.length - h.position())
                    : Arrays.copyOfRange(bytes, h.position(), bytes.length);
            ByteBuffer data = ByteBuffer.wrap(payload).order(ByteOrder.BIG_ENDIAN);
            if (payload.length < (long) n * dtype.byteSize()) {
                throw new IOException("block holds " + payload.length + " bytes for " + n + " elements");
            }
            return new ChunkGrid.Chunk(new Box(start, stop), Regions.decode(data, dtype, n));
        } catch (IOException | RuntimeException e) {
            throw JilastikException.processing("N5 block " + f + " is damaged (" + e.getMessage() + ").", e);
        }
    }

    @Override
    public String describe() {
        return "N5 " + dir + " " + Arrays.toString(shape) + " " + dtype + " " + axes + " blocks "
                + Arrays.toString(block);
    }

    @Override
    public void close() {
        // nothing held open between reads
    }
}
