package org.jilastik.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.filter.PipelineFilterWithData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.jilastik.io.hdf5.JhdfTestReads;
import org.jilastik.io.tiff.TiffTestReads;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * ilastik's own export of the export-options case as the source data, run through plan, conversion, reorder
 * and the sinks for every variant jilastik writes, and compared with the file ilastik wrote for that variant:
 * same relative file name, dataset, dtype, shape, chunks, compression, attributes (axistags text, dimension
 * labels, display mode, drange with its type) and bit-identical values; for TIFF the same tags (except strip
 * offsets and sizes, which depend on the LZW encoder) and identical samples.
 */
class ExportEndToEndTest {
    private static final Path OUT = ExportOptionsReadme.DIR.resolve("out");

    @TempDir
    Path cwd;

    @TestFactory
    Stream<DynamicTest> everyWrittenVariantMatchesIlastik() throws IOException {
        return ExportOptionsReadme.variants().stream()
                .filter(v -> v.rc() == 0)
                .filter(v -> ExportFormat.of(ReferenceCases.cli(v).format()).supported())
                .map(v -> DynamicTest.dynamicTest(v.name(), () -> run(v)));
    }

    private void run(ExportOptionsReadme.Variant v) throws Exception {
        ExportChoices cli = ReferenceCases.cli(v);
        if (cli.filenameTemplate().startsWith("{dataset_dir}")) {
            cli = new ExportChoices(cli.format(), cli.filenameTemplate().replace("{dataset_dir}/", ""),
                    cli.internalPath(), cli.regionStart(), cli.regionStop(), cli.inputMin(), cli.inputMax(),
                    cli.exportMin(), cli.exportMax(), cli.exportDtype(), cli.outputAxisOrder());
        }
        ExportSourceInfo info = ReferenceCases.source(v);
        Block source = sourceData(v, info);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (LaneExportFacts lane : ReferenceCases.lanes(v)) {
                ExportPlan plan = ExportPlanner.plan(cli, ExportChoices.NONE, info, lane, cwd, Path.of("/nowhere"));
                // small tiles and three threads: results must not depend on either
                ExportRunner.run(plan, box -> crop(source, box), 3000, pool);
                for (Path written : writtenFiles(plan)) {
                    Path rel = cwd.resolve("out").relativize(written);
                    Path reference = OUT.resolve(rel.toString());
                    assertThat(reference).as("ilastik wrote %s", rel).exists();
                    String ext = plan.format().extension();
                    switch (plan.format().kind()) {
                        case HDF5 -> compareHdf5(written, plan.internalPath(), reference, plan.exportDtype());
                        case MULTIPAGE_TIFF, MULTIPAGE_TIFF_SEQUENCE -> compareMultipage(written, reference);
                        case NUMPY -> assertThat(Files.readAllBytes(written)).as("numpy file")
                                .isEqualTo(Files.readAllBytes(reference));
                        case OME_ZARR -> org.jilastik.e2e.ContainerComparisons.sameOmeZarr(written, reference);
                        default -> {
                            if (ext.startsWith("tif")) {
                                compareTiff(written, reference, plan.exportDtype());
                            } else {
                                comparePng(written, reference);
                            }
                        }
                    }
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    /** The export source, as ilastik computed it, from ilastik's own files of this case. */
    private static Block sourceData(ExportOptionsReadme.Variant v, ExportSourceInfo info) throws IOException {
        boolean d3 = ReferenceCases.is3d(v);
        Object data = switch (info.displayName()) {
            case "Probabilities" -> JhdfTestReads.readFlat(OUT.resolve(d3 ? "3d_hdf5_default/ex3d-data_Probabilities.h5"
                    : "2d_hdf5_default/ex2d-data_Probabilities.h5"), "exported_data", DType.FLOAT32);
            case "Simple Segmentation" -> JhdfTestReads.readFlat(OUT.resolve(d3
                    ? "3d_ph_roi_z/ex3d-data_Simple Segmentation_z0-5_[(0, 0, 0, 0), (5, 40, 48, 1)].h5"
                    : "2d_axis_yx_segmentation/ex2d-data_Simple Segmentation.h5"), "exported_data", DType.UINT8);
            case "Features" -> JhdfTestReads.readFlat(OUT.resolve("2d_features_hdf5/ex2d-data_Features.h5"),
                    "exported_data", DType.FLOAT32);
            case "Uncertainty" -> TiffTestReads.readSamples(OUT.resolve("2d_uncertainty_tif/ex2d-data_Uncertainty.tif"),
                    DType.FLOAT32);
            default -> throw new IllegalArgumentException(info.displayName());
        };
        return new Block(info.axes(), Box.ofShape(info.shape()), info.dtype(), data);
    }

    /** The part {@code box} of {@code whole} (a workflow's compute, served from memory). */
    static Block crop(Block whole, Box box) {
        Block out = Block.allocate(whole.axes(), box, whole.dtype());
        int[] ws = whole.strides();
        int[] shape = out.shape();
        int n = shape.length;
        int inner = shape[n - 1];
        int[] idx = new int[n];
        for (int dst = 0; dst < out.size(); dst += inner) {
            int src = 0;
            for (int i = 0; i < n; i++) {
                src += (int) (box.start(i) + idx[i]) * ws[i];
            }
            System.arraycopy(whole.data(), src, out.data(), dst, inner);
            for (int k = n - 2; k >= 0; k--) {
                if (++idx[k] < shape[k]) {
                    break;
                }
                idx[k] = 0;
            }
        }
        return out;
    }

    private static void compareHdf5(Path ours, String internalPath, Path reference, DType dtype) {
        try (HdfFile a = new HdfFile(ours); HdfFile b = new HdfFile(reference)) {
            Dataset da = a.getDatasetByPath(internalPath);
            Dataset db = b.getDatasetByPath(internalPath);
            assertThat(JhdfTestReads.dtypeOf(da)).isEqualTo(JhdfTestReads.dtypeOf(db)).isEqualTo(dtype);
            assertThat(da.getDimensionsAsLong()).isEqualTo(db.getDimensionsAsLong());
            assertThat(((ChunkedDataset) da).getChunkDimensions()).isEqualTo(((ChunkedDataset) db).getChunkDimensions());
            assertThat(filters(da)).isEqualTo(filters(db));
            Map<String, Attribute> aa = da.getAttributes();
            Map<String, Attribute> ab = db.getAttributes();
            assertThat(aa.keySet()).containsExactlyInAnyOrderElementsOf(ab.keySet());
            assertThat(aa.get("axistags").getData()).isEqualTo(ab.get("axistags").getData());
            assertThat(aa.get("display_mode").getData()).isEqualTo(ab.get("display_mode").getData());
            assertThat((String[]) aa.get("DIMENSION_LABELS").getData())
                    .containsExactly((String[]) ab.get("DIMENSION_LABELS").getData());
            if (ab.containsKey("drange")) {
                assertThat(aa.get("drange").getDataType().getSize()).isEqualTo(ab.get("drange").getDataType().getSize());
                assertThat(aa.get("drange").getDataType().getClass()).isEqualTo(ab.get("drange").getDataType().getClass());
                assertThat(JhdfTestReads.toStorage(aa.get("drange").getData(), dtype))
                        .isEqualTo(JhdfTestReads.toStorage(ab.get("drange").getData(), dtype));
            }
            assertBitIdentical(JhdfTestReads.toStorage(da.getDataFlat(), dtype),
                    JhdfTestReads.toStorage(db.getDataFlat(), dtype));
        }
    }

    /** The plan's file, or its slices' files for a sequence format. */
    static List<Path> writtenFiles(ExportPlan plan) {
        if (!plan.format().isSequence()) {
            return List.of(plan.file());
        }
        return ImageExportSinks.sliceFiles(plan, ImageExportSinks.stepAxis(plan.outputAxes(), plan.outputShape()));
    }

    /** PNG: the pixel arrays as jilastik's reader returns them, bit for bit (vigra's range mapping included). */
    private static void comparePng(Path ours, Path reference) {
        try (org.jilastik.io.imageio.ImageIoSource a = org.jilastik.io.imageio.ImageIoSource.open(ours);
                org.jilastik.io.imageio.ImageIoSource b = org.jilastik.io.imageio.ImageIoSource.open(reference)) {
            assertThat(a.dtype()).isEqualTo(b.dtype());
            assertThat(a.shape()).isEqualTo(b.shape());
            assertBitIdentical(a.readAll().data(), b.readAll().data());
        }
    }

    /** Multi-page OME-TIFF: pixel data, every page's tags (but offsets and texts), and the OME-XML sans ids. */
    private static void compareMultipage(Path ours, Path reference) throws IOException {
        try (org.jilastik.io.tiff.TiffSource a = org.jilastik.io.tiff.TiffSource.open(ours);
                org.jilastik.io.tiff.TiffSource b = org.jilastik.io.tiff.TiffSource.open(reference)) {
            assertThat(a.shape()).isEqualTo(b.shape());
            assertBitIdentical(a.readAll().data(), b.readAll().data());
        }
        assertThat(org.jilastik.io.tiff.TiffPages.layoutTags(ours))
                .isEqualTo(org.jilastik.io.tiff.TiffPages.layoutTags(reference));
        String xa = (String) org.jilastik.io.tiff.TiffPages.read(ours).getFirst().get(270);
        String xb = (String) org.jilastik.io.tiff.TiffPages.read(reference).getFirst().get(270);
        String ids = " UUID=\"[^\"]*\"\\s+Creator=\"[^\"]*\"";
        assertThat(xa.replaceAll(ids, "")).isEqualTo(xb.replaceAll(ids, ""));
    }

    private static List<String> filters(Dataset d) {
        return d.getFilters().stream().map(PipelineFilterWithData::toString).toList();
    }

    private static void compareTiff(Path ours, Path reference, DType dtype) throws IOException {
        Map<Integer, long[]> ta = TiffTestReads.tags(ours);
        Map<Integer, long[]> tb = TiffTestReads.tags(reference);
        assertThat(ta.keySet()).containsExactlyElementsOf(tb.keySet());
        for (int tag : tb.keySet()) {
            if (tag == 273 || tag == 279) {
                assertThat(ta.get(tag).length).as("tag %d count", tag).isEqualTo(tb.get(tag).length);
                assertThat(ta.get(tag)[0]).as("tag %d type", tag).isEqualTo(tb.get(tag)[0]);
            } else {
                assertThat(ta.get(tag)).as("tag %d", tag).containsExactly(tb.get(tag));
            }
        }
        assertBitIdentical(TiffTestReads.readSamples(ours, dtype), TiffTestReads.readSamples(reference, dtype));
    }

    /** Whole-array comparison, reporting the number of differing elements and the first one. */
    private static void assertBitIdentical(Object ours, Object ref) {
        int n = java.lang.reflect.Array.getLength(ref);
        assertThat(java.lang.reflect.Array.getLength(ours)).isEqualTo(n);
        int differing = 0;
        int first = -1;
        for (int i = 0; i < n; i++) {
            Object x = java.lang.reflect.Array.get(ours, i);
            Object y = java.lang.reflect.Array.get(ref, i);
            if (!x.equals(y)) {
                differing++;
                if (first < 0) {
                    first = i;
                }
            }
        }
        assertThat(differing).as("differing values (first at flat index %d: %s vs %s)", first,
                first < 0 ? "" : java.lang.reflect.Array.get(ours, first),
                first < 0 ? "" : java.lang.reflect.Array.get(ref, first)).isZero();
    }
}
