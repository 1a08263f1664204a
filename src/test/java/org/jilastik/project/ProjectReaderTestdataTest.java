package org.jilastik.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jilastik.array.Axes;
import org.jilastik.features.FeatureSelection;
import org.jilastik.workflow.WorkflowKind;
import org.junit.jupiter.api.Test;

/**
 * Reads every project under ../shared/testdata and checks what the case READMEs and the specs state: workflow,
 * version, feature matrix, classes, forests, inputs, labels (block count, per-value pixel counts and a
 * position-weighted checksum in lane image order, computed independently with numpy) and export settings.
 */
class ProjectReaderTestdataTest {
    private static final String DATA = "../shared/testdata/";
    private static final List<String> IDS = List.of("GaussianSmoothing", "LaplacianOfGaussian",
            "GaussianGradientMagnitude", "DifferenceOfGaussians", "StructureTensorEigenvalues",
            "HessianOfGaussianEigenvalues");
    private static final double[] SCALES = {0.3, 0.7, 1.0, 1.6, 3.5, 5.0, 10.0};
    private static final Map<String, Project> CACHE = new ConcurrentHashMap<>();

    private static Project project(String relative) {
        return CACHE.computeIfAbsent(relative, r -> ProjectReader.read(Path.of(DATA + r)));
    }

    // ---------------------------------------------------------------- pixel classification

    @Test
    void newTwoDOneChannelThreeClasses() {
        Project p = project("ilastik-ref/new-2d-1ch-3class/blobs2d_pc.ilp");
        assertIdentity(p, WorkflowKind.PIXEL_CLASSIFICATION, "Pixel Classification", "1.4.3.dev28+gebbaf9b9c");
        assertRaw(p, DatasetKind.RELATIVE_FILESYSTEM, "blobs2d.h5/data", "blobs2d-data", "yx", 384, 384);
        assertThat(p.lanes().getFirst().role("Prediction Mask")).isEmpty();
        DatasetInfo raw = p.lanes().getFirst().rawData().orElseThrow();
        assertThat(raw.scaleLocked()).isFalse();
        assertThat(raw.workingScale()).isEmpty();
        assertThat(raw.normalizeDisplay()).isFalse();
        assertThat(raw.displayMode()).isEqualTo("default");
        assertThat(raw.datasetId()).isEqualTo("a5c8d9c0-e807-11f1-bc93-02fc00000001");
        assertThat(raw.axisTags()).extracting(AxisTag::typeFlags).containsExactly(2, 2);
        assertSingleStage(p, new String[] {"1111110", "0111110", "0111110", "0111110", "0111110", "0111110"},
                "1111111");
        ClassifierGroup g = assertClassifier(p, "PixelClassification", List.of("background", "interior", "rim"),
                new int[] {50, 50}, 41, 1, 2, 3);
        assertThat(g.classes().colors()).containsExactly(new int[] {255, 0, 0}, new int[] {0, 255, 0},
                new int[] {0, 0, 255});
        // feature_names are vlen bytes: sigma must decode as UTF-8
        assertThat(g.classifier().featureNames()).hasSize(41).first().isEqualTo("Gaussian Smoothing (σ=0.3) in 2D");
        assertLabels(g, 0, "yxc", 4, new long[] {113930, 615, 590, 318}, 2413963);
        assertFactory(g, 100, 2);
        assertExport(p, "/Prediction Export", "compressed hdf5", "{dataset_dir}/{nickname}_{result_type}",
                "exported_data", null);
    }

    @Test
    void newTwoDThreeChannel() {
        Project p = project("ilastik-ref/new-2d-3channel/rgb2d_pc.ilp");
        assertIdentity(p, WorkflowKind.PIXEL_CLASSIFICATION, "Pixel Classification", "1.4.3.dev28+gebbaf9b9c");
        assertSingleStage(p, new String[] {"1010100", "0000000", "0010100", "0000000", "0010000", "0010100"},
                "1111111");
        assertRaw(p, DatasetKind.RELATIVE_FILESYSTEM, null, null, "yxc", 256, 320, 3);
        ClassifierGroup g = assertClassifier(p, "PixelClassification", List.of("background", "interior", "rim"),
                new int[] {50, 50}, 33, 1, 2, 3);
        assertLabels(g, 0, "yxc", 2, new long[] {69749, 463, 457, 232}, 1749782);
    }

