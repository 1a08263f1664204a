package org.jilastik.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Cell Density Counting reference case {@code counting-2d}, run through the jar exactly as its README gives it:
 * the density file (name, dataset, dtype, shape, axistags and attributes, every pixel within 1e-4 relative) and
 * the counts CSV (one line per input, {@code <nickname>,<count>}, the count within 1e-3 relative; ilastik's line
 * is reproduced character for character by the summation of spec counting §2.4).
 */
class CountingCasesIT {
    private static final String CASE = "counting-2d";
    private static final String DENSITY = "cells2d-data_Probabilities.h5";

    @Test
    void writesTheDensityAndCountsIlastikWrote(@TempDir Path dir) throws IOException {
        List<CaseReadme.Command> cmds = CaseReadme.commands(CASE);
        assertThat(cmds).hasSize(1);
        CaseReadme.Command cmd = cmds.getFirst();
        assertThat(cmd.args()).anyMatch(a -> a.startsWith("--csv-export-file=") || a.startsWith("--csv_export_file="));
        Path work = Workspace.of(CASE, dir);
        Jilastik.Result r = Jilastik.run(work, Map.of(), cmd.args());
        assertThat(r.exitCode()).as(r.describe()).isZero();
        Path refOut = CaseReadme.CASES.resolve(CASE).resolve("out");
        assertThat(Workspace.filesUnder(work.resolve("out"))).as("files written")
                .containsExactlyElementsOf(Workspace.filesUnder(refOut)).containsExactly(DENSITY, "counts.csv");

        ExportedFile ours = ExportedFile.read(work.resolve("out").resolve(DENSITY), "exported_data");
        ExportedFile ref = ExportedFile.read(refOut.resolve(DENSITY), "exported_data");
        Tolerance.sameMetadata(ours, ref);
        assertThat(ours.dtype()).isEqualTo(ref.dtype());
        assertThat(ours.shape()).isEqualTo(ref.shape()).isEqualTo(new long[] {160, 200, 1});
        float[] o = (float[]) ours.data();
        float[] e = (float[]) ref.data();
        assertThat(o).hasSameSizeAs(e);
        double worst = 0;
        int at = -1;
        for (int i = 0; i < e.length; i++) {
            double err = Math.abs(o[i] - e[i]) - 1e-4 * Math.abs(e[i]);
            if (at < 0 || err > worst) {
                worst = err;
                at = i;
            }
        }
        assertThat(worst).as("worst density difference beyond 1e-4 relative: ours %s, ilastik %s at %s", o[at],
                e[at], ExportedFile.position(at, ref.shape())).isLessThanOrEqualTo(0);

        String csv = Files.readString(work.resolve("out").resolve("counts.csv"));
        String refCsv = Files.readString(refOut.resolve("counts.csv"));
        assertThat(csv).endsWith("\n");
        String[] line = csv.strip().split(",");
        String[] refLine = refCsv.strip().split(",");
        assertThat(csv.lines().count()).isEqualTo(refCsv.lines().count()).isEqualTo(1);
        assertThat(line).hasSize(2);
        assertThat(line[0]).isEqualTo(refLine[0]).isEqualTo("cells2d-data");
        assertThat(Double.parseDouble(line[1])).isCloseTo(Double.parseDouble(refLine[1]),
                org.assertj.core.data.Percentage.withPercentage(0.1));
        assertThat(line[1]).as("Python str() of the float64 count").matches("-?\\d+\\.\\d+");
        assertThat(csv).as("the whole file, as ilastik wrote it").isEqualTo(refCsv);
    }

    @Test
    void countsWholeImagesWhateverTheCutoutAndTiles(@TempDir Path dir) throws IOException {
        // a cutout exports a corner only, while the CSV still counts the whole image; small tiles give the same
        Path work = Workspace.of(CASE, dir);
        Jilastik.Result r = Jilastik.run(work, Map.of("LAZYFLOW_THREADS", "3", "JILASTIK_MAX_TILE_EDGE", "16"), List.of(
                "--headless", "--project=cells2d_counting.ilp", "--output_format=hdf5",
                "--output_filename_format=out/{nickname}_part.h5", "--cutout_subregion=[(10,20,None),(60,90,None)]",
                "--csv-export-file=out/counts.csv", "--raw_data", "cells2d.h5/data", "cells2d.tif"));
        assertThat(r.exitCode()).as(r.describe()).isZero();
        String refLine = Files.readString(CaseReadme.CASES.resolve(CASE).resolve("out").resolve("counts.csv"));
        // the TIFF holds the same pixels; its nickname is the file name without extension
        assertThat(Files.readString(work.resolve("out").resolve("counts.csv")))
                .isEqualTo(refLine + refLine.replace("cells2d-data,", "cells2d,"));
        ExportedFile part = ExportedFile.read(work.resolve("out").resolve("cells2d-data_part.h5"), "exported_data");
        ExportedFile ref = ExportedFile.read(CaseReadme.CASES.resolve(CASE).resolve("out").resolve(DENSITY),
                "exported_data");
        assertThat(part.shape()).isEqualTo(new long[] {50, 70, 1});
        float[] p = (float[]) part.data();
        float[] e = (float[]) ref.data();
        for (int y = 0; y < 50; y++) {
            for (int x = 0; x < 70; x++) {
                float want = e[(10 + y) * 200 + 20 + x];
                assertThat(p[y * 70 + x]).as("density at y=%d x=%d", 10 + y, 20 + x)
                        .isCloseTo(want, org.assertj.core.data.Offset.offset(1e-4f * Math.abs(want)));
            }
        }
    }
}
