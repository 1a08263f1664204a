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
 * jilastik's export options beyond ilastik, run through the jar on the export-options 2-D project: the named
 * cutout gives exactly the sub-array of ilastik's uncut export; {@code --clip} saturates instead of wrapping;
 * {@code --no-overwrite} refuses an existing dataset (exit 1, file untouched) and {@code --overwrite} replaces it.
 */
class ExportExtrasIT {
    private static final Path UNCUT = ExportOptionsMatrix.DIR.resolve("out/2d_hdf5_default/ex2d-data_Probabilities.h5");

    private static List<String> args(String template, String... extra) {
        List<String> a = new java.util.ArrayList<>(List.of("--headless", "--project=ex2d_pc.ilp",
                "--export_source=Probabilities", "--output_format=hdf5", "--output_filename_format=" + template,
                "--raw_data=ex2d.h5/data"));
        a.addAll(List.of(extra));
        return a;
    }

    @Test
    void namedCutoutIsTheSubArrayAndNamesItsRegion(@TempDir Path dir) throws IOException {
        Path work = Workspace.of(ExportOptionsMatrix.CASE, dir);
        Jilastik.Result r = Jilastik.run(work, Map.of(), args("out/{nickname}_{roi}_x{x_start}.h5",
                "--cutout_subregion=y=10:40,x=20:60"));
        assertThat(r.exitCode()).as(r.describe()).isZero();
        Path out = work.resolve("out/ex2d-data_[(10, 20, 0), (40, 60, 3)]_x20.h5");
        PixelArray ours = PixelArray.read(out, "exported_data");
        PixelArray expected = PixelArray.read(UNCUT, "exported_data").slice(new long[] {10, 20, 0},
                new long[] {40, 60, 3});
        assertThat(ours.shape()).containsExactly(30, 40, 3);
        assertThat(ours.axes()).isEqualTo("yxc");
        assertThat(ours.sha256()).isEqualTo(expected.sha256());
    }

    @Test
    void clipSaturatesWhereIlastikWraps(@TempDir Path dir) throws IOException {
        Path work = Workspace.of(ExportOptionsMatrix.CASE, dir);
        String[] conv = {"--export_dtype=uint8", "--pipeline_result_drange=(0.0,0.5)", "--export_drange=(0,255)"};
        Jilastik.Result wrap = Jilastik.run(work, Map.of(), args("out/wrap.h5", conv));
        List<String> clipArgs = args("out/clip.h5", conv);
        clipArgs.add("--clip");
        Jilastik.Result clip = Jilastik.run(work, Map.of(), clipArgs);
        assertThat(wrap.exitCode()).as(wrap.describe()).isZero();
        assertThat(clip.exitCode()).as(clip.describe()).isZero();
        PixelArray p = PixelArray.read(UNCUT, "exported_data");
        PixelArray w = PixelArray.read(work.resolve("out/wrap.h5"), "exported_data");
        PixelArray c = PixelArray.read(work.resolve("out/clip.h5"), "exported_data");
        float ratio = (float) (255.0 / 0.5);
        int saturated = 0;
        for (int i = 0; i < p.size(); i++) {
            double y = Math.rint((float) p.value(i) * ratio); // float32 arithmetic, round half to even
            assertThat(w.value(i)).as("wrapped value %d", i).isEqualTo((double) (((long) y) & 0xff));
            assertThat(c.value(i)).as("clipped value %d", i).isEqualTo(Math.min(255.0, y));
            saturated += y > 255 ? 1 : 0;
        }
        assertThat(saturated).as("values above the export range").isGreaterThan(1000);
    }

    @Test
    void noOverwriteRefusesAndOverwriteReplaces(@TempDir Path dir) throws IOException {
        Path work = Workspace.of(ExportOptionsMatrix.CASE, dir);
        assertThat(Jilastik.run(work, Map.of(), args("out/a.h5")).exitCode()).isZero();
        Path file = work.resolve("out/a.h5");
        byte[] before = Files.readAllBytes(file);
        Jilastik.Result refused = Jilastik.run(work, Map.of(), args("out/a.h5", "--no-overwrite"));
        assertThat(refused.exitCode()).as(refused.describe()).isEqualTo(1);
        assertThat(refused.stderr()).singleElement().asString().startsWith("jilastik: the output dataset ")
                .contains("--no-overwrite");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        // another dataset in the same file is not "the target": allowed, and the first one is kept
        Jilastik.Result other = Jilastik.run(work, Map.of(), args("out/a.h5", "--no-overwrite",
                "--output_internal_path=second"));
        assertThat(other.exitCode()).as(other.describe()).isZero();
        Jilastik.Result replaced = Jilastik.run(work, Map.of(), args("out/a.h5", "--overwrite",
                "--cutout_subregion=c=1"));
        assertThat(replaced.exitCode()).as(replaced.describe()).isZero();
        assertThat(PixelArray.read(file, "exported_data").shape()).containsExactly(60, 80, 1);
        assertThat(PixelArray.read(file, "second").shape()).containsExactly(60, 80, 3);
    }
}
