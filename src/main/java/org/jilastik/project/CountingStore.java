package org.jilastik.project;

import java.util.List;

/**
 * What a Cell Density Counting project stores for headless runs, as raw data: the pickled regressor wrappers of
 * {@code Counting/CountingWrappers} (in name order; decode them with
 * {@link org.jilastik.project.pickle.PickleDecoder}, never with Python) and the CSV path the export applet may
 * have saved ({@code Density Export/CsvFilepath}). Immutable (do not modify the byte arrays).
 *
 * @param wrapperPaths HDF5 paths of the wrapper datasets, e.g. {@code /Counting/CountingWrappers/wrapper0003}
 * @param pickles      each wrapper's pickle bytes, same order
 * @param csvFilepath  the stored CSV path, or null when none is stored
 */
public record CountingStore(List<String> wrapperPaths, List<byte[]> pickles, String csvFilepath) {
    /** Copies the lists. */
    public CountingStore {
        wrapperPaths = List.copyOf(wrapperPaths);
        pickles = List.copyOf(pickles);
    }
}