    @Test
    void newTwoDAllFeatures() {
        Project p = project("ilastik-ref/new-2d-allfeatures/allfeat2d_pc.ilp");
        assertIdentity(p, WorkflowKind.PIXEL_CLASSIFICATION, "Pixel Classification", "1.4.3.dev28+gebbaf9b9c");
        String all = "1111111";
        assertSingleStage(p, new String[] {all, all, all, all, all, all}, all);
        assertThat(p.featureSelection().orElseThrow().selectedCount()).isEqualTo(42);
        ClassifierGroup g = assertClassifier(p, "PixelClassification", List.of("background", "interior", "rim"),
                new int[] {50, 50}, 56, 1, 2, 3);
        assertLabels(g, 0, "yxc", 3, new long[] {70236, 611, 580, 315}, 2091996);
    }

    @Test
    void newThreeDAllFeatures() {
        Project p = project("ilastik-ref/new-3d-allfeatures/blobs3d_pc.ilp");
        assertIdentity(p, WorkflowKind.PIXEL_CLASSIFICATION, "Pixel Classification", "1.4.3.dev28+gebbaf9b9c");
        assertRaw(p, DatasetKind.RELATIVE_FILESYSTEM, null, null, "zyx", 64, 64, 64);
        assertSingleStage(p, new String[] {"1111111", "0111111", "0111111", "0111111", "0111111", "0111111"},
                "0000000");
        ClassifierGroup g = assertClassifier(p, "PixelClassification", List.of("background", "interior", "rim"),
                new int[] {50, 50}, 61, 1, 2, 3);
        assertLabels(g, 0, "zyxc", 8, new long[] {173072, 769, 780, 579}, 1162811);
    }

    @Test
    void newThreeDComputeIn2dPerScale() {
        Project p = project("ilastik-ref/new-3d-computein2d/c2d3d_pc.ilp");
        assertIdentity(p, WorkflowKind.PIXEL_CLASSIFICATION, "Pixel Classification", "1.4.3.dev28+gebbaf9b9c");
        assertRaw(p, DatasetKind.RELATIVE_FILESYSTEM, null, null, "zyx", 24, 96, 80);
        // README: ComputeIn2d per scale [F,T,F,F,T,F,T], 55 channels
        assertSingleStage(p, new String[] {"1111111", "0111111", "0111111", "0111111", "0111111", "0111111"},
                "0100101");
        ClassifierGroup g = assertClassifier(p, "PixelClassification", List.of("background", "interior", "rim"),
                new int[] {50, 50}, 55, 1, 2, 3);
        assertLabels(g, 0, "zyxc", 4, new long[] {156225, 758, 653, 575}, 1275020);
    }

