package org.jilastik.distributed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jilastik.array.DType;
import org.jilastik.error.JilastikException;
import org.jilastik.export.ExistingOutput;
import org.jilastik.io.StagedOutput;
import org.jilastik.io.json.Json;
import org.jilastik.io.json.PyJson;

/**
 * What N5 and Zarr shared datasets have in common: metadata files created only when absent and always by an
 * atomic rename, the run check (the dataset's own metadata files, completion marker aside, must equal this run's),
 * the existing-output rules of {@link SharedDataset#prepare}, chunk files written atomically, and the completion
 * marker kept in one JSON attributes file (at its top level, or in its {@code attributes} member for Zarr v3).
 * Subclasses say which files describe the dataset and how a chunk is named and encoded. Thread safe.
 */
abstract class FileSharedDataset implements SharedDataset {
    /** How long a process waits for another one's replacement lock before giving up. */
    private static final long LOCK_WAIT_MS = 120_000;

    protected final Path location;
    protected final Path arrayDir;
    protected final long[] shape;
    protected final int[] block;
    protected final DType dtype;

    FileSharedDataset(Path location, Path arrayDir, long[] shape, int[] block, DType dtype) {
        this.location = location;
        this.arrayDir = arrayDir;
        this.shape = shape.clone();
        this.block = block.clone();
        this.dtype = dtype;
    }

    /** Every metadata file to create (absolute paths → JSON text), parents before children. */
    abstract Map<Path, String> metadataFiles();

    /** The metadata files that must match for a dataset on disk to be this run's (inside {@link #arrayDir}). */
    abstract Map<Path, String> identityFiles();

    /** The JSON file holding the attributes, the run key and the completion marker. */
    abstract Path attributesFile();

    /** Whether the attributes are the {@code attributes} member of {@link #attributesFile()} (Zarr v3). */
    abstract boolean attributesNested();

    /** The file of the chunk at grid position {@code grid}. */
    abstract Path blockFile(long[] grid);

    /** The bytes of a chunk file. */
    abstract byte[] encode(long[] grid, long[] extents, Object data);

    /** What {@code --overwrite} deletes: the dataset (N5, Zarr: other datasets of the container are kept). */
    Path replacedTree() {
        return arrayDir;
    }

    @Override
    public Path location() {
        return location;
    }

