package org.jilastik.project;

import java.nio.file.Path;
import org.jilastik.error.JilastikException;

/**
 * Reads an {@code .ilp} file into a {@link Project}.
 *
 * <p>STUB: the project package fills this in.
 */
public final class ProjectReader {
    private ProjectReader() {
    }

    /**
     * Reads the project at {@code ilp}.
     *
     * @throws JilastikException (exit code 1) if the file is missing, not an ilastik project, truncated, or of
     *                           a workflow jilastik does not know
     */
    public static Project read(Path ilp) {
        throw JilastikException.processing("reading projects is not implemented yet");
    }
}
