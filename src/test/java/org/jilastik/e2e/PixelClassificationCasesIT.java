package org.jilastik.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command of every Pixel Classification reference case, run through the jar exactly as its README gives it
 * (in a folder of links to the case's files), and every file compared with the one real ilastik wrote: name,
 * dataset, dtype, shape, axistags and attributes, values within the tolerances of testdata/README.md.
 *
 * <p>The cases and the file each command writes are listed here, so that a README parsing slip cannot make the
 * test pass by running nothing.
 */
class PixelClassificationCasesIT {
    /** case → the file each README command writes, in the README's order. */
    static final Map<String, List<String>> CASES = new LinkedHashMap<>();

    static {
        CASES.put("new-2d-1ch-3class", List.of("blobs2d-data_Probabilities.h5", "blobs2d-data_Simple_Segmentation.h5",
                "blobs2d-data_Uncertainty.h5", "blobs2d-data_Features.h5", "blobs2d_Probabilities.tiff"));
        CASES.put("new-2d-3channel", standard("rgb2d-data"));
        CASES.put("new-2d-allfeatures", standard("allfeat2d-data"));
        CASES.put("new-3d-allfeatures", standard("blobs3d-data"));
        CASES.put("new-3d-computein2d", standard("c2d3d-data"));
        CASES.put("ij-2d-cells-apoptotic", standard("2d_cells_apoptotic"));
        CASES.put("notebook-pc-2d-cells", standard("2d_cells_apoptotic_1channel"));
    }

    private static List<String> standard(String nickname) {
        return List.of(nickname + "_Probabilities.h5", nickname + "_Simple_Segmentation.h5",
                nickname + "_Uncertainty.h5", nickname + "_Features.h5");
    }

    static Stream<Arguments> commands() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> c : CASES.entrySet()) {
            List<CaseReadme.Command> cmds = CaseReadme.commands(c.getKey());
            if (cmds.size() != c.getValue().size()) {
                throw new IllegalStateException(c.getKey() + "/README.md: " + cmds.size() + " commands parsed, "
                        + c.getValue().size() + " expected");
            }
            for (int i = 0; i < cmds.size(); i++) {
                out.add(Arguments.of(c.getKey(), cmds.get(i), c.getValue().get(i)));
            }
        }
        return out.stream();
    }

    @Test
    void everyReferenceOutputHasItsCommand() throws IOException {
        int total = 0;
        for (Map.Entry<String, List<String>> c : CASES.entrySet()) {
            assertThat(CaseReadme.commands(c.getKey())).as("commands of %s", c.getKey()).hasSize(c.getValue().size());
            assertThat(Workspace.filesUnder(CaseReadme.CASES.resolve(c.getKey()).resolve("out")))
                    .as("reference outputs of %s", c.getKey()).containsExactlyInAnyOrderElementsOf(c.getValue());
            total += c.getValue().size();
        }
        assertThat(total).isEqualTo(29);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("commands")
    void writesWhatIlastikWrote(String caseName, CaseReadme.Command cmd, String file, @TempDir Path dir)
            throws IOException {
        Path work = Workspace.of(caseName, dir);
        Jilastik.Result r = Jilastik.run(work, Map.of(), cmd.args());
        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(Workspace.filesUnder(work.resolve("out"))).as("files written").containsExactly(file);
        String internal = cmd.flag("output_internal_path");
        ReferenceOutputs.compare(work.resolve("out").resolve(file),
                CaseReadme.CASES.resolve(caseName).resolve("out").resolve(file),
                internal == null ? "exported_data" : internal, cmd.flag("export_source"),
                ReferenceOutputs.fullShape(caseName, file), 1.0, work.resolve(cmd.flag("project")));
    }
}
