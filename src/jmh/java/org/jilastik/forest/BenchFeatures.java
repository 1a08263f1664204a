package org.jilastik.forest;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.jilastik.features.FeatureComputer;
import org.jilastik.features.FeaturePlan;
import org.jilastik.features.FeatureSelection;
import org.jilastik.project.ProjectReader;
import org.jilastik.project.StoredGroupReader;

/**
 * Benchmark inputs for the new-2d-1ch-3class forest: its classifier and 4 M real feature vectors, either the
 * case's exported Features (128×128 pixels) repeated ("tile") or the project's features of the 2048×2048 bench
 * image big2d.h5 ("big2d", the first 4 M pixels in C order). The big2d features are computed once with
 * {@link FeatureComputer} and cached as raw little-endian float32 under java.io.tmpdir (688 MB; never in the repo).
 */
final class BenchFeatures {
    static final int PIXELS = 4_000_000;

    private BenchFeatures() {
    }

    static Path testdata() {
        return Path.of(System.getProperty("jilastik.testdata", "../shared/testdata"));
    }

    static Path caseDir() {
        return testdata().resolve("ilastik-ref/new-2d-1ch-3class");
    }

    static VigraClassifier classifier() {
        try (HdfFile ilp = new HdfFile(caseDir().resolve("blobs2d_pc.ilp"))) {
            return ClassifierForestsCodec.decode(StoredGroupReader.read(
                    (Group) ilp.getByPath("PixelClassification/ClassifierForests")), "ClassifierForests");
        }
    }

    static float[] load(String source, int featureCount) {
        return switch (source) {
            case "tile" -> tile(featureCount);
            case "big2d" -> big2d(featureCount);
            default -> throw new IllegalArgumentException("unknown feature source " + source);
        };
    }

    private static float[] tile(int nf) {
        float[] tile;
        try (HdfFile exported = new HdfFile(caseDir().resolve("out/blobs2d-data_Features.h5"))) {
            tile = (float[]) ((Dataset) exported.getByPath("exported_data")).getDataFlat();
        }
        float[] features = new float[PIXELS * nf];
        for (int at = 0; at < features.length; at += tile.length) {
            System.arraycopy(tile, 0, features, at, Math.min(tile.length, features.length - at));
        }
        return features;
    }

    private static float[] big2d(int nf) {
        Path cache = Path.of(System.getProperty("java.io.tmpdir"), "jilastik-bench-big2d-features-" + nf + ".f32");
        float[] features = new float[PIXELS * nf];
        try {
            if (!Files.exists(cache) || Files.size(cache) != 4L * features.length) {
                float[] full = computeBig2d();
                if (full.length / (2048 * 2048) != nf) {
                    throw new IllegalStateException("feature count " + full.length / (2048 * 2048) + " != " + nf);
                }
                write(cache, full, features.length);
            }
            try (FileChannel ch = FileChannel.open(cache, StandardOpenOption.READ)) {
                int chunk = 1 << 22;
                for (int at = 0; at < features.length; at += chunk) {
                    int n = Math.min(chunk, features.length - at);
                    ch.map(FileChannel.MapMode.READ_ONLY, 4L * at, 4L * n).order(ByteOrder.LITTLE_ENDIAN)
                            .asFloatBuffer().get(features, at, n);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return features;
    }

    private static void write(Path cache, float[] full, int count) throws IOException {
        Path tmp = cache.resolveSibling(cache.getFileName() + ".part");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.allocateDirect(1 << 24).order(ByteOrder.LITTLE_ENDIAN);
            for (int at = 0; at < count; ) {
                buf.clear();
                int n = Math.min(buf.capacity() / 4, count - at);
                buf.asFloatBuffer().put(full, at, n);
                buf.limit(n * 4);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                at += n;
            }
        }
        Files.move(tmp, cache, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static float[] computeBig2d() {
        FeatureSelection sel = ProjectReader.read(caseDir().resolve("blobs2d_pc.ilp")).featureSelection()
                .orElseThrow();
        byte[] pixels;
        int[] dims;
        try (HdfFile f = new HdfFile(testdata().resolve("bench/big2d.h5"))) {
            Dataset d = f.getDatasetByPath("data");
            dims = d.getDimensions();
            Object data = d.getDataFlat();
            pixels = switch (data) {
                case byte[] b -> b;
                case short[] v -> {
                    byte[] o = new byte[v.length];
                    for (int i = 0; i < o.length; i++) {
                        o[i] = (byte) v[i];
                    }
                    yield o;
                }
                case int[] v -> {
                    byte[] o = new byte[v.length];
                    for (int i = 0; i < o.length; i++) {
                        o[i] = (byte) v[i];
                    }
                    yield o;
                }
                default -> throw new IllegalStateException("big2d.h5/data is " + data.getClass());
            };
        }
        Block input = new Block(Axes.of("yx"), Box.ofShape(dims[0], dims[1]), DType.UINT8, pixels);
        FeaturePlan plan = FeaturePlan.of(sel, input.axes(), input.box().shape());
        return new FeatureComputer(plan).compute(input, input.box());
    }
}
