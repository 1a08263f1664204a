package org.jilastik.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jilastik.array.Axes;
import org.jilastik.array.DType;
import org.jilastik.features.FeatureSelection;
import org.jilastik.features.FeatureSpec;
import org.jilastik.forest.ClassifierForestsCodec;
import org.jilastik.forest.VigraClassifier;
import org.jilastik.io.hdf5.Hdf5Editor;
import org.jilastik.project.ClassifierFactorySettings;
import org.jilastik.project.ClassifierGroup;
import org.jilastik.project.ClassifierType;
import org.jilastik.project.DatasetInfo;
import org.jilastik.project.DatasetKind;
import org.jilastik.project.LabelBlock;
import org.jilastik.project.Project;
import org.jilastik.project.ProjectReader;
import org.jilastik.project.StoredGroup;
import org.jilastik.workflow.WorkflowKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jilastik train} and {@code --retrain} end to end, in process: a project trained from the synthetic case
 * {@code new-2d-1ch-3class} (its image copied, its stored labels turned into a label image) is read back by
 * {@link ProjectReader} with every field as given, and {@code jilastik --headless} runs it to a segmentation that
 * agrees with ilastik's on ≥ 98 % of pixels; {@code --retrain} saves a new classifier into a copy of the reference
 * project (and does not when {@code --readonly=true}), Autocontext included.
 */
class TrainCommandTest {
    static final Path CASES = Path.of("../shared/testdata/ilastik-ref");
    static final Path BLOBS = CASES.resolve("new-2d-1ch-3class");
    private static final int SIDE = 384;

    record Result(int code, String out, String err) {
    }

    // The run's notes go to System.err (as the headless runner writes them); both streams are captured.
    static synchronized Result main(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream saved = System.err;
        System.setErr(errStream);
        try {
            int code = Main.run(args, Map.of("LAZYFLOW_THREADS", "2"),
                    new PrintStream(out, true, StandardCharsets.UTF_8), errStream);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(saved);
        }
    }

    /** The reference project's labels as one 384×384 label image (y, x), 0 = unlabelled. */
    static byte[] referenceLabels() {
        Project p = ProjectReader.read(BLOBS.resolve("blobs2d_pc.ilp"));
        ClassifierGroup g = p.pixelStages().getFirst().classifier();
        return paint(g.blocksInLaneOrder(0, Axes.of("yxc")));
    }