    @Test
    void ilastik4ijProjectOf133post1() {
        Project p = project("ilastik-ref/ij-2d-cells-apoptotic/pixel_class_2d_cells_apoptotic.ilp");
        assertIdentity(p, WorkflowKind.PIXEL_CLASSIFICATION, "Pixel Classification", "1.3.3post1");
        // README: trained on 2d_cells_apoptotic_1channel.h5 (5D tzyxc); 29 channels; 8 forests x 12-13 trees
        assertRaw(p, DatasetKind.RELATIVE_FILESYSTEM, "2d_cells_apoptotic_1channel.h5/data",
                "2d_cells_apoptotic_1channel-data", "tzyxc", 1, 1, 1024, 1344, 1);
        assertSingleStage(p, new String[] {"1111111", "0010100", "0010100", "0010100", "0101011", "0101011"},
                "1111111");
        ClassifierGroup g = assertClassifier(p, "PixelClassification", List.of("foreground", "background"),
                new int[] {13, 13, 13, 13, 12, 12, 12, 12}, 29, 1, 2);
        assertThat(g.classes().colors()).containsExactly(new int[] {255, 225, 25}, new int[] {0, 130, 200});
        // |S51 fixed-length feature names decode as UTF-8 too
        assertThat(g.classifier().featureNames().getLast()).contains("σ=");
        // no block axistags; 1.3.3post1 stores labels in the lane image order
        assertThat(g.storedBlocks(0)).allMatch(b -> b.axes() == null);
        assertLabels(g, 0, "yxc", 8, new long[] {18387, 209, 217}, 1551226);
        assertFactory(g, 100, 8);
        assertExport(p, "/Prediction Export", "tif", "{dataset_dir}/{nickname}_{result_type}.tif", "exported_data",
                "float32");
    }

    @Test
    void notebookProjectWithProjectInternalData() {
        Project p = project("ilastik-ref/notebook-pc-2d-cells/pc.ilp");
        assertIdentity(p, WorkflowKind.PIXEL_CLASSIFICATION, "Pixel Classification", "1.4.0b11");
        DatasetInfo raw = assertRaw(p, DatasetKind.PROJECT_INTERNAL, null, "2d_cells_apoptotic_1channel", "yxc",
                1024, 1344, 1);
        assertThat(raw.internalPath()).isEqualTo("/Input Data/local_data/3cccd446-5f3a-11eb-b5ca-00e04c00063c");
        assertThat(raw.fromStack()).isTrue();
        assertSingleStage(p, new String[] {"1111111", "0111111", "0111111", "0111111", "0111111", "0111111"},
                "1111111");
        ClassifierGroup g = assertClassifier(p, "PixelClassification", List.of("Label 1", "Label 2"),
                new int[] {25, 25, 25, 25}, 49, 1, 2);
        assertLabels(g, 0, "yxc", 5, new long[] {63573, 294, 838}, 4909111);
        assertExport(p, "/Prediction Export", "hdf5", "{dataset_dir}/{nickname}_{result_type}", "exported_data", null);
    }

    @Test
    void axesOrderProjects() {
        Project p2 = project("ilastik-ref/axes-order/ax2d_pc.ilp");
        assertIdentity(p2, WorkflowKind.PIXEL_CLASSIFICATION, "Pixel Classification", "1.4.3.dev28+gebbaf9b9c");
        assertRaw(p2, DatasetKind.RELATIVE_FILESYSTEM, "ax2d.h5/data", "ax2d-data", "yx", 64, 96);
        // README: Gaussian 0.7/1.6, LoG 1.0, GGM 1.6, DoG 1.0, STE 1.0, HoGE 1.6
        String[] rows = {"0101000", "0010000", "0001000", "0010000", "0010000", "0001000"};
        assertSingleStage(p2, rows, "1111111");
        ClassifierGroup g2 = assertClassifier(p2, "PixelClassification", List.of("bg", "interior", "rim"),
                new int[] {50, 50}, 9, 1, 2, 3);
        assertLabels(g2, 0, "yxc", 1, new long[] {5751, 48, 34, 23}, 41485);

        Project p3 = project("ilastik-ref/axes-order/ax3d_pc.ilp");
        assertRaw(p3, DatasetKind.RELATIVE_FILESYSTEM, "ax3d.h5/data", "ax3d-data", "zyx", 12, 32, 40);
        assertSingleStage(p3, rows, "0000000");
        ClassifierGroup g3 = assertClassifier(p3, "PixelClassification", List.of("bg", "interior", "rim"),
                new int[] {50, 50}, 11, 1, 2, 3);
        assertLabels(g3, 0, "zyxc", 1, new long[] {12193, 41, 27, 15}, 16145);
    }

