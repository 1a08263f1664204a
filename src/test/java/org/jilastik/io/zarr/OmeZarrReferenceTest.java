package org.jilastik.io.zarr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.jilastik.io.codec.Blosc;
import org.jilastik.io.hdf5.JhdfTestReads;
import org.jilastik.io.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ilastik's {@code single-scale OME-Zarr} export of the export-options case: jilastik reads it (Blosc-LZ4 chunks,
 * axes from its {@code axistags}) to exactly ilastik's HDF5 export of the same probabilities, and writing those
 * values with ilastik's attributes gives the same metadata files, text for text (only {@code _creator} names
 * jilastik), and chunks that decode to the same bytes.
 */
class OmeZarrReferenceTest {
    static final Path OUT = Path.of("../shared/testdata/ilastik-ref/export-options/out");
    static final Path REF = OUT.resolve("2d_ome_zarr_single_scale/ex2d-data_Probabilities.zarr");

    @TempDir
    Path dir;

    private static float[] hdf5AsTczyx() {
        float[] yxc = (float[]) JhdfTestReads.readFlat(OUT.resolve("2d_hdf5_default/ex2d-data_Probabilities.h5"),
                "exported_data", DType.FLOAT32);
        float[] out = new float[yxc.length];
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < 60 * 80; i++) {
                out[c * 4800 + i] = yxc[i * 3 + c];
            }
        }
        return out;
    }

    @Test
    void ilastiksOmeZarrReadsAsItsHdf5Export() {
        try (ZarrSource s = ZarrSource.open(REF, null)) {
            assertThat(s.axes()).isEqualTo(Axes.of("tczyx"));
            assertThat(s.shape()).isEqualTo(new long[] {1, 3, 1, 60, 80});
            assertThat(s.read(Box.ofShape(s.shape())).data()).isEqualTo(hdf5AsTczyx());
        }
    }

    @Test
    void writingTheSameArrayGivesIlastiksFiles() throws IOException {
        Map<String, Object> s0Attrs = Json.parseObject(Files.readString(REF.resolve("s0/.zattrs")));
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("axistags", s0Attrs.get("axistags"));
        attrs.put("display_mode", "grayscale");
        attrs.put("drange", List.of(0.0, 1.0));
        OmeZarrOptions o = new OmeZarrOptions(2, false, Downsample.MEAN, attrs, new double[5], new String[5],
                new long[5], "ilastik", "1.4.3.dev28+gebbaf9b9c");
        Path ours = dir.resolve("ex2d-data_Probabilities.zarr");
        long[] shape = {1, 3, 1, 60, 80};
        try (OmeZarrWriter w = OmeZarrWriter.create(ours, shape, DType.FLOAT32, new int[] {1, 1, 1, 60, 80}, o)) {
            float[] data = hdf5AsTczyx();
            for (int c = 2; c >= 0; c--) { // channel planes in reverse order, as separate blocks
                Box b = new Box(new long[] {0, c, 0, 0, 0}, new long[] {1, c + 1, 1, 60, 80});
                float[] plane = java.util.Arrays.copyOfRange(data, c * 4800, (c + 1) * 4800);
                w.write(new Block(Axes.of("tczyx"), b, DType.FLOAT32, plane));
            }
            w.commit();
        }
        for (String f : List.of(".zattrs", ".zgroup", "s0/.zarray", "s0/.zattrs")) {
            assertThat(Files.readString(ours.resolve(f))).as(f).isEqualTo(Files.readString(REF.resolve(f)));
        }
        for (int c = 0; c < 3; c++) {
            String chunk = "s0/0/" + c + "/0/0/0";
            assertThat(Blosc.decompress(Files.readAllBytes(ours.resolve(chunk)))).as(chunk)
                    .isEqualTo(Blosc.decompress(Files.readAllBytes(REF.resolve(chunk))));
        }
    }
}
