package org.jilastik.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * DESIGN.md invariant for Autocontext: results do not depend on block size or thread count, although stage 2's
 * halo includes stage 1's. A command of the new-autocontext-2d case is run with the default resources and again
 * with {@code LAZYFLOW_THREADS=1}, {@code LAZYFLOW_THREADS=2}, and the smallest memory budget
 * ({@code LAZYFLOW_TOTAL_RAM_MB=500}) plus {@code JILASTIK_MAX_TILE_EDGE=16}; every run must write the same
 * array. The HDF5 exports are the README's commands (their 256×256 chunks make one tile per channel chunk);
 * the TIFF exports, which are written in row strips, really are cut into 16-row tiles.
 */
class AutocontextTilingIT {
    private static final String CASE = "new-autocontext-2d";
    private static final Map<String, Map<String, String>> VARIANTS = new LinkedHashMap<>();

    static {
        VARIANTS.put("LAZYFLOW_THREADS=1", Map.of("LAZYFLOW_THREADS", "1"));
        VARIANTS.put("LAZYFLOW_THREADS=2", Map.of("LAZYFLOW_THREADS", "2"));
        VARIANTS.put("small tiles", Map.of("LAZYFLOW_THREADS", "2", "LAZYFLOW_TOTAL_RAM_MB", "500",
                "JILASTIK_MAX_TILE_EDGE", "16"));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource({
        "Probabilities All Stages, hdf5, ac2d-data_Probabilities_All_Stages.h5",
        "Features Stage 2, hdf5, ac2d-data_Features_Stage_2.h5",
        "Probabilities Stage 2, tif, ac2d-data_Probabilities_Stage_2.tif",
        "Features Stage 2, tif, ac2d-data_Features_Stage_2.tif",
    })
    void sameBytesWhateverTilesAndThreads(String source, String format, String file, @TempDir Path dir)
            throws IOException {
        List<CaseReadme.Command> readme = CaseReadme.commands(CASE).stream()
                .filter(c -> source.equals(c.flag("export_source")) && "hdf5".equals(c.flag("output_format")))
                .toList();
        assertThat(readme).as("hdf5 command for %s in %s/README.md", source, CASE).hasSize(1);
        List<String> args = new ArrayList<>();
        for (String a : readme.getFirst().args()) {
            args.add(a.equals("--output_format=hdf5") ? "--output_format=" + format
                    : a.startsWith("--output_filename_format=") ? a.replace(".h5", "." + format) : a);
        }

        ExportedFile baseline = runIn(dir.resolve("default"), Map.of(), args, file);
        for (Map.Entry<String, Map<String, String>> v : VARIANTS.entrySet()) {
            Path work = dir.resolve(v.getKey().replaceAll("[^A-Za-z0-9]", "_"));
            ExportedFile other = runIn(work, v.getValue(), args, file);
            Tolerance.identical(other, baseline);
            Files.delete(work.resolve("out").resolve(file));
        }
    }

    private static ExportedFile runIn(Path work, Map<String, String> env, List<String> args, String file)
            throws IOException {
        Files.createDirectories(work);
        Workspace.of(CASE, work);
        Jilastik.Result r = Jilastik.run(work, env, args);
        assertThat(r.exitCode()).as("%s with %s: %s", CASE, env, r.describe()).isZero();
        assertThat(Workspace.filesUnder(work.resolve("out"))).as("files written with %s", env).containsExactly(file);
        return ExportedFile.read(work.resolve("out").resolve(file), "exported_data");
    }
}
