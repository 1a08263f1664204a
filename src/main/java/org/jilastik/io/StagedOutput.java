package org.jilastik.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.atomic.AtomicLong;

/**
 * File-system steps of the sinks' "temporary name, then rename" rule: a hidden temporary sibling name, recursive
 * deletion, and the final move (atomic for files; for a directory that replaces an existing one, the old tree is
 * deleted first, so only that short step is not atomic). Stateless, thread safe.
 */
public final class StagedOutput {
    private static final AtomicLong COUNTER = new AtomicLong();

    private StagedOutput() {
    }

    /** A hidden, unique sibling of {@code target}: {@code .<name>.jilastik-<pid>-<n>}. */
    public static Path temporarySibling(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".jilastik-" + ProcessHandle.current().pid() + "-"
                + COUNTER.incrementAndGet());
    }

    /** Moves the finished {@code staged} file or directory to {@code target}, replacing what was there. */
    public static void moveIntoPlace(Path staged, Path target) throws IOException {
        if (Files.isDirectory(staged) && Files.isDirectory(target)) {
            deleteTree(target);
        }
        try {
            Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes {@code path} and everything under it; absent paths are fine. */
    public static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** {@link #deleteTree} that swallows errors (cleanup after a failure). */
    public static void deleteQuietly(Path path) {
        try {
            deleteTree(path);
        } catch (IOException ignored) {
            // best effort: a hidden temporary never looks like a finished output
        }
    }

    /**
     * Whether a failed write of {@code bytes} next to {@code target} is explained by a full disk: the file system
     * holding {@code target} (or its nearest existing ancestor) has less than {@code bytes} + 1 MiB free. For
     * writers whose library does not say why a write failed (libhdf5).
     *
     * @return a phrase such as {@code "the disk is full (12 KiB free in /data/out)"}, or {@code null}
     */
    public static String diskFullReason(Path target, long bytes) {
        Path dir = target.toAbsolutePath().getParent();
        while (dir != null && !Files.isDirectory(dir)) {
            dir = dir.getParent();
        }
        if (dir == null) {
            return null;
        }
        try {
            long free = Files.getFileStore(dir).getUsableSpace();
            if (free < bytes + (1L << 20)) {
                return "the disk is full (" + (free >> 10) + " KiB free in " + dir + ")";
            }
        } catch (IOException e) {
            // unknown: no claim
        }
        return null;
    }
}
