package org.jilastik.io.zarr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.jilastik.error.JilastikException;
import org.jilastik.io.ChunkGrid;
import org.jilastik.io.ChunkAssembler;
import org.jilastik.io.ImageSink;
import org.jilastik.io.StagedOutput;
import org.jilastik.io.json.PyJson;

/**
 * Writes an OME-Zarr image (axes always {@code tczyx}) block by block: the full-resolution array {@code s0}
 * streamed as blocks arrive, then at {@link #commit()} the optional 2× pyramid {@code s1, s2, …} (each level read
 * back chunk by chunk from the one before, so memory stays at a few chunks), then the group metadata.
 *
 * <p>Layouts: OME-NGFF 0.4 on Zarr v2 ({@code .zgroup}, {@code .zattrs} with {@code _creator} and
 * {@code multiscales}, arrays as {@link ZarrArrayWriter} describes; ilastik's {@code single-scale OME-Zarr} and
 * {@code multi-scale OME-Zarr}) or OME-NGFF 0.5 on Zarr v3 (one {@code zarr.json} per node; the group's
 * attributes hold {@code ome: {version: "0.5", multiscales}} and {@code _creator}; arrays carry
 * {@code dimension_names}). Every level has the chunk shape given for {@code s0} and the caller's array
 * attributes.
 *
 * <p>The whole image is written under a hidden temporary directory beside the target and renamed at commit
 * (replacing an existing directory of that name; ilastik's refusal to overwrite is the export layer's choice).
 * Thread safety: concurrent {@link #write(Block)} calls for disjoint blocks are safe.
 */
public final class OmeZarrWriter implements ImageSink {
    private static final Axes AXES = Axes.of(OmeZarrMetadata.AXES);

    private final Path target;
    private final Path staged;
    private final long[] shape;
    private final DType dtype;
    private final int[] chunk;
    private final OmeZarrOptions options;
    private final ChunkAssembler s0;
    private volatile boolean finished;

    private OmeZarrWriter(Path target, long[] shape, DType dtype, int[] chunk, OmeZarrOptions options)
            throws IOException {
        if (shape.length != 5 || chunk.length != 5) {
            throw new IllegalArgumentException("OME-Zarr arrays are tczyx (5 axes), got shape of " + shape.length);
        }
        this.target = target;
        this.shape = shape.clone();
        this.dtype = dtype;
        this.chunk = chunk.clone();
        this.options = options;
        this.staged = StagedOutput.temporarySibling(target);
        Files.createDirectories(staged);
        this.s0 = new ChunkAssembler(AXES, dtype, shape, chunk, array(0, shape));
    }

    /**
     * Creates the writer of the OME-Zarr directory {@code target}.
     *
     * @param shape extents in {@code tczyx}
     * @param chunk chunk extents in {@code tczyx}
     * @throws JilastikException (processing) if the temporary directory cannot be created
     */
    public static OmeZarrWriter create(Path target, long[] shape, DType dtype, int[] chunk, OmeZarrOptions options) {
        try {
            return new OmeZarrWriter(target, shape, dtype, chunk, options);
        } catch (IOException e) {
            throw JilastikException.processing("cannot create the OME-Zarr image " + target + " (" + e.getMessage()
                    + "); check free disk space and write permission", e);
        }
    }

    private ZarrArrayWriter array(int level, long[] levelShape) throws IOException {
        List<String> names = new ArrayList<>();
        for (char c : OmeZarrMetadata.AXES.toCharArray()) {
            names.add(String.valueOf(c));
        }
        return new ZarrArrayWriter(staged.resolve("s" + level), options.zarrFormat(), levelShape, chunk, dtype, names,
                options.arrayAttributes());
    }

    @Override
    public Axes axes() {
        return AXES;
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
        s0.write(block);
    }

    @Override
    public void commit() {
        if (finished) {
            throw new IllegalStateException("commit after commit or abort");
        }
        try {
            s0.flush();
            List<long[]> levels = OmeZarrMetadata.pyramid(shape, chunk, options.multiscale());
            for (int k = 1; k < levels.size(); k++) {
                downscale(k, levels.get(k - 1), levels.get(k));
            }
            writeGroupMetadata(levels);
            StagedOutput.moveIntoPlace(staged, target);
            finished = true;
        } catch (IOException | RuntimeException e) {
            abort();
            throw e instanceof JilastikException j ? j : JilastikException.processing("cannot finish the OME-Zarr "
                    + "image " + target + " (" + e.getMessage() + "); check free disk space and write permission", e);
        }
    }

