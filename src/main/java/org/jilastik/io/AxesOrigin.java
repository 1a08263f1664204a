package org.jilastik.io;

/** Where a source's own axes came from; decides whether a relabelling deserves a warning. */
public enum AxesOrigin {
    /** Stored in the file: vigra {@code axistags}, an N5 {@code axes} attribute, ImageJ metadata, Zarr names. */
    METADATA,
    /** The format always means these axes (2-D images are {@code yxc}, a plain multi-page TIFF is {@code tyx}). */
    FORMAT_CONVENTION,
    /** Guessed from the shape (spec cli-and-io §2.5). */
    GUESSED,
    /** Given by the user ({@code --input_axes}) or taken from the project's training lane. */
    ASSIGNED
}
