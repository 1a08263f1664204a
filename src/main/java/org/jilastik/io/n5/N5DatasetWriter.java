package org.jilastik.io.n5;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.jilastik.error.JilastikException;
import org.jilastik.io.ChunkAssembler;
import org.jilastik.io.ImageSink;
import org.jilastik.io.StagedOutput;
import org.jilastik.io.json.PyJson;

/**
 * Writes one dataset of an N5 container (spec: saalfeldlab/n5, format 2.0.0) block by block, as ilastik's
 * {@code n5} / {@code compressed n5} export lays it out: {@code attributes.json} with {@code dimensions} and
 * {@code blockSize} fastest axis first (the C-order shape reversed), {@code dataType} (numpy name) and
 * {@code compression} ({@code {"type": "raw"}}, or {@code {"type": "gzip", "level": 1, "useZlib": false}}), plus
 * the caller's attributes; block {@code i_fastest/…/i_slowest} holds the big-endian header (mode 0, rank, the
 * block's extents fastest first, truncated at the array's edge) and the big-endian elements, gzip-framed when
 * compressed. The container root gets {@code {"n5": "2.0.0"}}, groups created for the internal path get
 * {@code {}} (so that readers such as zarr's {@code N5Store} list them). Blocks never written are absent (read as
 * 0).
 *
 * <p>Staging: a new container is written whole under a hidden temporary name beside it and renamed at commit; in
 * an existing container (ilastik opens it for appending) only the dataset is staged, under a hidden sibling name
 * inside its group, and replaces an existing dataset of the same path at commit; other content is kept.
 *
 * <p>Thread safety: concurrent {@link #write(Block)} calls for disjoint blocks are safe.
 */
public final class N5DatasetWriter implements ImageSink {
    private final Path container;
    private final Path datasetDir;
    private final Path stagedRoot;      // what moves at commit: the whole container or the dataset directory
    private final Path stagedDataset;   // the dataset directory inside the staging area
    private final List<Path> createdGroups = new ArrayList<>();
    private final Axes axes;
    private final long[] shape;
    private final DType dtype;
    private final int[] block;
    private final boolean gzip;
    private final ChunkAssembler assembler;
    private volatile boolean finished;

    private N5DatasetWriter(Path container, String internalPath, Axes axes, long[] shape, DType dtype, int[] block,
            boolean gzip, Map<String, Object> attributes) throws IOException {
        this.container = container;
        this.axes = axes;
        this.shape = shape.clone();
        this.dtype = dtype;
        this.block = block.clone();
        this.gzip = gzip;
        String ip = internalPath.replaceAll("^/+", "").replaceAll("/+$", "");
        this.datasetDir = container.resolve(ip);
        if (Files.isDirectory(container)) {
            Path parent = datasetDir.getParent();
            for (Path p = parent; !p.equals(container) && !Files.exists(p); p = p.getParent()) {
                createdGroups.addFirst(p);
            }
            Files.createDirectories(parent);
            stagedRoot = StagedOutput.temporarySibling(datasetDir);
            stagedDataset = stagedRoot;
        } else {
            stagedRoot = StagedOutput.temporarySibling(container);
            Files.createDirectories(stagedRoot);
            Files.writeString(stagedRoot.resolve("attributes.json"), PyJson.dumps(Map.of("n5", "2.0.0")));
            stagedDataset = stagedRoot.resolve(ip);
            for (Path g = stagedDataset.getParent(); !g.equals(stagedRoot); g = g.getParent()) {
                Files.createDirectories(g);
                Files.writeString(g.resolve("attributes.json"), "{}");
            }
        }
        Files.createDirectories(stagedDataset);
        Files.writeString(stagedDataset.resolve("attributes.json"), PyJson.dumps(attributes(attributes)));
        this.assembler = new ChunkAssembler(axes, dtype, shape, block, this::writeBlock);
    }

    /**
     * Creates the writer for dataset {@code internalPath} of the container directory {@code container}.
     *
     * @param block      block extents in C order (reversed in the metadata)
     * @param gzip       gzip level 1 ({@code compressed n5}) instead of raw blocks
     * @param attributes extra dataset attributes (JSON values: strings, numbers, lists), e.g. {@code axistags}
     * @throws JilastikException (processing) if the directories cannot be created
     */
    public static N5DatasetWriter create(Path container, String internalPath, Axes axes, long[] shape, DType dtype,
            int[] block, boolean gzip, Map<String, Object> attributes) {
        try {
            return new N5DatasetWriter(container, internalPath, axes, shape, dtype, block, gzip, attributes);
        } catch (IOException e) {
            throw JilastikException.processing("cannot create the N5 dataset " + internalPath + " in " + container
                    + " (" + e.getMessage() + "); check free disk space and write permission", e);
        }
    }

    private Map<String, Object> attributes(Map<String, Object> extra) {
        return N5Blocks.datasetAttributes(shape, block, dtype, gzip, extra);
    }

    private void writeBlock(long[] g, Box box, Object data) {
        Path f = N5Blocks.blockPath(stagedDataset, g);
        try {
            Files.createDirectories(f.getParent());
            Files.write(f, N5Blocks.encode(box.shape(), data, dtype, gzip));
        } catch (IOException e) {
            throw JilastikException.processing("cannot write N5 block " + f + " (" + e.getMessage()
                    + "); check free disk space", e);
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

    @Override
    public void write(Block b) {
        ImageSink.requireFits(this, b);
        if (finished) {
            throw new IllegalStateException("write after commit or abort");
        }
        assembler.write(b);
    }

    @Override
    public void commit() {
        if (finished) {
            throw new IllegalStateException("commit after commit or abort");
        }
        try {
            assembler.flush();
            for (Path g : createdGroups) {
                Files.writeString(g.resolve("attributes.json"), "{}");
            }
            StagedOutput.moveIntoPlace(stagedRoot, stagedRoot == stagedDataset ? datasetDir : container);
            finished = true;
        } catch (IOException | RuntimeException e) {
            abort();
            throw e instanceof JilastikException j ? j : JilastikException.processing("cannot finish the N5 dataset "
                    + datasetDir + " (" + e.getMessage() + "); check free disk space and write permission", e);
        }
    }

    @Override
    public void abort() {
        if (finished) {
            return;
        }
        finished = true;
        assembler.discard();
        StagedOutput.deleteQuietly(stagedRoot);
        for (Path g : createdGroups.reversed()) {
            try {
                Files.deleteIfExists(g);
            } catch (IOException ignored) {
                // a group someone else filled meanwhile stays
            }
        }
    }

    @Override
    public void close() {
        abort();
    }
}