    @Test
    void exportOptionsProjects() {
        // README: features Gaussian 0.3/1.0, LoG 1.6, GGM 1.0, STE 1.0, HoGE 1.0; 3D variant all in 2D
        String[] rows = {"1010000", "0001000", "0010000", "0000000", "0010000", "0010000"};
        Project p2 = project("ilastik-ref/export-options/ex2d_pc.ilp");
        assertIdentity(p2, WorkflowKind.PIXEL_CLASSIFICATION, "Pixel Classification", "1.4.3.dev28+gebbaf9b9c");
        assertRaw(p2, DatasetKind.RELATIVE_FILESYSTEM, "ex2d.h5/data", "ex2d-data", "yx", 60, 80);
        assertSingleStage(p2, rows, "1111111");
        ClassifierGroup g2 = assertClassifier(p2, "PixelClassification", List.of("background", "interior", "rim"),
                new int[] {50, 50}, 8, 1, 2, 3);
        assertLabels(g2, 0, "yxc", 1, new long[] {3702, 64, 57, 53}, 65899);
        ExportSettings e = assertExport(p2, "/Prediction Export", "compressed hdf5",
                "{dataset_dir}/{nickname}_{result_type}", "exported_data", null);
        assertThat(e.outputAxisOrder()).isNull();
        assertThat(e.regionStart()).isNull();
        assertThat(e.normalizes()).isFalse();

        Project p3 = project("ilastik-ref/export-options/ex3d_pc.ilp");
        assertRaw(p3, DatasetKind.RELATIVE_FILESYSTEM, "ex3d.h5/data", "ex3d-data", "zyx", 5, 40, 48);
        assertSingleStage(p3, rows, "1111111");
        ClassifierGroup g3 = assertClassifier(p3, "PixelClassification", List.of("background", "interior", "rim"),
                new int[] {50, 50}, 8, 1, 2, 3);
        assertLabels(g3, 0, "zyxc", 1, new long[] {8174, 151, 132, 123}, 120577);
        assertExport(p3, "/Prediction Export", "compressed hdf5", "{dataset_dir}/{nickname}_{result_type}",
                "exported_data", null);
    }

    @Test
    void upstreamMitocheckProjectOf120rc10() {
        Project p = project("upstream/mitocheck-mergers/mitocheckPixelClassificationMergers.ilp");
        assertIdentity(p, WorkflowKind.PIXEL_CLASSIFICATION, "Pixel Classification", "1.2.0rc10");
        DatasetInfo raw = assertRaw(p, DatasetKind.RELATIVE_FILESYSTEM,
                "mitocheck_2d+t/mitocheck_small_2D+t_mergers.h5/crop_data", "mitocheck_small_2D+t_mergers", "txyc");
        assertThat(raw.storedClass()).isNull();
        assertThat(raw.location()).isEqualTo("FileSystem");
        assertThat(raw.fromStack()).isFalse();
        assertThat(raw.shape()).isNull();
        assertThat(p.lanes().getFirst().laneImageAxes()).isEmpty(); // no stored shape: decided by the raw data
        FeatureSelection f = assertSingleStage(p,
                new String[] {"1111111", "0111111", "0111111", "0111111", "0111111", "0111111"}, null);
        assertThat(f.computeIn2d()).isNull();
        int[] trees = new int[40];
        for (int i = 0; i < 40; i++) {
            trees[i] = i < 20 ? 3 : 2;
        }
        ClassifierGroup g = assertClassifier(p, "PixelClassification", List.of("Label 1", "Label 2"), trees, 49,
                1, 2);
        assertThat(g.storedBlocks(0)).singleElement().satisfies(b -> {
            assertThat(b.axes()).isEqualTo(Axes.of("txyc"));
            assertThat(b.box().toString()).isEqualTo("[0:1,6:58,8:60,0:1]");
        });
        // input is 6x66x62x1 txyc (README) -> lane image order tyxc
        Axes lane = LaneImageOrder.of(raw.axes(), new long[] {6, 66, 62, 1});
        assertThat(lane.toString()).isEqualTo("tyxc");
        assertThat(g.blocksInLaneOrder(0, lane).getFirst().box().toString()).isEqualTo("[0:1,8:60,6:58,0:1]");
        assertLabels(g, 0, "tyxc", 1, new long[] {2627, 43, 34}, 22100);
        ClassifierFactorySettings factory = assertFactory(g, 100, 40);
        assertThat(factory.version()).isEqualTo(2);
        assertExport(p, "/Prediction Export", "hdf5", null, "exported_data", "float32");
    }

