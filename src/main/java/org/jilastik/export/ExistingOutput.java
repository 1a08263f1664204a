package org.jilastik.export;

/**
 * What an export does when its target already exists (spec cli-and-io §3.6, §6 item 22). The target is the
 * dataset inside the container for HDF5 and N5 (other datasets of the file are always kept) and the file or
 * directory for every other format.
 */
public enum ExistingOutput {
    /**
     * ilastik's behaviour per format (the default): HDF5/N5 open the container for append and replace only the
     * target dataset; images, sequences, npy and multipage TIFF replace the file; OME-Zarr refuses (exit 1).
     */
    ILASTIK,
    /** {@code --overwrite}: replace the target whatever the format (an existing OME-Zarr directory too). */
    REPLACE,
    /** {@code --no-overwrite}: refuse with one sentence (exit 1) when the target exists; nothing is written. */
    REFUSE
}
