package org.jilastik.io.zarr;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
import org.jilastik.io.codec.Blosc;
import org.jilastik.io.hdf5.Hdf5Axes;
import org.jilastik.io.json.Json;

/**
 * One array of a Zarr store (a directory), format 2 ({@code .zarray}: C order, compressor null/zlib/gzip/blosc,
 * {@code .} or {@code /} separators) or 3 ({@code zarr.json}: codecs {@code bytes}, {@code gzip}, {@code blosc},
 * {@code crc32c}; default {@code c/…} or v2 chunk keys). Blosc frames are decoded by {@link Blosc} (lz4 or zlib,
 * byte shuffle); zstd, sharding and transposes are refused with a message naming them. Edge chunks are stored full
 * size; absent chunks read as the fill value. Axes: v3 {@code dimension_names} or v2 {@code _ARRAY_DIMENSIONS} when
 * they are axis letters, else ilastik's {@code axistags} attribute, else the axis names of the parent OME-Zarr
 * group's {@code multiscales}, else the shape guess. Opening an OME-Zarr group without an internal path opens its
 * first (full-resolution) dataset. Thread safe.
 */
public final class ZarrSource implements ImageSource {
    private final Path dir;
    private final ZarrArrayMeta meta;
    private final Axes axes;
    private final AxesOrigin origin;

    private ZarrSource(Path dir, ZarrArrayMeta meta) {
        this.dir = dir;
        this.meta = meta;
        Axes named = axesFromNames(meta.dimensionNames(), meta.shape().length);
        if (named == null) {
            named = omeAxes(dir, meta.shape().length);
        }
        this.origin = named == null ? AxesOrigin.GUESSED : AxesOrigin.METADATA;
        this.axes = named == null ? AxisGuess.guess(meta.shape(), dir.toString()) : named;
    }

    /**
     * Opens array {@code internalPath} of the store {@code root}; with no internal path the root if it is an
     * array, else its only array.
     *
     * @throws JilastikException (processing) if the array is missing (listing the available ones) or uses an
     *     unsupported codec
     */
    public static ZarrSource open(Path root, String internalPath) {
        try {
            return openChecked(root, internalPath);
        } catch (JilastikException e) {
            throw e;
        } catch (RuntimeException e) {
            // wrong types or values in the JSON metadata (found by fuzzing)
            throw JilastikException.processing("cannot read the Zarr store " + root + " (" + e.getMessage()
                    + "); its metadata may be damaged.", e);
        }
    }

    private static ZarrSource openChecked(Path root, String internalPath) {
        String ip = internalPath == null ? "" : internalPath.replaceAll("^/+", "");
        Path dir = ip.isEmpty() ? root : root.resolve(ip);
        ZarrArrayMeta meta = meta(dir);
        if (meta != null) {
            return new ZarrSource(dir, meta);
        }
        String first = ip.isEmpty() ? omeFirstDataset(root) : null;
        if (first != null && meta(root.resolve(first)) != null) {
            return openChecked(root, first);
        }
        List<String> all = ContainerDatasets.list(root, ZarrSource::isArray);
        if (ip.isEmpty() && all.size() == 1) {
            return openChecked(root, all.get(0));
        }
        if (ip.isEmpty()) {
            throw JilastikException.processing(root + (all.isEmpty() ? " contains no Zarr arrays; select a Zarr "
                    + "array." : " contains several arrays " + all + "; name one as " + root + "/" + all.get(0) + "."));
        }
        throw JilastikException.processing("array /" + ip + " does not exist in " + root + "; available arrays: "
                + all + ".");
    }

    private static boolean isArray(Path dir) {
        if (Files.isRegularFile(dir.resolve(".zarray"))) {
            return true;
        }
        Map<String, Object> m = json(dir.resolve("zarr.json"));
        return m != null && "array".equals(m.get("node_type"));
    }

    private static ZarrArrayMeta meta(Path dir) {
        Map<String, Object> v2 = json(dir.resolve(".zarray"));
        if (v2 != null) {
            return ZarrArrayMeta.fromV2(v2, json(dir.resolve(".zattrs")), dir.toString());
        }
        Map<String, Object> v3 = json(dir.resolve("zarr.json"));
        if (v3 != null && "array".equals(v3.get("node_type"))) {
            return ZarrArrayMeta.fromV3(v3, dir.toString());
        }
        return null;
    }