    /** Level {@code k} from level {@code k - 1}, one output chunk per task. */
    private void downscale(int k, long[] prevShape, long[] levelShape) throws IOException {
        int[] factor = new int[5];
        for (int a = 0; a < 5; a++) {
            factor[a] = a >= 2 && prevShape[a] > 1 ? 2 : 1;
        }
        ZarrArrayWriter out = array(k, levelShape);
        ChunkAssembler assembler = new ChunkAssembler(AXES, dtype, levelShape, chunk, out);
        List<Box> tiles = chunkBoxes(levelShape);
        try (ZarrSource prev = ZarrSource.open(staged, "s" + (k - 1))) {
            IntStream.range(0, tiles.size()).parallel().forEach(i -> {
                Box t = tiles.get(i);
                long[] a = new long[5];
                long[] b = new long[5];
                for (int d = 0; d < 5; d++) {
                    a[d] = t.start(d) * factor[d];
                    b[d] = t.stop(d) * factor[d];
                }
                Block src = prev.read(new Box(a, b));
                Block reduced = options.downsample().reduce(new Block(AXES, src.box(), dtype, src.data()), factor, t);
                assembler.write(reduced);
            });
        }
        assembler.flush();
    }

    /** The boxes of all chunks of an array of {@code levelShape}, clipped to it, in C order of the grid. */
    private List<Box> chunkBoxes(long[] levelShape) {
        List<Box> out = new ArrayList<>();
        long[] count = new long[5];
        for (int a = 0; a < 5; a++) {
            count[a] = (levelShape[a] + chunk[a] - 1) / chunk[a];
            if (count[a] == 0) {
                return out;
            }
        }
        long[] g = new long[5];
        while (true) {
            out.add(ChunkGrid.chunkBox(g.clone(), chunk, levelShape));
            int a = 4;
            while (a >= 0 && ++g[a] >= count[a]) {
                g[a] = 0;
                a--;
            }
            if (a < 0) {
                return out;
            }
        }
    }

    private void writeGroupMetadata(List<long[]> levels) throws IOException {
        for (Map.Entry<String, String> f : groupFiles(levels, options).entrySet()) {
            Files.writeString(staged.resolve(f.getKey()), f.getValue());
        }
    }

    /**
     * The group metadata files of a single-scale image (only {@code s0}) of {@code shape} ({@code tczyx}): file
     * name relative to the image directory → JSON text. The distributed export writes them itself.
     */
    public static Map<String, String> singleScaleGroupFiles(long[] shape, OmeZarrOptions options) {
        return groupFiles(List.of(shape.clone()), options);
    }

    private static Map<String, String> groupFiles(List<long[]> levels, OmeZarrOptions options) {
        Map<String, String> files = new LinkedHashMap<>();
        if (options.zarrFormat() == 2) {
            files.put(".zgroup", PyJson.dumps(Map.of("zarr_format", 2)));
            Map<String, Object> attrs = new LinkedHashMap<>();
            attrs.put("_creator", OmeZarrMetadata.creator(options));
            attrs.put("multiscales", List.of(OmeZarrMetadata.multiscale(levels, options, "0.4")));
            files.put(".zattrs", PyJson.dumps(attrs));
        } else {
            Map<String, Object> ome = new LinkedHashMap<>();
            ome.put("version", "0.5");
            ome.put("multiscales", List.of(OmeZarrMetadata.multiscale(levels, options, "0.5")));
            Map<String, Object> attrs = new LinkedHashMap<>();
            attrs.put("ome", ome);
            attrs.put("_creator", OmeZarrMetadata.creator(options));
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("zarr_format", 3);
            group.put("node_type", "group");
            group.put("attributes", attrs);
            files.put("zarr.json", PyJson.dumps(group));
        }
        return files;
    }

    @Override
    public void abort() {
        if (finished) {
            return;
        }
        finished = true;
        s0.discard();
        StagedOutput.deleteQuietly(staged);
    }

    @Override
    public void close() {
        abort();
    }
}
