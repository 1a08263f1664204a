package org.jilastik.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.jilastik.error.JilastikException;

/**
 * Writes a table as ilastik's object export does: comma separated, one header line of column names, no quoting,
 * {@code \n} line ends. The file appears under its final name only when complete (written to a temporary sibling,
 * then moved). Not thread safe; one writer per file.
 */
public final class CsvTableWriter implements AutoCloseable {
    private final Path file;
    private final Path temp;
    private final BufferedWriter out;
    private final int columns;

    /**
     * Opens {@code file} (parent folders are created) and writes the header.
     *
     * @throws JilastikException (processing) if the file cannot be created
     */
    public CsvTableWriter(Path file, List<String> header) {
        this.file = file;
        this.columns = header.size();
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            temp = Files.createTempFile(parent, "." + file.getFileName(), ".part");
            out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
            out.write(String.join(",", header));
            out.write('\n');
        } catch (IOException e) {
            throw JilastikException.processing("cannot write the table " + file + " (" + e.getMessage()
                    + "); choose a writable --table_filename", e);
        }
    }

    /** Appends one row; cells are written verbatim. */
    public void row(String[] cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException(cells.length + " cells for " + columns + " columns");
        }
        try {
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(cells[i]);
            }
            out.write('\n');
        } catch (IOException e) {
            throw JilastikException.processing("cannot write the table " + file + " (" + e.getMessage()
                    + "); check the disk space", e);
        }
    }

    /** Finishes the file under its final name. */
    @Override
    public void close() {
        try {
            out.close();
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw JilastikException.processing("cannot write the table " + file + " (" + e.getMessage()
                    + "); check the disk space", e);
        }
    }

    /** Removes the partial file (after a failure). */
    public void abort() {
        try {
            out.close();
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // nothing more to clean up
        }
    }
}