    // ---------------------------------------------------------------- autocontext

    @Test
    void autocontextTwoStages() {
        Project p = project("ilastik-ref/new-autocontext-2d/ac2d_autocontext.ilp");
        assertIdentity(p, WorkflowKind.AUTOCONTEXT, "AutocontextTwoStage", "1.4.3.dev28+gebbaf9b9c");
        assertThat(p.stages()).isEqualTo(2);
        assertRaw(p, DatasetKind.RELATIVE_FILESYSTEM, "ac2d.h5/data", "ac2d-data", "yx", 256, 256);
        assertThat(p.pixelStages()).hasSize(2);
        PixelStage s1 = p.pixelStages().get(0);
        PixelStage s2 = p.pixelStages().get(1);
        assertThat(s1.featureGroup()).isEqualTo("/FeatureSelections");
        assertThat(s2.featureGroup()).isEqualTo("/FeatureSelections01");
        assertMatrix(s1.features(), new String[] {"1111110", "0111110", "0111110", "0111110", "0111110", "0111110"},
                "1111111");
        // README: stage 2 Gaussian 0.7/1.6, GGM 1.0, HoGE 1.0/3.5
        assertMatrix(s2.features(), new String[] {"0101000", "0000000", "0010000", "0000000", "0000000", "0010100"},
                "1111111");
        assertThat(s1.classifier().path()).isEqualTo("/PixelClassification");
        assertThat(s2.classifier().path()).isEqualTo("/PixelClassification01");
        ClassifierGroup g1 = assertClassifier(p, "PixelClassification", List.of("bg", "in", "rim"),
                new int[] {50, 50}, 41, 1, 2, 3);
        ClassifierGroup g2 = assertClassifier(p, "PixelClassification01", List.of("bg", "in", "rim"),
                new int[] {50, 50}, 28, 1, 2, 3);
        // spec autocontext §3: stage-2 feature names enumerate [0]..[2] (1 raw channel + 2 classes... + 1)
        assertThat(g2.classifier().featureNames().getFirst()).isEqualTo("Gaussian Smoothing (σ=0.7) in 2D [0]");
        assertLabels(g1, 0, "yxc", 2, new long[] {60410, 490, 451, 253}, 1319615);
        assertLabels(g2, 0, "yxc", 2, new long[] {62685, 486, 460, 266}, 1376746);
        assertExport(p, "/Prediction Export", "compressed hdf5", "{dataset_dir}/{nickname}_{result_type}",
                "exported_data", null);
    }

    // ---------------------------------------------------------------- other workflows

    @Test
    void objectClassificationFromBinaryImage() {
        Project p = project("ilastik-ref/oc-from-segmentation-2d/ocseg_oc.ilp");
        assertIdentity(p, WorkflowKind.OBJECT_CLASSIFICATION_BINARY, "Object Classification (from binary image)",
                "1.4.3.dev28+gebbaf9b9c");
        assertThat(p.roleNames()).containsExactly("Raw Data", "Segmentation Image", "Atlas");
        assertRaw(p, DatasetKind.RELATIVE_FILESYSTEM, "ocseg_raw.h5/data", "ocseg_raw-data", "yx", 200, 240);
        DatasetInfo seg = p.lanes().getFirst().role("Segmentation Image").orElseThrow();
        assertThat(seg.filePath()).isEqualTo("ocseg_mask.h5/data");
        assertThat(seg.nickname()).isEqualTo("ocseg_mask-data");
        assertThat(p.lanes().getFirst().role("Atlas")).isEmpty();
        assertThat(p.pixelStages()).isEmpty();
        // README: classes disk/ellipse, 1 forest of 100 trees; the group also holds an opaque pickle
        ClassifierGroup g = assertClassifier(p, "ObjectClassification", List.of("disk", "ellipse"),
                new int[] {100}, 28, 1, 2);
        assertThat(g.labelBlocks()).isEmpty();
        assertExport(p, "/Object Information Export", "compressed hdf5", "{dataset_dir}/{nickname}_{result_type}",
                "exported_data", null);
    }

