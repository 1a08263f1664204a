package org.jilastik.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.jilastik.error.JilastikException;
import org.jilastik.exec.ResourceBudget;
import org.jilastik.export.PyRepr;
import org.jilastik.features.FeaturePlan;
import org.jilastik.features.FeatureSelection;
import org.jilastik.io.ImageSource;
import org.jilastik.project.CountingStore;
import org.jilastik.project.CountingStoreReader;
import org.jilastik.project.PixelStage;
import org.jilastik.project.Project;
import org.jilastik.workflow.counting.CountingModel;
import org.jilastik.workflow.counting.CountingModelDecoder;
import org.jilastik.workflow.counting.CountingPipeline;
import org.jilastik.workflow.counting.DensityCount;

/**
 * Cell Density Counting for {@link LaneExport}: decodes the project's stored regressors once (data only, spec
 * counting §4) and plans, per lane image, features → regressors → the density ({@code Probabilities}, float32,
 * one channel) for any tile. With {@code --csv-export-file} (or a CSV path stored in the project) it truncates the
 * file when constructed and appends {@code <nickname>,<count>} after each lane, the count summed as ilastik sums
 * it ({@link DensityCount}) over the whole image. The density of the tiles the export computes is kept (4 bytes
 * per pixel, 2-D images only) so the count costs no second pass unless a cutout leaves parts uncomputed. Lanes run
 * one after another; a lane's tiles may be computed on many threads.
 */
final class CountingRun implements LanePipeline.Factory {
    private static final String SOURCE = "Probabilities";

    private final CountingModel model;
    private final FeatureSelection features;
    private final Path csv;

    CountingRun(Project project, RunRequest request) {
        PixelStage stage = project.pixelStages().isEmpty() ? null : project.pixelStages().getFirst();
        if (stage == null || stage.features() == null) {
            throw JilastikException.processing(project.path() + " holds no feature selection; open it in ilastik,"
                    + " select features, train the counting regressor and save the project");
        }
        this.features = stage.features();
        CountingStore store = CountingStoreReader.read(project.path());
        this.model = CountingModelDecoder.decode(store.pickles(), store.wrapperPaths().stream()
                .map(p -> p + " of " + project.path().getFileName()).toList());
        String csvFlag = request.workflowOptions() == null ? null : request.workflowOptions().csvExportFile();
        String csvPath = csvFlag != null ? csvFlag : store.csvFilepath();
        this.csv = csvPath == null ? null : Path.of(csvPath).toAbsolutePath();
        if (csv != null) {
            try {
                Files.write(csv, new byte[0]);
            } catch (IOException e) {
                throw JilastikException.processing("cannot write the counts file " + csv + " (" + e.getMessage()
                        + "); choose a writable --csv-export-file path", e);
            }
        }
    }

    @Override
    public LanePipeline plan(Axes axes, long[] shape, DType rawDtype, String sourceName) {
        if (sourceName != null && !sourceName.toLowerCase(Locale.ROOT).equals(SOURCE.toLowerCase(Locale.ROOT))) {
            throw JilastikException.usage("Cell Density Counting exports only the source \"Probabilities\" (the"
                    + " density), not \"" + sourceName + "\"");
        }
        if (!axes.equals(Axes.of("yxc")) && !axes.equals(Axes.of("xyc"))) {
            throw JilastikException.processing("the input has axes " + axes + " but Cell Density Counting takes 2-D"
                    + " images (y, x and channels) only; give a 2-D image or fix its axes with --input_axes");
        }
        CountingPipeline pipeline = new CountingPipeline(model, FeaturePlan.of(features, axes, shape));
        int y = axes.indexOf('y');
        int x = axes.indexOf('x');
        int height = Math.toIntExact(shape[y]);
        int width = Math.toIntExact(shape[x]);
        float[] density = csv == null ? null : new float[Math.multiplyExact(height, width)];
        AtomicLong captured = new AtomicLong();
        return new LanePipeline() {
            @Override
            public String sourceName() {
                return SOURCE;
            }

            @Override
            public DType dtype() {
                return DType.FLOAT32;
            }

            @Override
            public int channels() {
                return 1;
            }

            @Override
            public Number drangeLow() {
                return 0.0;
            }

            @Override
            public Number drangeHigh() {
                return 1.0;
            }

            @Override
            public String displayMode() {
                return null; // ilastik's density carries no display_mode attribute
            }

            @Override
            public long[] tileShape(long workingBytes, long maxEdge) {
                return pipeline.tileShape(workingBytes, maxEdge);
            }

            @Override
            public Block compute(ImageSource image, ImageSource mask, Box box) {
                Block out = CountingRun.compute(pipeline, image, box);
                if (density != null) {
                    captured.addAndGet(keep(out, y, x, width, density));
                }
                return out;
            }

            @Override
            public void exported(ImageSource image, String nickname) {
                if (csv == null) {
                    return;
                }
                if (captured.get() != (long) height * width) {
                    // a cutout left parts uncomputed: ilastik counts the whole image
                    long[] tile = tileShape(ResourceBudget.of(1, null).workingBytesPerThread(),
                            ResourceBudget.maxTileEdge());
                    for (long y0 = 0; y0 < height; y0 += tile[y]) {
                        for (long x0 = 0; x0 < width; x0 += tile[x]) {
                            long[] start = new long[3];
                            long[] stop = {0, 0, 1};
                            start[y] = y0;
                            start[x] = x0;
                            stop[y] = Math.min(height, y0 + tile[y]);
                            stop[x] = Math.min(width, x0 + tile[x]);
                            keep(CountingRun.compute(pipeline, image, new Box(start, stop)), y, x, width, density);
                        }
                    }
                }
                appendCount(nickname, DensityCount.count(density, height, width));
            }
        };
    }

    private static Block compute(CountingPipeline pipeline, ImageSource image, Box box) {
        FeaturePlan plan = pipeline.plan();
        int c = plan.axes().indexOf('c');
        Box spatial = PixelClassificationRun.withChannels(box, c, 0, image.shape()[c]);
        return pipeline.compute(image.read(plan.inputBox(spatial)), spatial);
    }

    // Copies a one-channel block into the whole-image density (y-major); returns the pixels copied.
    private static long keep(Block b, int y, int x, int width, float[] density) {
        float[] v = (float[]) b.data();
        long[] start = b.box().start();
        long[] stop = b.box().stop();
        int ny = Math.toIntExact(stop[y] - start[y]);
        int nx = Math.toIntExact(stop[x] - start[x]);
        boolean yFirst = y < x;
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                int src = yFirst ? j * nx + i : i * ny + j;
                density[Math.toIntExact((start[y] + j) * width + start[x] + i)] = v[src];
            }
        }
        return (long) ny * nx;
    }

    private void appendCount(String nickname, double count) {
        try {
            Files.writeString(csv, nickname + "," + PyRepr.float64(count) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw JilastikException.processing("cannot write the counts file " + csv + " (" + e.getMessage()
                    + "); choose a writable --csv-export-file path", e);
        }
    }
}
