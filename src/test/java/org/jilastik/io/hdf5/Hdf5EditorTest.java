package org.jilastik.io.hdf5;

import static org.assertj.core.api.Assertions.assertThat;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.object.datatype.EnumDataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.VariableLength;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.jilastik.array.DType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The editor writes h5py's types (read back with jhdf, an independent reader) and edits existing files. */
class Hdf5EditorTest {
    @Test
    void writesH5pyTypesAndReplacesOnEdit(@TempDir Path dir) {
        Path f = dir.resolve("p.h5");
        try (Hdf5Editor e = Hdf5Editor.create(f)) {
            e.writeString("a/b/name", "Pixel Classification");
            e.writeUtf8String("a/StorageVersion", "0.1");
            e.writeStrings("a/names", List.of("x", "sigma=1.0"));
            e.writeBools("a/matrix", new long[] {2, 3}, new boolean[] {true, false, true, false, false, true});
            e.writeBools("a/flag", null, new boolean[] {true});
            e.writeNumeric("a/labels", DType.UINT32, new long[] {3}, new int[] {1, 2, -1}, 0);
            e.writeNumeric("a/block", DType.UINT8, new long[] {2, 2, 1}, new byte[] {0, 1, 2, (byte) 255}, 6);
            e.setAsciiStringAttribute("a/block", "blockSlice", "[0:2,0:2,0:1]");
            e.setStringAttribute("a/block", "axistags", "{}");
            e.setBoolAttribute("a/names", "isEmpty", false);
            e.setNumericAttribute("a", "version", DType.FLOAT64, new double[] {0.1});
        }
        try (Hdf5Editor e = Hdf5Editor.openReadWrite(f)) {
            assertThat(e.exists("a/b/name")).isTrue();
            assertThat(e.exists("a/missing/x")).isFalse();
            e.writeString("a/b/name", "Autocontext");
            e.delete("a/flag");
        }
        try (HdfFile h = new HdfFile(f)) {
            Dataset name = h.getDatasetByPath("a/b/name");
            assertThat(name.getData()).isEqualTo("Autocontext");
            assertThat(((VariableLength) name.getDataType()).getEncoding()).isEqualTo(StandardCharsets.US_ASCII);
            assertThat(((VariableLength) h.getDatasetByPath("a/StorageVersion").getDataType()).getEncoding())
                    .isEqualTo(StandardCharsets.UTF_8);
            assertThat((String[]) h.getDatasetByPath("a/names").getData()).containsExactly("x", "sigma=1.0");
            Dataset matrix = h.getDatasetByPath("a/matrix");
            assertThat(matrix.getDataType()).isInstanceOf(EnumDataType.class);
            assertThat(matrix.getDataType().getSize()).isEqualTo(1);
            assertThat(matrix.getDimensions()).containsExactly(2, 3);
            assertThat(((io.jhdf.api.Group) h.getByPath("a")).getChildren().keySet()).doesNotContain("flag");
            Dataset labels = h.getDatasetByPath("a/labels");
            assertThat(((FixedPoint) labels.getDataType()).isSigned()).isFalse();
            assertThat(labels.getDataType().getSize()).isEqualTo(4);
            assertThat((long[]) labels.getData()).containsExactly(1, 2, 0xFFFF_FFFFL);
            Dataset block = h.getDatasetByPath("a/block");
            assertThat(block.getDataFlat()).isEqualTo(new int[] {0, 1, 2, 255}); // jhdf widens uint8
            assertThat(block.getAttribute("blockSlice").getData()).isEqualTo("[0:2,0:2,0:1]");
            assertThat(block.getAttribute("axistags").getData()).isEqualTo("{}");
            assertThat((double[]) h.getByPath("a").getAttribute("version").getData()).containsExactly(0.1);
        }
    }
}