    @Test
    void cellDensityCounting() {
        Project p = project("ilastik-ref/counting-2d/cells2d_counting.ilp");
        assertIdentity(p, WorkflowKind.COUNTING, "Cell Density Counting", "1.4.3.dev28+gebbaf9b9c");
        assertThat(p.roleNames()).containsExactly("Raw Data");
        assertRaw(p, DatasetKind.RELATIVE_FILESYSTEM, "cells2d.h5/data", "cells2d-data", "yx", 160, 200);
        // README: Gaussian 0.3/1.0/1.6/3.5, LoG 1.0/1.6, GGM 1.0/1.6, HoGE 1.0/1.6
        assertSingleStage(p, new String[] {"1011100", "0011000", "0011000", "0000000", "0000000", "0011000"},
                "1111111");
        assertThat(p.pixelStages().getFirst().classifier()).isNull();
        ClassifierGroup g = p.classifierGroup("Counting").orElseThrow();
        assertThat(g.classes().names()).containsExactly("Foreground", "Background");
        assertThat(g.classifier()).isNull(); // the regressor is a pickled sklearn object
        // README: labels stored in x, y order, (200, 160, 1); 23 dots and 150 background pixels
        assertThat(g.storedBlocks(0)).singleElement().satisfies(b -> assertThat(b.axes()).isEqualTo(Axes.of("xyc")));
        assertLabels(g, 0, "yxc", 1, new long[] {31827, 23, 150}, 99774);
        assertExport(p, "/Density Export", "compressed hdf5", "{dataset_dir}/{nickname}_{result_type}",
                "exported_data", null);
    }

    @Test
    void multicutWithAndWithoutEdgeClassifier() {
        Project p = project("ilastik-ref/multicut-2d/cells2d_mc.ilp");
        assertIdentity(p, WorkflowKind.MULTICUT, "Edge Training With Multicut", "1.4.3.dev28+gebbaf9b9c");
        assertThat(p.roleNames()).containsExactly("Raw Data", "Probabilities", "Superpixels", "Groundtruth");
        assertRaw(p, DatasetKind.RELATIVE_FILESYSTEM, "cells2d_raw.h5/data", "cells2d_raw-data", "yx", 256, 640);
        DatasetInfo prob = p.lanes().getFirst().role("Probabilities").orElseThrow();
        assertThat(prob.axes()).isEqualTo(Axes.of("yxc"));
        assertThat(prob.shape()).containsExactly(256, 640, 2);
        assertThat(p.lanes().getFirst().roles().keySet()).containsExactly("Raw Data", "Probabilities");
        // README: 2 forests x 50 trees, 27 feature columns, edge labels 1 = merge, 2 = cut
        ClassifierGroup g = assertClassifier(p, "Training and Multicut", List.of(), new int[] {50, 50}, 27, 1, 2);
        assertThat(g.classifier().groupPath()).isEqualTo("/Training and Multicut/Output");
        assertExport(p, "/Data Export", "compressed hdf5", "{dataset_dir}/{nickname}_{result_type}",
                "exported_data", null);

        Project norf = project("ilastik-ref/multicut-2d/cells2d_mc_norf.ilp");
        assertIdentity(norf, WorkflowKind.MULTICUT, "Edge Training With Multicut", "1.4.3.dev28+gebbaf9b9c");
        assertThat(norf.classifierGroups()).isEmpty();
        assertExport(norf, "/Data Export", "compressed hdf5", "{dataset_dir}/{nickname}_{result_type}",
                "exported_data", null);
    }