    @Override
    public Path arrayDir() {
        return arrayDir;
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    @Override
    public int[] blockShape() {
        return block.clone();
    }

    @Override
    public DType dtype() {
        return dtype;
    }

    private enum OnDisk { ABSENT, PARTIAL, COMPLETE, OTHER }

    private OnDisk onDisk() throws IOException {
        for (Map.Entry<Path, String> f : identityFiles().entrySet()) {
            if (!Files.isRegularFile(f.getKey())) {
                return OnDisk.ABSENT; // not yet (completely) created: creation is idempotent
            }
        }
        for (Map.Entry<Path, String> f : identityFiles().entrySet()) {
            Map<String, Object> found;
            try {
                found = Json.parseObject(Files.readString(f.getKey()));
            } catch (NoSuchFileException e) {
                return OnDisk.ABSENT; // another process is replacing it right now
            }
            attributesOf(found).remove(COMPLETE_KEY);
            if (!PyJson.dumps(found).equals(PyJson.dumps(Json.parseObject(f.getValue())))) {
                return OnDisk.OTHER;
            }
        }
        return isComplete() ? OnDisk.COMPLETE : OnDisk.PARTIAL;
    }

    @Override
    public Found prepare(ExistingOutput existing, boolean ownsBlocks) {
        try {
            OnDisk state = onDisk();
            boolean replace = existing == ExistingOutput.REPLACE && ownsBlocks;
            switch (state) {
                case ABSENT, PARTIAL -> {
                    create();
                    return state == OnDisk.ABSENT ? Found.ABSENT : Found.PARTIAL;
                }
                case COMPLETE -> {
                    if (replace) {
                        return replaceUnderLock(existing);
                    }
                    if (existing == ExistingOutput.REFUSE && ownsBlocks) {
                        throw JilastikException.processing("the " + format() + " output " + location + " is already "
                                + "complete and --no-overwrite was given; delete it or give --overwrite to compute it "
                                + "again");
                    }
                    return Found.COMPLETE;
                }
                default -> {
                    if (existing == ExistingOutput.REPLACE) {
                        return replaceUnderLock(existing);
                    }
                    throw JilastikException.processing("the " + format() + " dataset " + arrayDir + " already exists "
                            + "from another run (different project, input, export settings or block shape); delete "
                            + "it, give --overwrite or choose another --output_filename_format");
                }
            }
        } catch (IOException e) {
            throw JilastikException.processing("cannot create the " + format() + " dataset " + arrayDir + " ("
                    + e.getMessage() + "); check free disk space and write permission", e);
        }
    }

    // Only one process replaces: under the lock it looks again, so a process that comes second finds the new,
    // partial dataset of this run and joins it instead of deleting the first one's blocks.
    private Found replaceUnderLock(ExistingOutput existing) throws IOException {
        Path lock = location.resolveSibling(location.getFileName() + ".jilastik-lock");
        Files.createDirectories(lock.getParent());
        long deadline = System.currentTimeMillis() + LOCK_WAIT_MS;
        while (true) {
            try {
                Files.createFile(lock);
                break;
            } catch (FileAlreadyExistsException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw JilastikException.processing("another jilastik process has held the lock " + lock + " for "
                            + LOCK_WAIT_MS / 1000 + " s; delete that file if no jilastik is running on this output");
                }
                sleep();
            }
        }
        try {
            OnDisk again = onDisk();
            if (again == OnDisk.COMPLETE || again == OnDisk.OTHER) {
                Path trash = StagedOutput.temporarySibling(replacedTree());
                try {
                    Files.move(replacedTree(), trash, StandardCopyOption.ATOMIC_MOVE);
                } catch (NoSuchFileException e) {
                    trash = null;
                }
                if (trash != null) {
                    StagedOutput.deleteTree(trash);
                }
                create();
                return Found.REPLACED;
            }
            create();
            return again == OnDisk.ABSENT ? Found.ABSENT : Found.PARTIAL;
        } finally {
            Files.deleteIfExists(lock);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw JilastikException.processing("interrupted while waiting for another jilastik process", e);
        }
    }

    private void create() throws IOException {
        for (Map.Entry<Path, String> f : metadataFiles().entrySet()) {
            if (!Files.exists(f.getKey())) {
                Files.createDirectories(f.getKey().getParent());
                atomicWrite(f.getKey(), f.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    @Override
    public boolean hasBlock(long[] grid) {
        return Files.isRegularFile(blockFile(grid));
    }

    @Override
    public void writeBlock(long[] grid, long[] extents, Object data) {
        Path f = blockFile(grid);
        try {
            Files.createDirectories(f.getParent());
            atomicWrite(f, encode(grid, extents, data));
        } catch (IOException e) {
            throw JilastikException.processing("cannot write the " + format() + " block " + f + " (" + e.getMessage()
                    + "); check free disk space", e);
        }
    }

    @Override
    public boolean isComplete() {
        Path f = attributesFile();
        try {
            return Files.isRegularFile(f)
                    && Boolean.TRUE.equals(attributesOf(Json.parseObject(Files.readString(f))).get(COMPLETE_KEY));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void markComplete() {
        Path f = attributesFile();
        try {
            Map<String, Object> all = new LinkedHashMap<>(Json.parseObject(Files.readString(f)));
            attributesOf(all).put(COMPLETE_KEY, Boolean.TRUE);
            atomicWrite(f, PyJson.dumps(all).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw JilastikException.processing("cannot mark the " + format() + " dataset " + arrayDir + " complete ("
                    + e.getMessage() + "); check free disk space and write permission", e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> attributesOf(Map<String, Object> file) {
        if (!attributesNested()) {
            return file;
        }
        Object a = file.get("attributes");
        if (a instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) m);
            file.put("attributes", copy);
            return copy;
        }
        Map<String, Object> fresh = new LinkedHashMap<>();
        file.put("attributes", fresh);
        return fresh;
    }

    /** Writes {@code bytes} to {@code target} under a temporary sibling name, then renames it into place. */
    static void atomicWrite(Path target, byte[] bytes) throws IOException {
        Path tmp = StagedOutput.temporarySibling(target);
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
