package org.jilastik.project;

import io.jhdf.HdfFile;
import io.jhdf.api.Group;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jilastik.error.JilastikException;

/**
 * Reads the {@link CountingStore} of a Cell Density Counting project: each {@code Counting/CountingWrappers/*}
 * dataset is one element of an opaque HDF5 type whose bytes are a pickle (spec counting §4). Only bytes are read;
 * nothing is decoded here. Stateless, thread safe.
 */
public final class CountingStoreReader {
    private CountingStoreReader() {
    }

    /**
     * Reads the store of {@code ilp}.
     *
     * @throws JilastikException (processing) if the project holds no stored regressor or it cannot be read
     */
    public static CountingStore read(Path ilp) {
        try (HdfFile hdf = new HdfFile(ilp)) {
            Group wrappers = Hdf5Values.group(Hdf5Values.group(hdf, "Counting"), "CountingWrappers");
            // jhdf cannot open these opaque datasets: list the links and read the bytes from the headers
            Map<String, Long> children = wrappers == null ? Map.of()
                    : new TreeMap<>(Hdf5Children.linkAddresses(wrappers));
            List<String> paths = new ArrayList<>();
            List<byte[]> pickles = new ArrayList<>();
            for (String name : children.keySet()) {
                String path = "/Counting/CountingWrappers/" + name;
                byte[] b = OpaqueDatasetBytes.read(wrappers, name);
                if (b.length == 0) {
                    throw JilastikException.processing(path + " of " + ilp + " is empty; save the project again in"
                            + " ilastik");
                }
                paths.add(path);
                pickles.add(b);
            }
            if (pickles.isEmpty()) {
                throw JilastikException.processing(ilp + " holds no trained counting regressor"
                        + " (Counting/CountingWrappers is empty); open it in ilastik, let the Counting applet train"
                        + " and save the project");
            }
            Group export = Hdf5Values.group(hdf, "Density Export");
            String csv = export == null ? null : Hdf5Values.string(export, "CsvFilepath");
            return new CountingStore(paths, pickles, csv == null || csv.isBlank() ? null : csv);
        } catch (JilastikException e) {
            throw e;
        } catch (RuntimeException e) {
            throw JilastikException.processing("the counting regressors of " + ilp + " cannot be read ("
                    + e.getMessage() + "); save the project again in ilastik", e);
        }
    }
}
