package org.jilastik.io.zarr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.jilastik.io.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Multi-scale OME-Zarr: ilastik's level rule (halve z, y, x with floor until one chunk holds the level), values
 * of each level recomputed here from the level before (2×2 means; first element of each cell for labels), the
 * NGFF transforms with pixel sizes, units and a cutout offset, and the 0.5 layout.
 */
class OmeZarrPyramidTest {
    static final Axes TCZYX = Axes.of("tczyx");

    @TempDir
    Path dir;

    private static Block read(Path root, String level) {
        try (ZarrSource s = ZarrSource.open(root, level)) {
            return s.read(Box.ofShape(s.shape()));
        }
    }

    private Path write(long[] shape, DType dtype, int[] chunk, OmeZarrOptions o, Object data) {
        Path target = dir.resolve("p" + o.zarrFormat() + dtype + ".zarr");
        try (OmeZarrWriter w = OmeZarrWriter.create(target, shape, dtype, chunk, o)) {
            w.write(new Block(TCZYX, Box.ofShape(shape), dtype, data));
            w.commit();
        }
        return target;
    }

    @Test
    void meanPyramidOfA2dFloatImage() throws IOException {
        long[] shape = {1, 2, 1, 37, 50};
        int[] chunk = {1, 1, 1, 10, 12};
        float[] data = new float[2 * 37 * 50];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) Math.sin(i * 0.37) * 100;
        }
        Path root = write(shape, DType.FLOAT32, chunk, OmeZarrOptions.plain(2, true, Downsample.MEAN), data);
        try (var s = Files.list(root)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly(".zattrs", ".zgroup", "s0", "s1", "s2");
        }
        Block s0 = read(root, "s0");
        Block s1 = read(root, "s1");
        Block s2 = read(root, "s2");
        assertThat(s0.data()).isEqualTo(data);
        assertThat(s1.box().shape()).isEqualTo(new long[] {1, 2, 1, 18, 25});
        assertThat(s2.box().shape()).isEqualTo(new long[] {1, 2, 1, 9, 12});
        assertThat(s1.data()).isEqualTo(mean2x2((float[]) s0.data(), 2, 37, 50, 18, 25));
        assertThat(s2.data()).isEqualTo(mean2x2((float[]) s1.data(), 2, 18, 25, 9, 12));
        Map<String, Object> attrs = Json.parseObject(Files.readString(root.resolve(".zattrs")));
        Map<?, ?> ms = (Map<?, ?>) ((List<?>) attrs.get("multiscales")).getFirst();
        List<?> ds = (List<?>) ms.get("datasets");
        assertThat(ds).hasSize(3);
        assertThat(scaleOf(ds.get(1))).containsExactly(1.0, 1.0, 1.0, 37.0 / 18, 2.0);
        assertThat(scaleOf(ds.get(2))).containsExactly(1.0, 1.0, 1.0, 37.0 / 9, 50.0 / 12);
        assertThat(((Map<?, ?>) ms.get("metadata")).get("method")).isEqualTo("jilastik.block_mean");
        assertThat(ms.get("version")).isEqualTo("0.4");
        assertThat(ms.containsKey("coordinateTransformations")).isFalse();
        assertThat(Files.readString(root.resolve("s2/.zarray"))).contains("\"chunks\": [\n        1,\n        1,\n"
                + "        1,\n        10,\n        12\n    ]");
    }

    /** Mean of each 2×2 cell per channel, computed in double and rounded to float, as the level rule says. */
    private static float[] mean2x2(float[] src, int channels, int h, int w, int oh, int ow) {
        float[] out = new float[channels * oh * ow];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < oh; y++) {
                for (int x = 0; x < ow; x++) {
                    int b = (c * h + 2 * y) * w + 2 * x;
                    double sum = (double) src[b] + src[b + 1] + src[b + w] + src[b + w + 1];
                    out[(c * oh + y) * ow + x] = (float) (sum / 4);
                }
            }
        }
        return out;
    }

    private static List<Double> scaleOf(Object dataset) {
        Map<?, ?> t = (Map<?, ?>) ((List<?>) ((Map<?, ?>) dataset).get("coordinateTransformations")).getFirst();
        return ((List<?>) t.get("scale")).stream().map(v -> ((Number) v).doubleValue()).toList();
    }

    @Test
    void labelPyramidOf3dDataSamplesAndHalvesZ() {
        long[] shape = {1, 1, 5, 8, 9};
        int[] chunk = {1, 1, 2, 4, 4};
        short[] data = new short[5 * 8 * 9];
        for (int i = 0; i < data.length; i++) {
            data[i] = (short) (i * 7919 % 65521);
        }
        Path root = write(shape, DType.UINT16, chunk, OmeZarrOptions.plain(2, true, Downsample.NEAREST), data);
        Block s1 = read(root, "s1");
        assertThat(s1.box().shape()).isEqualTo(new long[] {1, 1, 2, 4, 4});
        short[] expected = new short[2 * 4 * 4];
        for (int z = 0; z < 2; z++) {
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 4; x++) {
                    expected[(z * 4 + y) * 4 + x] = data[((2 * z) * 8 + 2 * y) * 9 + 2 * x];
                }
            }
        }
        assertThat(s1.data()).isEqualTo(expected);
        assertThat(Files.exists(root.resolve("s2"))).isFalse();
    }

    @Test
    void transformsCarryPixelSizesUnitsAndTheCutoutOffset() throws IOException {
        long[] shape = {1, 1, 1, 6, 8};
        int[] chunk = {1, 1, 1, 6, 8};
        OmeZarrOptions o = new OmeZarrOptions(2, false, Downsample.MEAN, Map.of(), new double[] {0, 0, 2.0, 0.5, 0.25},
                new String[] {null, null, "micrometer", "micrometer", ""}, new long[] {0, 1, 3, 10, 20}, "jilastik",
                "9.9");
        Path root = write(shape, DType.FLOAT64, chunk, o, new double[48]);
        Map<String, Object> attrs = Json.parseObject(Files.readString(root.resolve(".zattrs")));
        assertThat(attrs.get("_creator")).isEqualTo(Map.of("name", "jilastik", "version", "9.9",
                "ome_zarr_exporter_version", 2L));
        Map<?, ?> ms = (Map<?, ?>) ((List<?>) attrs.get("multiscales")).getFirst();
        assertThat(ms.get("axes")).isEqualTo(List.of(Map.of("name", "t", "type", "time"),
                Map.of("name", "c", "type", "channel"), Map.of("name", "z", "type", "space", "unit", "micrometer"),
                Map.of("name", "y", "type", "space", "unit", "micrometer"), Map.of("name", "x", "type", "space")));
        assertThat(ms.get("coordinateTransformations")).isEqualTo(List.of(
                Map.of("type", "scale", "scale", List.of(1.0, 1.0, 2.0, 0.5, 0.25)),
                Map.of("type", "translation", "translation", List.of(0.0, 1.0, 6.0, 5.0, 5.0))));
        assertThat(scaleOf(((List<?>) ms.get("datasets")).getFirst())).containsExactly(1.0, 1.0, 1.0, 1.0, 1.0);
    }

    @Test
    void version05IsZarrV3WithOmeAttributes() throws IOException {
        long[] shape = {1, 1, 1, 30, 20};
        int[] chunk = {1, 1, 1, 8, 8};
        float[] data = new float[600];
        for (int i = 0; i < data.length; i++) {
            data[i] = i;
        }
        Path root = write(shape, DType.FLOAT32, chunk, OmeZarrOptions.plain(3, true, Downsample.MEAN), data);
        Map<String, Object> group = Json.parseObject(Files.readString(root.resolve("zarr.json")));
        assertThat(group.get("zarr_format")).isEqualTo(3L);
        assertThat(group.get("node_type")).isEqualTo("group");
        Map<?, ?> ome = (Map<?, ?>) ((Map<?, ?>) group.get("attributes")).get("ome");
        assertThat(ome.get("version")).isEqualTo("0.5");
        Map<?, ?> ms = (Map<?, ?>) ((List<?>) ome.get("multiscales")).getFirst();
        assertThat(ms.containsKey("version")).isFalse();
        assertThat((List<?>) ms.get("datasets")).hasSize(3); // 30x20 → 15x10 → 7x5
        Map<String, Object> s0 = Json.parseObject(Files.readString(root.resolve("s0/zarr.json")));
        assertThat(s0.get("dimension_names")).isEqualTo(List.of("t", "c", "z", "y", "x"));
        assertThat(s0.get("data_type")).isEqualTo("float32");
        assertThat(Files.isRegularFile(root.resolve("s0/c/0/0/0/3/2"))).isTrue();
        assertThat(read(root, "s0").data()).isEqualTo(data);
        assertThat(read(root, "s2").box().shape()).isEqualTo(new long[] {1, 1, 1, 7, 5});
    }
}
