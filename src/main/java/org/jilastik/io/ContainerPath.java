package org.jilastik.io;

import java.nio.file.Path;
import java.util.Locale;

/**
 * One input file after splitting: the file-system path ({@code external}) and, for container formats, the
 * dataset inside it ({@code internal}, with a leading {@code /}, or null).
 *
 * @param external absolute path of the file or container directory
 * @param internal dataset path inside the container, or null
 */
public record ContainerPath(Path external, String internal) {
    /** The external path's extension, lower case, without the dot ("" if none). */
    public String extension() {
        String name = external.getFileName() == null ? "" : external.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The file name without its last extension (ilastik's {@code filenameBase}). */
    public String baseName() {
        String name = external.getFileName() == null ? "" : external.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    /** {@code external} plus {@code internal}, as a user would write it. */
    @Override
    public String toString() {
        return internal == null ? external.toString() : external + internal;
    }
}