    @Test
    void conservationTrackingFromBinaryImage() {
        Project p = project("ilastik-ref/tracking-2dt/trk2d_tracking.ilp");
        assertIdentity(p, WorkflowKind.TRACKING_BINARY,
                "Automatic Tracking Workflow (Conservation Tracking) from binary image", "1.4.3.dev28+gebbaf9b9c");
        assertThat(p.roleNames()).containsExactly("Raw Data", "Segmentation Image");
        assertRaw(p, DatasetKind.RELATIVE_FILESYSTEM, "trk2d_raw.h5/data", "trk2d_raw-data", "tyx", 8, 128, 128);
        assertThat(p.lanes().getFirst().laneImageAxes()).contains(Axes.of("tyxc"));
        // README: object-count classifier and division classifier, both 100 trees
        assertClassifier(p, "CountClassification", List.of("False Detection", "1 Object", "2 Objects"),
                new int[] {100}, 15, 1, 2, 3);
        assertClassifier(p, "DivisionDetection", List.of("Not Dividing", "Dividing"), new int[] {100}, 17, 1, 2);
        assertThat(p.classifierGroups()).extracting(ClassifierGroup::name)
                .containsExactly("CountClassification", "DivisionDetection");
        assertExport(p, "/Tracking Result Export", "compressed hdf5", "{dataset_dir}/{nickname}_{result_type}",
                "exported_data", null);
    }

    // ---------------------------------------------------------------- helpers

    private static void assertIdentity(Project p, WorkflowKind kind, String storedName, String version) {
        assertThat(p.workflow()).isEqualTo(kind);
        assertThat(p.workflowName()).isEqualTo(storedName);
        assertThat(p.ilastikVersion()).isEqualTo(version);
        assertThat(p.version()).contains(IlastikVersion.parse(version));
        assertThat(p.lanes()).hasSize(1);
        assertThat(p.lanes().getFirst().groupName()).isEqualTo("lane0000");
    }

    private static DatasetInfo assertRaw(Project p, DatasetKind kind, String filePath, String nickname, String axes,
                                         long... shape) {
        DatasetInfo raw = p.lanes().getFirst().rawData().orElseThrow();
        assertThat(raw.role()).isEqualTo("Raw Data");
        assertThat(raw.kind()).isEqualTo(kind);
        if (filePath != null) {
            assertThat(raw.filePath()).isEqualTo(filePath);
        }
        if (nickname != null) {
            assertThat(raw.nickname()).isEqualTo(nickname);
        }
        assertThat(raw.axes()).isEqualTo(Axes.of(axes));
        if (shape.length > 0) {
            assertThat(raw.shape()).containsExactly(shape);
        }
        assertThat(raw.allowLabels()).isTrue();
        assertThat(raw.infoGroupPath()).isEqualTo("/Input Data/infos/lane0000/Raw Data");
        return raw;
    }

    private static FeatureSelection assertSingleStage(Project p, String[] rows, String computeIn2d) {
        assertThat(p.pixelStages()).hasSize(1);
        assertThat(p.pixelStages().getFirst().featureGroup()).isEqualTo("/FeatureSelections");
        FeatureSelection f = p.featureSelection().orElseThrow();
        assertMatrix(f, rows, computeIn2d);
        return f;
    }

    private static void assertMatrix(FeatureSelection f, String[] rows, String computeIn2d) {
        assertThat(f.featureIds()).isEqualTo(IDS);
        assertThat(f.scales()).containsExactly(SCALES);
        String[] actual = new String[f.selected().length];
        for (int i = 0; i < actual.length; i++) {
            actual[i] = bits(f.selected()[i]);
        }
        assertThat(actual).containsExactly(rows);
        assertThat(f.computeIn2d() == null ? null : bits(f.computeIn2d())).isEqualTo(computeIn2d);
    }