    private static Map<String, Object> json(Path f) {
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            return Json.parseObject(Files.readString(f));
        } catch (IOException | IllegalArgumentException e) {
            throw JilastikException.processing("cannot read " + f + " (" + e.getMessage() + "); the Zarr store "
                    + "may be damaged.", e);
        }
    }

    /** The attributes of a v2 node ({@code .zattrs}) or a v3 node ({@code zarr.json} attributes), or null. */
    private static Map<?, ?> attributes(Path node) {
        Map<String, Object> v2 = json(node.resolve(".zattrs"));
        if (v2 != null) {
            return v2;
        }
        Map<String, Object> v3 = json(node.resolve("zarr.json"));
        return v3 != null && v3.get("attributes") instanceof Map<?, ?> a ? a : null;
    }

    /** The {@code multiscales[0]} entry of an OME-Zarr group (NGFF 0.4 top level or 0.5 under {@code ome}). */
    private static Map<?, ?> multiscale(Path group) {
        Map<?, ?> attrs = attributes(group);
        if (attrs == null) {
            return null;
        }
        Object ms = attrs.get("ome") instanceof Map<?, ?> ome ? ome.get("multiscales") : attrs.get("multiscales");
        return ms instanceof List<?> l && !l.isEmpty() && l.getFirst() instanceof Map<?, ?> m ? m : null;
    }

    /** The path of the first (full-resolution) dataset of an OME-Zarr group, or null. */
    private static String omeFirstDataset(Path group) {
        Map<?, ?> ms = multiscale(group);
        if (ms != null && ms.get("datasets") instanceof List<?> ds && !ds.isEmpty()
                && ds.getFirst() instanceof Map<?, ?> d && d.get("path") instanceof String p) {
            return p;
        }
        return null;
    }

    /**
     * Axes of an OME-Zarr level: ilastik's {@code axistags} attribute on the array, else the axis names of the
     * parent group's {@code multiscales}; null if neither names the {@code nd} axes.
     */
    private static Axes omeAxes(Path dir, int nd) {
        Map<?, ?> attrs = attributes(dir);
        if (attrs != null && attrs.get("axistags") instanceof String tags) {
            Axes a = Hdf5Axes.fromAxistags(tags, nd);
            if (a != null) {
                return a;
            }
        }
        Map<?, ?> ms = dir.getParent() == null ? null : multiscale(dir.getParent());
        if (ms != null && ms.get("axes") instanceof List<?> axes) {
            List<String> names = new java.util.ArrayList<>();
            for (Object o : axes) {
                names.add(o instanceof Map<?, ?> m ? String.valueOf(m.get("name")) : String.valueOf(o));
            }
            return axesFromNames(names, nd);
        }
        return null;
    }

    private static Axes axesFromNames(List<String> names, int nd) {
        if (names == null || names.size() != nd) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (String n : names) {
            if (n == null || n.length() != 1) {
                return null;
            }
            sb.append(n.toLowerCase(Locale.ROOT));
        }
        try {
            return Axes.of(sb.toString());
        } catch (IllegalArgumentException e) {
            return null;
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
        return meta.shape().clone();
    }

    @Override
    public DType dtype() {
        return meta.dtype();
    }

    @Override
    public int[] chunkShape() {
        return meta.chunks().clone();
    }

    @Override
    public Block read(Box box) {
        Regions.requireInside(this, box);
        return ChunkGrid.read(axes, meta.dtype(), meta.chunks(), box, meta.fillValue(), this::loadChunk);
    }

    private ChunkGrid.Chunk loadChunk(long[] g) {
        Path f = dir.resolve(meta.chunkKey(g));
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(f);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw JilastikException.processing("cannot read Zarr chunk " + f + " (" + e.getMessage() + ").", e);
        }
        try {
            int len = meta.crc32c() ? bytes.length - 4 : bytes.length;
            byte[] raw = meta.blosc() ? Blosc.decompress(Arrays.copyOf(bytes, len))
                    : meta.deflated() ? Inflate.inflate(bytes, 0, len) : Arrays.copyOf(bytes, len);
            Box cb = ChunkGrid.chunkBox(g, meta.chunks());
            int n = Math.toIntExact(cb.numElements());
            if (raw.length < (long) n * meta.dtype().byteSize()) {
                throw new IOException("chunk holds " + raw.length + " bytes for " + n + " elements");
            }
            return new ChunkGrid.Chunk(cb, Regions.decode(ByteBuffer.wrap(raw).order(meta.order()), meta.dtype(), n));
        } catch (IOException | RuntimeException e) {
            throw JilastikException.processing("Zarr chunk " + f + " is damaged (" + e.getMessage() + ").", e);
        }
    }

    @Override
    public String describe() {
        return "Zarr " + dir + " " + Arrays.toString(meta.shape()) + " " + meta.dtype() + " " + axes + " chunks "
                + Arrays.toString(meta.chunks());
    }

    @Override
    public void close() {
        // nothing held open between reads
    }
}
