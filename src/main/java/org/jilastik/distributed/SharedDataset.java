package org.jilastik.distributed;

import java.nio.file.Path;
import java.util.List;
import org.jilastik.array.DType;
import org.jilastik.export.ExistingOutput;

/**
 * One chunked dataset (N5, Zarr v2/v3, OME-Zarr) that several processes fill at once, coordinating only through
 * the file system. Each block of the distributed export is exactly one chunk; a chunk file is written under a
 * temporary name and renamed, so a chunk file that exists is complete (the files are the per-block done markers
 * a restart relies on). Metadata files are created idempotently (temporary name, rename, only when absent;
 * concurrent creators write the same bytes). The dataset's attributes carry the run key
 * ({@link #RUN_KEY}) so that blocks of two different runs are never mixed, and, once every block is present, the
 * completion marker {@link #COMPLETE_KEY}.
 *
 * <p>All shapes and grid positions are C order. Thread safe: distinct blocks may be written concurrently from any
 * thread or process.
 */
public interface SharedDataset {
    /** The dataset attribute naming the run (project, input, source, block count) the blocks belong to. */
    String RUN_KEY = "jilastik_distributed";
    /** The dataset attribute marking a finished output: {@code "jilastik_complete": true}. */
    String COMPLETE_KEY = "jilastik_complete";

    /** What {@link #prepare} found on disk before this process took part. */
    enum Found {
        /** Nothing (or an unfinished creation): the dataset was created. */
        ABSENT,
        /** A dataset of this run without the completion marker: joined, missing blocks get computed. */
        PARTIAL,
        /** A dataset of this run with the completion marker. */
        COMPLETE,
        /** A dataset of another run (or another layout) that {@code --overwrite} replaced. */
        REPLACED
    }

    /** The format in words, for messages ({@code "N5"}, {@code "Zarr v2"}, {@code "OME-Zarr 0.5"}). */
    String format();

    /** What the user opens: the N5 container, the Zarr store, the OME-Zarr image directory. */
    Path location();

    /** The directory holding the chunks and the attributes with the markers. */
    Path arrayDir();

    /** The dataset shape (C order). */
    long[] shape();

    /** The chunk (= block) shape (C order). */
    int[] blockShape();

    /** The element type. */
    DType dtype();

    /**
     * Creates the dataset or joins it, following the existing-output rule:
     * <ul>
     *   <li>absent → created; same run, partial → joined (a restart computes only the missing blocks);</li>
     *   <li>same run, complete → kept, nothing to compute; with {@link ExistingOutput#REPLACE} deleted and created
     *       anew by the first process that owns blocks (under a lock file, so the other processes then join the
     *       new one); with {@link ExistingOutput#REFUSE} refused by a process that owns blocks;</li>
     *   <li>another run's dataset → refused; with {@link ExistingOutput#REPLACE} replaced as above.</li>
     * </ul>
     *
     * @param existing   the run's existing-output rule
     * @param ownsBlocks whether this process owns blocks (one that owns none never replaces or refuses: it may be
     *                   a late process of the very run that completed the dataset)
     * @throws org.jilastik.error.JilastikException (processing) when refused or the files cannot be written
     */
    Found prepare(ExistingOutput existing, boolean ownsBlocks);

    /** Whether the block at grid position {@code grid} has been written completely. */
    boolean hasBlock(long[] grid);

    /** Whether every block of {@code grids} has been written. */
    default boolean hasAll(List<long[]> grids) {
        for (long[] g : grids) {
            if (!hasBlock(g)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Writes one block atomically (an existing file of the block is replaced).
     *
     * @param grid    grid position
     * @param extents extents of the block (clipped at the dataset's edge)
     * @param data    flat C-order primitive array of the dataset dtype with exactly the block's elements; not kept
     */
    void writeBlock(long[] grid, long[] extents, Object data);

    /** Whether the dataset carries the completion marker. */
    boolean isComplete();

    /** Adds the completion marker (an atomic rewrite of the attributes; idempotent). */
    void markComplete();
}