    private static String bits(boolean[] b) {
        StringBuilder s = new StringBuilder();
        for (boolean x : b) {
            s.append(x ? '1' : '0');
        }
        return s.toString();
    }

    private static ClassifierGroup assertClassifier(Project p, String group, List<String> classes, int[] trees,
                                                    int features, long... knownLabels) {
        ClassifierGroup g = p.classifierGroup(group).orElseThrow();
        assertThat(g.path()).isEqualTo("/" + group);
        assertThat(g.classes().names()).isEqualTo(classes);
        StoredClassifier c = g.classifier();
        assertThat(c.type()).isEqualTo(ClassifierType.PARALLEL_VIGRA_RF);
        assertThat(c.usable()).isTrue();
        assertThat(c.forests()).hasSize(trees.length);
        for (int i = 0; i < trees.length; i++) {
            assertThat(c.forests().get(i).name()).isEqualTo(String.format("Forest%04d", i));
            assertThat(c.treeCount(i)).as("trees of forest %d", i).isEqualTo(trees[i]);
        }
        assertThat(c.featureCount()).isEqualTo(features);
        assertThat(c.knownLabels()).containsExactly(knownLabels);
        if (c.featureNames() != null) {
            assertThat(c.featureNames()).hasSize(features);
        }
        return g;
    }

    private static ClassifierFactorySettings assertFactory(ClassifierGroup g, int trees, int forests) {
        ClassifierFactorySettings f = g.factory();
        assertThat(f.className()).isEqualTo("ParallelVigraRfLazyflowClassifierFactory");
        assertThat(f.numTrees()).isEqualTo(trees);
        assertThat(f.numForests()).isEqualTo(forests);
        assertThat(f.labelProportion()).isNull();
        assertThat(f.variableImportanceEnabled()).isFalse();
        return f;
    }

    /**
     * Block count, pixel count per label value over all blocks (index = value, zeros included) and the checksum
     * sum(v * (1 + sum_k (k + 2) * coord_k)) over labelled pixels, coordinates in lane image order.
     */
    private static void assertLabels(ClassifierGroup g, int lane, String laneAxes, int blocks, long[] counts,
                                     long checksum) {
        List<LabelBlock> converted = g.blocksInLaneOrder(lane, Axes.of(laneAxes));
        assertThat(converted).hasSize(blocks);
        assertThat(ProjectSummary.labelCounts(converted)).containsExactly(counts);
        long sum = 0;
        for (LabelBlock b : converted) {
            assertThat(b.axes()).isEqualTo(Axes.of(laneAxes));
            int[] shape = b.box().intShape();
            int[] idx = new int[shape.length];
            for (int flat = 0; flat < b.data().length; flat++) {
                int v = b.data()[flat] & 0xff;
                if (v != 0) {
                    long w = 1;
                    for (int k = 0; k < shape.length; k++) {
                        w += (k + 2) * (b.box().start(k) + idx[k]);
                    }
                    sum += v * w;
                }
                for (int k = shape.length - 1; k >= 0 && ++idx[k] == shape[k]; k--) {
                    idx[k] = 0;
                }
            }
        }
        assertThat(sum).as("label checksum of lane %d", lane).isEqualTo(checksum);
    }

    private static ExportSettings assertExport(Project p, String group, String format, String filename,
                                               String internalPath, String dtype) {
        ExportSettings e = p.exportSettings().orElseThrow();
        assertThat(e.groupPath()).isEqualTo(group);
        assertThat(e.outputFormat()).isEqualTo(format);
        if (filename != null) {
            assertThat(e.outputFilenameFormat()).isEqualTo(filename);
        }
        assertThat(e.outputInternalPath()).isEqualTo(internalPath);
        assertThat(e.exportDtype()).isEqualTo(dtype);
        return e;
    }
}