    static byte[] paint(List<LabelBlock> blocks) {
        byte[] image = new byte[SIDE * SIDE];
        for (LabelBlock b : blocks) {
            int h = (int) b.box().size(0);
            int w = (int) b.box().size(1);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    byte v = b.data()[y * w + x];
                    if (v != 0) {
                        image[(int) (b.box().start(0) + y) * SIDE + (int) b.box().start(1) + x] = v;
                    }
                }
            }
        }
        return image;
    }

    /** Copies the case's image into {@code dir} and writes its labels as {@code labels.h5/labels}. */
    static void prepareInputs(Path dir, byte[] labels) throws IOException {
        Files.copy(BLOBS.resolve("blobs2d.h5"), dir.resolve("blobs2d.h5"));
        try (Hdf5Editor e = Hdf5Editor.create(dir.resolve("labels.h5"))) {
            e.writeNumeric("labels", DType.UINT8, new long[] {SIDE, SIDE}, labels, 0);
        }
    }

    static double agreement(Path ours, Path reference) {
        float[] a = read(ours);
        float[] b = read(reference);
        assertThat(a.length).isEqualTo(b.length);
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            same += a[i] == b[i] ? 1 : 0;
        }
        return (double) same / a.length;
    }

    static float[] read(Path file) {
        try (HdfFile f = new HdfFile(file)) {
            Object flat = ((Dataset) f.getByPath("exported_data")).getDataFlat();
            float[] out = new float[Array.getLength(flat)];
            for (int i = 0; i < out.length; i++) {
                out[i] = ((Number) Array.get(flat, i)).floatValue();
            }
            return out;
        }
    }

    @Test
    void trainedProjectReadsBackIntactAndRunsHeadless(@TempDir Path dir) throws IOException {
        byte[] labels = referenceLabels();
        prepareInputs(dir, labels);
        Path ilp = dir.resolve("trained.ilp");
        Result r = main("train", "--project", ilp.toString(), "--raw_data", dir.resolve("blobs2d.h5") + "/data",
                "--labels", dir.resolve("labels.h5") + "/labels", "--label-names=background,interior,rim",
                "--tree-count=40", "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(dir).isDirectoryNotContaining("glob:**/.trained.ilp*");

        Project p = ProjectReader.read(ilp);
        assertThat(p.workflow()).isEqualTo(WorkflowKind.PIXEL_CLASSIFICATION);
        assertThat(p.ilastikVersion()).isEqualTo("1.4.1");
        assertThat(p.roleNames()).containsExactly("Raw Data", "Prediction Mask");
        assertThat(p.lanes()).hasSize(1);
        DatasetInfo raw = p.lanes().getFirst().rawData().orElseThrow();
        assertThat(raw.kind()).isEqualTo(DatasetKind.RELATIVE_FILESYSTEM);
        assertThat(raw.filePath()).isEqualTo("blobs2d.h5/data");
        assertThat(raw.nickname()).isEqualTo("blobs2d-data");
        assertThat(raw.axes()).isEqualTo(Axes.of("yx"));
        assertThat(raw.shape()).containsExactly(SIDE, SIDE);
        assertThat(raw.allowLabels()).isTrue();
        assertThat(p.lanes().getFirst().laneImageAxes()).contains(Axes.of("yxc"));

        FeatureSelection expected = FeatureSpec.parse("all", true);
        FeatureSelection stored = p.featureSelection().orElseThrow();
        assertThat(stored.featureIds()).isEqualTo(expected.featureIds());
        assertThat(stored.scales()).containsExactly(expected.scales());
        assertThat(stored.selected()).isDeepEqualTo(expected.selected());
        assertThat(stored.computeIn2d()).containsExactly(expected.computeIn2d());
        assertThat(stored.selectedCount()).isEqualTo(37);

        ClassifierGroup g = p.pixelStages().getFirst().classifier();
        assertThat(g.classes().names()).containsExactly("background", "interior", "rim");
        assertThat(g.classes().colors()).containsExactly(new int[] {255, 0, 0}, new int[] {0, 255, 0},
                new int[] {0, 0, 255});
        assertThat(paint(g.blocksInLaneOrder(0, Axes.of("yxc")))).as("labels, every pixel").isEqualTo(labels);
        ClassifierFactorySettings factory = g.factory();
        assertThat(factory.className()).isEqualTo("ParallelVigraRfLazyflowClassifierFactory");
        assertThat(factory.treesOrDefault()).isEqualTo(40);
        assertThat(factory.numForests()).isEqualTo(2);
        assertThat(factory.labelProportion()).isNull();
        VigraClassifier c = classifier(g);
        assertThat(c.type()).isEqualTo(ClassifierType.PARALLEL_VIGRA_RF);
        assertThat(c.treeCount()).isEqualTo(40);
        assertThat(c.forests()).hasSize(2);
        assertThat(c.knownLabels()).containsExactly(1, 2, 3);
        assertThat(c.featureCount()).isEqualTo(49);
        assertThat(c.featureNames()).hasSize(49).startsWith("Gaussian Smoothing (σ=0.3) in 2D");
        assertThat(c.forests().getFirst().extParams().get("row_count_")).containsExactly(1523);
        assertThat(p.exportSettings().orElseThrow().outputFormat()).isEqualTo("hdf5");
        assertThat(p.exportSettings().orElseThrow().outputFilenameFormat())
                .isEqualTo("{dataset_dir}/{nickname}_{result_type}");

        Result run = main("--headless", "--project=" + ilp, "--export_source=Simple Segmentation",
                "--output_format=hdf5", "--output_filename_format=" + dir.resolve("seg.h5"),
                dir.resolve("blobs2d.h5") + "/data", "--quiet");
        assertThat(run.code()).as(run.err()).isZero();
        double agree = agreement(dir.resolve("seg.h5"), BLOBS.resolve("out/blobs2d-data_Simple_Segmentation.h5"));
        assertThat(agree).as("share of pixels equal to ilastik's segmentation").isGreaterThanOrEqualTo(0.98);
    }

    static VigraClassifier classifier(ClassifierGroup g) {
        List<StoredGroup> forests = g.classifier().forests();
        Map<String, StoredGroup> byName = new java.util.TreeMap<>();
        forests.forEach(f -> byName.put(f.name(), f));
        Map<String, Object> data = new java.util.TreeMap<>();
        data.put(ClassifierForestsCodec.KNOWN_LABELS, g.classifier().knownLabels());
        data.put(ClassifierForestsCodec.FEATURE_NAMES, g.classifier().featureNames().toArray(String[]::new));
        assertThat(g.classifier().type()).isEqualTo(ClassifierType.PARALLEL_VIGRA_RF);
        data.put(ClassifierForestsCodec.PICKLED_TYPE, ClassifierType.PARALLEL_VIGRA_RF.pickledType());
        return ClassifierForestsCodec.decode(new StoredGroup("ClassifierForests", Map.of(), data, byName),
                g.classifier().groupPath());
    }

    @Test
    void retrainSavesIntoTheProjectUnlessReadonlyIsGiven(@TempDir Path dir) throws IOException {
        Files.copy(BLOBS.resolve("blobs2d.h5"), dir.resolve("blobs2d.h5"));
        Path ilp = dir.resolve("blobs2d_pc.ilp");
        Files.copy(BLOBS.resolve("blobs2d_pc.ilp"), ilp);
        Project before = ProjectReader.read(ilp);
        Path varimp = Files.createDirectory(dir.resolve("varimp"));

        Result r = main("--headless", "--project=" + ilp, "--retrain", "--tree-count=20",
                "--variable-importance-path=" + varimp, "--export_source=Simple Segmentation",
                "--output_format=hdf5", "--output_filename_format=" + dir.resolve("seg.h5"),
                dir.resolve("blobs2d.h5") + "/data");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("saved the retrained classifier into");
        Project after = ProjectReader.read(ilp);
        ClassifierGroup g = after.pixelStages().getFirst().classifier();
        assertThat(g.classifier().totalTreeCount()).isEqualTo(20);
        assertThat(g.factory().treesOrDefault()).isEqualTo(20);
        assertThat(g.factory().variableImportanceEnabled()).isTrue();
        assertThat(classifier(g).knownLabels()).containsExactly(1, 2, 3);
        ClassifierGroup old = before.pixelStages().getFirst().classifier();
        assertThat(paint(g.blocksInLaneOrder(0, Axes.of("yxc"))))
                .isEqualTo(paint(old.blocksInLaneOrder(0, Axes.of("yxc"))));
        assertThat(g.classes()).usingRecursiveComparison().isEqualTo(old.classes());
        assertThat(after.featureSelection().orElseThrow().selected())
                .isDeepEqualTo(before.featureSelection().orElseThrow().selected());
        assertThat(agreement(dir.resolve("seg.h5"), BLOBS.resolve("out/blobs2d-data_Simple_Segmentation.h5")))
                .isGreaterThanOrEqualTo(0.98);
        List<String> table = Files.readAllLines(varimp.resolve("varimp.txt"));
        assertThat(table).hasSize(1 + 41);
        assertThat(table.getFirst()).startsWith("Feature Name").endsWith(",  Class #0,  Class #1,  Class #2,   Overall,"
                + "      Gini");

        Result ro = main("--headless", "--project=" + ilp, "--retrain", "--readonly=true", "--tree-count=10");
        assertThat(ro.code()).as(ro.err()).isZero();
        assertThat(ro.err()).contains("not saved, because --readonly=true was given");
        assertThat(ProjectReader.read(ilp).pixelStages().getFirst().classifier().classifier().totalTreeCount())
                .isEqualTo(20);
    }

    @Test
    void retrainingAnAutocontextProjectSavesBothStages(@TempDir Path dir) throws IOException {
        Path ac = CASES.resolve("new-autocontext-2d");
        Files.copy(ac.resolve("ac2d.h5"), dir.resolve("ac2d.h5"));
        Path ilp = dir.resolve("ac.ilp");
        Files.copy(ac.resolve("ac2d_autocontext.ilp"), ilp);
        Result r = main("train", "--project=" + ilp, "--tree-count=16", "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        Project p = ProjectReader.read(ilp);
        assertThat(p.pixelStages()).hasSize(2);
        for (var stage : p.pixelStages()) {
            assertThat(stage.classifier().classifier().totalTreeCount()).as(stage.classifier().name()).isEqualTo(16);
        }
        Result run = main("--headless", "--project=" + ilp, "--export_source=Simple Segmentation Stage 2",
                "--output_format=hdf5", "--output_filename_format=" + dir.resolve("seg.h5"),
                dir.resolve("ac2d.h5") + "/data", "--quiet");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(agreement(dir.resolve("seg.h5"), ac.resolve("out/ac2d-data_Simple_Segmentation_Stage_2.h5")))
                .isGreaterThanOrEqualTo(0.98);
    }

    @Test
    void badCommandLinesAreOneLineUsageErrors(@TempDir Path dir) {
        Result none = main("train");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).startsWith("jilastik train: no project given").hasLineCount(1);
        Result missing = main("train", "--project=" + dir.resolve("new.ilp"));
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("does not exist; give training images").hasLineCount(1);
        Result bogus = main("train", "--project=x.ilp", "--bogus");
        assertThat(bogus.code()).isEqualTo(2);
        assertThat(bogus.err()).contains("unknown option --bogus");
        Result badFeature = main("train", "--project=" + dir.resolve("n.ilp"), "--raw_data",
                BLOBS.resolve("blobs2d.h5") + "/data", "--labels", BLOBS.resolve("blobs2d.h5") + "/data",
                "--features=log@0.3");
        assertThat(badFeature.code()).isEqualTo(2);
        assertThat(badFeature.err()).contains("σ 0.3, which ilastik allows for GaussianSmoothing only");
        assertThat(dir).isEmptyDirectory();
    }
}
