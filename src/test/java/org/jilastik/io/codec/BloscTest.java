package org.jilastik.io.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.jilastik.array.DType;
import org.jilastik.io.hdf5.JhdfTestReads;
import org.junit.jupiter.api.Test;

/**
 * Blosc frames: ilastik's own chunk files (written by numcodecs' c-blosc) decode to ilastik's HDF5 export of the
 * same probabilities, bit for bit; our frames carry c-blosc's header fields and round-trip for every type size,
 * block count, ragged last block and incompressible data.
 */
class BloscTest {
    static final Path REF = Path.of("../shared/testdata/ilastik-ref/export-options/out");

    @Test
    void ilastikChunksDecodeToIlastiksHdf5Values() throws IOException {
        float[] h5 = (float[]) JhdfTestReads.readFlat(REF.resolve("2d_hdf5_default/ex2d-data_Probabilities.h5"),
                "exported_data", DType.FLOAT32); // (60, 80, 3) yxc
        for (int c = 0; c < 3; c++) {
            byte[] frame = Files.readAllBytes(REF.resolve("2d_ome_zarr_single_scale/ex2d-data_Probabilities.zarr/s0/0/"
                    + c + "/0/0/0"));
            byte[] raw = Blosc.decompress(frame);
            assertThat(raw).hasSize(60 * 80 * 4);
            float[] plane = new float[60 * 80];
            ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(plane);
            int worst = -1;
            for (int i = 0; i < plane.length; i++) {
                if (Float.floatToRawIntBits(plane[i]) != Float.floatToRawIntBits(h5[i * 3 + c]) && worst < 0) {
                    worst = i;
                }
            }
            assertThat(worst).as("first differing pixel of channel %d", c).isEqualTo(-1);
        }
    }

    @Test
    void headerFieldsAreCBloscs() throws IOException {
        byte[] src = Files.readAllBytes(REF.resolve("2d_ome_zarr_single_scale/ex2d-data_Probabilities.zarr/s0/0/1/0/0/0"));
        byte[] raw = Blosc.decompress(src);
        byte[] ours = Blosc.compress(raw, 4);
        // version 2, lz4 format 1, flags: byte shuffle + codec lz4 (split streams), typesize 4; sizes as c-blosc
        assertThat(java.util.Arrays.copyOf(ours, 12)).isEqualTo(java.util.Arrays.copyOf(src, 12));
        assertThat(ByteBuffer.wrap(ours).order(ByteOrder.LITTLE_ENDIAN).getInt(12)).isEqualTo(ours.length);
        assertThat(Blosc.decompress(ours)).isEqualTo(raw);
    }

    @Test
    void blockSizesFollowCBlosc() {
        assertThat(Blosc.blockSize(19200, 4)).isEqualTo(19200);
        assertThat(Blosc.blockSize(1_022_120, 4)).isEqualTo(524288);
        assertThat(Blosc.blockSize(1_024_000, 1)).isEqualTo(131072);
        assertThat(Blosc.blockSize(1_024_000, 8)).isEqualTo(1_024_000);
        assertThat(Blosc.blockSize(600_000, 2)).isEqualTo(262144);
        assertThat(Blosc.blockSize(8, 4)).isEqualTo(8);
    }

    @Test
    void roundTripsEveryLayout() throws IOException {
        Random r = new Random(42);
        int[] sizes = {0, 1, 7, 100, 4096, 19200, 131072 + 12, 600_000, 1_022_120};
        for (int ts : new int[] {1, 2, 4, 8}) {
            for (int n : sizes) {
                int bytes = n / ts * ts;
                byte[] smooth = new byte[bytes];
                byte[] noise = new byte[bytes];
                r.nextBytes(noise);
                for (int i = 0; i < bytes; i++) {
                    smooth[i] = (byte) ((i / ts) % 251 / 7 + (i % ts == ts - 1 ? 0 : 3));
                }
                for (byte[] src : new byte[][] {smooth, noise}) {
                    byte[] frame = Blosc.compress(src, ts);
                    assertThat(Blosc.decompress(frame)).as("typesize %d, %d bytes", ts, bytes).isEqualTo(src);
                    assertThat(frame.length).isLessThanOrEqualTo(bytes + Blosc.HEADER);
                }
                if (bytes > 4096) {
                    assertThat(Blosc.compress(smooth, ts).length).as("smooth data compresses").isLessThan(bytes / 2);
                }
            }
        }
    }

    @Test
    void refusesCodecsItCannotRead() {
        byte[] frame = Blosc.compress(new byte[4096], 4);
        frame[2] = (byte) ((frame[2] & 0x1f) | (4 << 5)); // zstd
        assertThatThrownBy(() -> Blosc.decompress(frame)).isInstanceOf(IOException.class).hasMessageContaining("zstd");
        byte[] bit = Blosc.compress(new byte[4096], 4);
        bit[2] = (byte) (bit[2] | 0x04);
        assertThatThrownBy(() -> Blosc.decompress(bit)).isInstanceOf(IOException.class)
                .hasMessageContaining("bit shuffle");
        assertThatThrownBy(() -> Blosc.decompress(new byte[5])).isInstanceOf(IOException.class);
    }
}
