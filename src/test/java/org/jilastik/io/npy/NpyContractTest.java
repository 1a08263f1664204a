package org.jilastik.io.npy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.DType;
import org.jilastik.error.JilastikException;
import org.jilastik.io.AbstractImageSourceTest;
import org.jilastik.io.Fixtures;
import org.jilastik.io.ImageSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Contract on a C-order little-endian uint16 .npy written by the test (version 1 header). */
class NpyContractTest extends AbstractImageSourceTest {
    @TempDir
    Path dir;

    /** Writes a .npy with the given descr and (C-order) payload. */
    static Path write(Path file, String descr, boolean fortran, String shape, byte[] payload, int version)
            throws IOException {
        String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False")
                + ", 'shape': (" + shape + "), }";
        int pre = version == 1 ? 10 : 12;
        int total = ((pre + dict.length() + 1 + 63) / 64) * 64;
        StringBuilder h = new StringBuilder(dict);
        while (pre + h.length() + 1 < total) {
            h.append(' ');
        }
        h.append('\n');
        byte[] text = h.toString().getBytes(StandardCharsets.ISO_8859_1);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(pre + text.length + payload.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) version, 0});
        if (version == 1) {
            b.putShort((short) text.length);
        } else {
            b.putInt(text.length);
        }
        b.put(text).put(payload);
        Files.write(file, b.array());
        return file;
    }

    @Override
    protected ImageSource open() throws IOException {
        Block b = expected();
        return NpySource.open(write(dir.resolve("a.npy"), "<u2", false, "3, 5, 7",
                Fixtures.bytes(b, ByteOrder.LITTLE_ENDIAN), 1));
    }

    @Override
    protected Axes expectedAxes() {
        return Axes.of("zyx");
    }

    @Override
    protected long[] expectedShape() {
        return new long[] {3, 5, 7};
    }

    @Override
    protected DType expectedDtype() {
        return DType.UINT16;
    }

    @Override
    protected Block expected() {
        return Fixtures.block(expectedAxes(), DType.UINT16, 3, 5, 7);
    }

    @Test
    void parsesHeaders() {
        NpyHeader h = NpyHeader.parse("{'descr': '>f4', 'fortran_order': True, 'shape': (2, 3, 4), }", 128);
        assertThat(h.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(h.order()).isEqualTo(ByteOrder.BIG_ENDIAN);
        assertThat(h.fortranOrder()).isTrue();
        assertThat(h.shape()).containsExactly(2, 3, 4);
        assertThat(NpyHeader.parse("{'descr': '|b1', 'fortran_order': False, 'shape': (5,), }", 0).dtype())
                .isEqualTo(DType.BOOL);
        assertThat(NpyHeader.parse("{'descr': '<i8', 'fortran_order': False, 'shape': (), }", 0).shape())
                .isEmpty();
        assertThatThrownBy(() -> NpyHeader.parse("{'descr': '<c8', 'fortran_order': False, 'shape': (2,2), }", 0))
                .hasMessageContaining("c8");
    }

    @Test
    void readsFortranOrderBigEndianFloats() throws IOException {
        // a (4, 6) float32 array stored column-major: its bytes are the C-order bytes of the transpose
        Block c = Fixtures.block(Axes.of("yx"), DType.FLOAT32, 4, 6);
        float[] v = (float[]) c.data();
        float[] t = new float[24];
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 6; x++) {
                t[x * 4 + y] = v[y * 6 + x];
            }
        }
        Block tb = new Block(Axes.of("xy"), org.jilastik.array.Box.ofShape(6, 4), DType.FLOAT32, t);
        Path f = write(dir.resolve("f.npy"), ">f4", true, "4, 6", Fixtures.bytes(tb, ByteOrder.BIG_ENDIAN), 2);
        try (NpySource s = NpySource.open(f)) {
            assertThat(s.shape()).containsExactly(4, 6);
            assertThat(s.axes()).isEqualTo(Axes.of("yx"));
            org.jilastik.io.TestArrays.assertSameValues(s.readAll(), c);
            Block part = s.read(new org.jilastik.array.Box(new long[] {1, 2}, new long[] {4, 5}));
            org.jilastik.io.TestArrays.assertSameValues(part, org.jilastik.io.TestArrays.crop(c, part.box()));
        }
    }

    @Test
    void truncatedFileIsAnError() throws IOException {
        Path f = write(dir.resolve("t.npy"), "<u1", false, "10, 10", new byte[50], 1);
        assertThatThrownBy(() -> NpySource.open(f)).isInstanceOf(JilastikException.class)
                .hasMessageContaining("numpy .npy");
    }
}
