package org.jilastik.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * DESIGN.md invariant: results do not depend on block size or thread count — the same values, bit for bit. The
 * README command of a 2-D and a 3-D case is run with the default resources and again with
 * {@code LAZYFLOW_THREADS=1}, with {@code LAZYFLOW_THREADS=2}, and with the smallest memory budget
 * ({@code LAZYFLOW_TOTAL_RAM_MB=500}) plus {@code JILASTIK_MAX_TILE_EDGE=16}, which cuts the image into many
 * small tiles (rounded up to whole HDF5 chunks by the export); every run must write the same array.
 */
class TilingAndThreadsIT {
    private static final Map<String, Map<String, String>> VARIANTS = new LinkedHashMap<>();

    static {
        VARIANTS.put("LAZYFLOW_THREADS=1", Map.of("LAZYFLOW_THREADS", "1"));
        VARIANTS.put("LAZYFLOW_THREADS=2", Map.of("LAZYFLOW_THREADS", "2"));
        VARIANTS.put("small tiles", Map.of("LAZYFLOW_THREADS", "2", "LAZYFLOW_TOTAL_RAM_MB", "500",
                "JILASTIK_MAX_TILE_EDGE", "16"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "new-2d-1ch-3class, Probabilities, blobs2d-data_Probabilities.h5",
        "new-2d-1ch-3class, Features, blobs2d-data_Features.h5",
        "new-3d-allfeatures, Probabilities, blobs3d-data_Probabilities.h5",
        "new-3d-allfeatures, Features, blobs3d-data_Features.h5",
    })
    void sameBytesWhateverTilesAndThreads(String caseName, String source, String file, @TempDir Path dir)
            throws IOException {
        List<CaseReadme.Command> hdf5 = CaseReadme.commands(caseName).stream()
                .filter(c -> source.equals(c.flag("export_source")) && "hdf5".equals(c.flag("output_format")))
                .toList();
        assertThat(hdf5).as("%s command for %s in %s/README.md", "hdf5", source, caseName).hasSize(1);
        List<String> args = hdf5.getFirst().args();

        ExportedFile baseline = runIn(caseName, dir.resolve("default"), Map.of(), args, file);
        for (Map.Entry<String, Map<String, String>> v : VARIANTS.entrySet()) {
            Path work = dir.resolve(v.getKey().replaceAll("[^A-Za-z0-9]", "_"));
            ExportedFile other = runIn(caseName, work, v.getValue(), args, file);
            Tolerance.identical(other, baseline);
            // the files are large (up to 250 MB for the 3-D features): keep one at a time
            Files.delete(work.resolve("out").resolve(file));
        }
    }

    private static ExportedFile runIn(String caseName, Path work, Map<String, String> env, List<String> args,
            String file) throws IOException {
        Files.createDirectories(work);
        Workspace.of(caseName, work);
        Jilastik.Result r = Jilastik.run(work, env, args);
        assertThat(r.exitCode()).as("%s with %s: %s", caseName, env, r.describe()).isZero();
        assertThat(Workspace.filesUnder(work.resolve("out"))).as("files written with %s", env).containsExactly(file);
        return ExportedFile.hdf5(work.resolve("out").resolve(file), "exported_data");
    }
}
