package org.jilastik.export.tracking;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.jilastik.error.JilastikException;

/**
 * Writes a small text file of a tracking export under its final name only when complete (temporary sibling,
 * then an atomic move). Stateless, thread safe for distinct files.
 */
final class TextOutput {
    private TextOutput() {
    }

    /** Writes {@code text} (UTF-8) to {@code file}, creating parent folders. */
    static Path write(Path file, String text) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, "." + file.getFileName(), ".part");
            try {
                Files.writeString(temp, text, StandardCharsets.UTF_8);
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
            return file;
        } catch (IOException e) {
            throw JilastikException.processing("cannot write " + file + " (" + e.getMessage()
                    + "); choose a writable --output_filename_format", e);
        }
    }
}
