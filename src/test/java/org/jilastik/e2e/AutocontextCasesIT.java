package org.jilastik.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.jhdf.HdfFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jilastik.array.DType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command of every Autocontext reference case, run through the jar exactly as its README gives it (in a
 * folder of links to the case's files), and every file compared with the one real ilastik wrote: name, dataset,
 * dtype, shape, axistags and attributes, values within the tolerances of testdata/README.md.
 *
 * <p>The export sources the case has no reference file for are checked against what ilastik's own outputs
 * imply: {@code Input Stage 1} is the raw data, {@code Input Stage 2} the raw channel followed by ilastik's stage-1
 * probabilities as uint8 ({@code trunc(255·p)}), {@code Labels} is all zero for a batch input, stage 1's
 * segmentation and uncertainty follow from ilastik's stage-1 probabilities, the misspelled
 * {@code Propabilities All Stages} and the default source give ilastik's files.
 */
class AutocontextCasesIT {
    /** case → the file each README command writes, in the README's order. */
    static final Map<String, List<String>> CASES = new LinkedHashMap<>();

    static {
        CASES.put("new-autocontext-2d", List.of("ac2d-data_Probabilities_Stage_1.h5",
                "ac2d-data_Probabilities_Stage_2.h5", "ac2d-data_Simple_Segmentation_Stage_2.h5",
                "ac2d-data_Uncertainty_Stage_2.h5", "ac2d-data_Features_Stage_2.h5",
                "ac2d-data_Probabilities_All_Stages.h5"));
    }

    private static final String CASE = "new-autocontext-2d";
    private static final String PROJECT = "--project=ac2d_autocontext.ilp";
    private static final String RAW = "--raw_data=ac2d.h5/data";
    private static final Pattern STAGE = Pattern.compile("Stage (\\d+)");

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
    void everyAutocontextCaseAndReferenceOutputIsListed() throws IOException {
        TreeSet<String> autocontext = new TreeSet<>();
        try (Stream<Path> dirs = Files.list(CaseReadme.CASES)) {
            for (Path d : (Iterable<Path>) dirs::iterator) {
                if (!Files.isDirectory(d)) {
                    continue;
                }
                try (Stream<Path> files = Files.list(d)) {
                    for (Path f : (Iterable<Path>) files::iterator) {
                        if (f.toString().endsWith(".ilp") && workflowName(f).startsWith("Autocontext")) {
                            autocontext.add(d.getFileName().toString());
                        }
                    }
                }
            }
        }
        assertThat(autocontext).as("reference cases holding an Autocontext project").isEqualTo(CASES.keySet());
        for (Map.Entry<String, List<String>> c : CASES.entrySet()) {
            assertThat(CaseReadme.commands(c.getKey())).as("commands of %s", c.getKey()).hasSize(c.getValue().size());
            assertThat(Workspace.filesUnder(CaseReadme.CASES.resolve(c.getKey()).resolve("out")))
                    .as("reference outputs of %s", c.getKey()).containsExactlyInAnyOrderElementsOf(c.getValue());
        }
    }

    private static String workflowName(Path ilp) {
        try (HdfFile f = new HdfFile(ilp)) {
            Object v = f.getDatasetByPath("workflowName").getData();
            return v instanceof String[] a ? a[0] : String.valueOf(v);
        } catch (RuntimeException e) {
            return "";
        }
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
        String source = cmd.flag("export_source");
        ReferenceOutputs.compare(work.resolve("out").resolve(file),
                CaseReadme.CASES.resolve(caseName).resolve("out").resolve(file),
                internal == null ? "exported_data" : internal, source, ReferenceOutputs.fullShape(caseName, file),
                1.0, work.resolve(cmd.flag("project")), classifierGroup(source));
    }

    // Autocontext stage k keeps its forest in PixelClassification (k = 1) or PixelClassification0<k-1>.
    private static String classifierGroup(String source) {
        Matcher m = STAGE.matcher(source);
        int stage = m.find() ? Integer.parseInt(m.group(1)) : 1;
        return stage == 1 ? "PixelClassification" : String.format("PixelClassification%02d", stage - 1);
    }

    /** Runs one export of the case with {@code {result_type}} in the file name; returns the file read back. */
    private static ExportedFile export(Path dir, String sourceFlag, String expectedFile) {
        List<String> args = new ArrayList<>(List.of("--headless", PROJECT));
        if (sourceFlag != null) {
            args.add("--export_source=" + sourceFlag);
        }
        args.addAll(List.of("--output_format=hdf5", "--output_filename_format=out/{nickname}_{result_type}.h5", RAW));
        try {
            Path work = Workspace.of(CASE, Files.createDirectories(dir));
            Jilastik.Result r = Jilastik.run(work, Map.of(), args);
            assertThat(r.exitCode()).as(r.describe()).isZero();
            assertThat(Workspace.filesUnder(work.resolve("out"))).as("files written").containsExactly(expectedFile);
            return ExportedFile.hdf5(work.resolve("out").resolve(expectedFile), "exported_data");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static ExportedFile reference(String file) {
        return ExportedFile.hdf5(CaseReadme.CASES.resolve(CASE).resolve("out").resolve(file), "exported_data");
    }

    private static ExportedFile rawData() {
        return ExportedFile.hdf5(CaseReadme.CASES.resolve(CASE).resolve("ac2d.h5"), "data");
    }

    @Test
    void inputStage1IsTheRawData(@TempDir Path dir) {
        ExportedFile in = export(dir, "Input Stage 1", "ac2d-data_Input Stage 1.h5");
        ExportedFile raw = rawData();
        assertThat(in.dtype()).isEqualTo(DType.UINT8);
        assertThat(in.shape()).containsExactly(256, 256, 1);
        for (int i = 0; i < raw.size(); i++) {
            assertThat(in.value(i)).as("pixel %s", ExportedFile.position(i, raw.shape())).isEqualTo(raw.value(i));
        }
    }

    @Test
    void inputStage2IsRawThenIlastiksStage1ProbabilitiesAsUint8(@TempDir Path dir) {
        ExportedFile in = export(dir, "input stage 2", "ac2d-data_Input Stage 2.h5");
        ExportedFile raw = rawData();
        ExportedFile p1 = reference("ac2d-data_Probabilities_Stage_1.h5");
        assertThat(in.dtype()).isEqualTo(DType.UINT8);
        assertThat(in.shape()).containsExactly(256, 256, 4);
        int pixels = raw.size();
        long differ = 0;
        int first = -1;
        for (int i = 0; i < pixels; i++) {
            assertThat(in.value(4 * i)).as("raw channel at %s", ExportedFile.position(i, raw.shape()))
                    .isEqualTo(raw.value(i));
            for (int k = 0; k < 3; k++) {
                if (in.value(4 * i + 1 + k) != (int) (255f * (float) p1.value(3 * i + k))) {
                    differ++;
                    first = first < 0 ? i : first;
                }
            }
        }
        // label-image tolerance: ≥ 99.99 % of the converted values equal
        assertThat(differ).as("converted probabilities differing from trunc(255·p) of ilastik's stage 1, first at "
                + "pixel %d", first).isLessThanOrEqualTo(3L * pixels / 10000);
    }

    @Test
    void labelsOfABatchInputAreZero(@TempDir Path dir) {
        ExportedFile labels = export(dir, "Labels Stage 1", "ac2d-data_Labels Stage 1.h5");
        assertThat(labels.dtype()).isEqualTo(DType.UINT8);
        assertThat(labels.shape()).containsExactly(256, 256, 1);
        for (int i = 0; i < labels.size(); i++) {
            assertThat(labels.value(i)).as("label at %d", i).isZero();
        }
    }

    @Test
    void stage1SegmentationAndUncertaintyFollowIlastiksStage1Probabilities(@TempDir Path dir) throws IOException {
        ExportedFile p1 = reference("ac2d-data_Probabilities_Stage_1.h5");
        int pixels = p1.size() / 3;
        byte[] seg = new byte[pixels];
        float[] unc = new float[pixels];
        for (int i = 0; i < pixels; i++) {
            float[] p = {(float) p1.value(3 * i), (float) p1.value(3 * i + 1), (float) p1.value(3 * i + 2)};
            int best = 0;
            for (int k = 1; k < 3; k++) {
                best = p[k] > p[best] ? k : best;
            }
            seg[i] = (byte) (best + 1);
            float[] sorted = p.clone();
            java.util.Arrays.sort(sorted);
            unc[i] = 1f - (sorted[2] - sorted[1]);
        }
        long[] shape = {256, 256, 1};
        ExportedFile segmentation = export(dir.resolve("seg"), "Simple Segmentation Stage 1",
                "ac2d-data_Simple Segmentation Stage 1.h5");
        ExportedFile derivedSeg = new ExportedFile(Path.of("derived"), DType.UINT8, shape, null, Map.of(), seg);
        Tolerance.check(Tolerance.Kind.LABELS, segmentation, derivedSeg, shape, 1.0, null);
        ExportedFile uncertainty = export(dir.resolve("unc"), "Uncertainty Stage 1",
                "ac2d-data_Uncertainty Stage 1.h5");
        ExportedFile derivedUnc = new ExportedFile(Path.of("derived"), DType.FLOAT32, shape, null, Map.of(), unc);
        Tolerance.check(Tolerance.Kind.PROBABILITIES, uncertainty, derivedUnc, shape, 1.0, null);
    }

    @Test
    void stage1FeaturesHaveTheStoredForestsChannels(@TempDir Path dir) {
        ExportedFile f = export(dir, "Features Stage 1", "ac2d-data_Features Stage 1.h5");
        List<String> names = ReferenceOutputs.featureNames(
                CaseReadme.CASES.resolve(CASE).resolve("ac2d_autocontext.ilp"), "PixelClassification");
        assertThat(names).isNotNull();
        assertThat(f.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(f.shape()).containsExactly(256, 256, names.size());
    }

    @Test
    void misspelledAllStagesAndTheDefaultSourceGiveIlastiksFiles(@TempDir Path dir) throws IOException {
        ExportedFile all = export(dir.resolve("all"), "Propabilities All Stages", "ac2d-data_Probabilities All Stages.h5");
        ExportedFile refAll = reference("ac2d-data_Probabilities_All_Stages.h5");
        Tolerance.sameMetadata(all, refAll);
        Tolerance.check(Tolerance.Kind.PROBABILITIES, all, refAll, refAll.shape(), 1.0, null);
        ExportedFile last = export(dir.resolve("default"), null, "ac2d-data_Probabilities Stage 2.h5");
        ExportedFile refLast = reference("ac2d-data_Probabilities_Stage_2.h5");
        Tolerance.sameMetadata(last, refLast);
        Tolerance.check(Tolerance.Kind.PROBABILITIES, last, refLast, refLast.shape(), 1.0, null);
    }
}
