package org.jilastik.io.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.jilastik.error.JilastikException;
import org.jilastik.io.ImageSource;
import org.jilastik.io.TestArrays;
import org.jilastik.io.hdf5.Hdf5Source;
import org.jilastik.io.imageio.ImageIoSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 2-D codecs against ilastik's own files (export-options case) and against independent readers where a codec
 * is lossy (JPEG, Radiance HDR), plus vigra's value mapping rules and the refusals.
 */
class VigraImageFormatsTest {
    static final Path OUT = Path.of("../shared/testdata/ilastik-ref/export-options/out");

    @TempDir
    Path dir;

    static Block h5(String file, long... shape) {
        try (ImageSource s = Hdf5Source.open(OUT.resolve(file), "exported_data", null)) {
            Block b = s.readAll();
            return new Block(Axes.of("yxc"), Box.ofShape(shape), b.dtype(), b.data());
        }
    }

    static Block png(Path file) {
        try (ImageIoSource s = ImageIoSource.open(file)) {
            return s.readAll();
        }
    }

    Path write(VigraImageFormat format, String name, Block image) {
        Path file = dir.resolve(name);
        try (VigraImageWriter w = new VigraImageWriter(format, file, image.axes(), image.box().stop(),
                image.dtype())) {
            w.write(image);
            w.commit();
        }
        return file;
    }

    @Test
    void probabilitiesPngEqualsIlastiksFileExactly() {
        // float32 probabilities 60x80x3 -> vigra stretches min..max (0..1) to 0..255 in double precision
        Block probs = h5("2d_hdf5_default/ex2d-data_Probabilities.h5", 60, 80, 3);
        Block ours = png(write(VigraImageFormat.PNG, "p.png", probs));
        Block ref = png(OUT.resolve("2d_png_probabilities/ex2d-data_Probabilities.png"));
        TestArrays.assertSameValues(ours, ref);
        assertThat(TestArrays.sha256(ours))
                .isEqualTo("c00fcab7e28ab64363bfd2a25ed8a95cbe9c41334cbeabb55c6ef99491c2f934");
    }

    @Test
    void segmentationPngKeepsLabelValues() {
        Block seg = h5("2d_axis_yx_segmentation/ex2d-data_Simple Segmentation.h5", 60, 80, 1);
        Block ours = png(write(VigraImageFormat.PNG, "s.png", seg));
        TestArrays.assertSameValues(ours, png(OUT.resolve("2d_png_segmentation/ex2d-data_Simple Segmentation.png")));
        assertThat(TestArrays.sha256(ours))
                .isEqualTo("25676b1ca8ac9e8f98c53b3b036310522df7a3c0d37332975c40c1d4854ff684");
    }

    @Test
    void mappingStretchesTheImagesOwnRangeWithVigrasRounding() {
        // 10 .. 20 -> (x - 10) * 25.5, rounded half up, in double precision
        double[] x = {10, 12.5, 20, 15, 10.02, 19.99};
        Object out = VigraPixelMapping.convert(x, DType.FLOAT64, DType.UINT8);
        assertThat(toInts((byte[]) out)).containsExactly(0, 64, 255, 128, 1, 255);
        // int8 is not a PNG type: -128 .. 127 is mapped onto 0 .. 255
        Object s = VigraPixelMapping.convert(new byte[] {-128, 0, 127}, DType.INT8, DType.UINT8);
        assertThat(toInts((byte[]) s)).containsExactly(0, 128, 255);
        // a constant image counts as (v, v + 1): all become 0
        Object c = VigraPixelMapping.convert(new float[] {0.7f, 0.7f}, DType.FLOAT32, DType.UINT8);
        assertThat(toInts((byte[]) c)).containsExactly(0, 0);
        // a type the codec stores is not touched, whatever its range
        byte[] same = {1, 2, 3};
        assertThat(VigraPixelMapping.convert(same, DType.UINT8, DType.UINT8)).isSameAs(same);
        assertThat(VigraPixelMapping.negotiate(DType.UINT16, VigraImageFormat.PNG.pixelTypes()))
                .isEqualTo(DType.UINT16);
        assertThat(VigraPixelMapping.negotiate(DType.UINT16, VigraImageFormat.BMP.pixelTypes()))
                .isEqualTo(DType.UINT8);
    }

    @Test
    void pngStoresGreyAlphaAndRgbaOf16Bits() throws IOException {
        for (int bands : new int[] {1, 2, 4}) {
            int n = 9 * 11 * bands;
            short[] v = new short[n];
            for (int i = 0; i < n; i++) {
                v[i] = (short) (i * 613);
            }
            Block img = new Block(Axes.of("yxc"), Box.ofShape(9, 11, bands), DType.UINT16, v);
            Path f = write(VigraImageFormat.PNG, "w" + bands + ".png", img);
            BufferedImage read = ImageIO.read(f.toFile());
            Raster r = read.getRaster();
            assertThat(r.getNumBands()).isEqualTo(bands);
            int[] px = r.getPixels(0, 0, 11, 9, (int[]) null);
            for (int i = 0; i < n; i++) {
                assertThat(px[i]).as("sample %d of %d bands", i, bands).isEqualTo(v[i] & 0xffff);
            }
        }
    }

    @Test
    void jpegIsCloseToTheImage() throws IOException {
        int h = 32;
        int w = 48;
        byte[] v = new byte[h * w * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                v[(y * w + x) * 3] = (byte) (x * 5);
                v[(y * w + x) * 3 + 1] = (byte) (y * 7);
                v[(y * w + x) * 3 + 2] = (byte) 128;
            }
        }
        Block ours = png(write(VigraImageFormat.JPEG, "a.jpg", new Block(Axes.of("yxc"), Box.ofShape(h, w, 3),
                DType.UINT8, v)));
        int worst = 0;
        for (int i = 0; i < v.length; i++) {
            worst = Math.max(worst, Math.abs((((byte[]) ours.data())[i] & 0xff) - (v[i] & 0xff)));
        }
        assertThat(worst).as("largest JPEG error on a smooth image").isLessThanOrEqualTo(12);
    }

    @Test
    void hdrRoundTripsThroughAnIndependentReader() throws IOException {
        int h = 5;
        int w = 20; // >= 8: run-length encoded scanlines
        float[] v = new float[h * w * 3];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % 7 == 0 ? 0f : (float) (0.001 + (i % 13) * 0.37 + (i / 60) * 0.02);
        }
        Path f = write(VigraImageFormat.HDR, "a.hdr", new Block(Axes.of("yxc"), Box.ofShape(h, w, 3),
                DType.FLOAT32, v));
        String head = new String(Files.readAllBytes(f), 0, 65, StandardCharsets.US_ASCII);
        assertThat(head).startsWith("#?RADIANCE\nGAMMA=1\nEXPOSURE=1\nFORMAT=32-bit_rle_rgbe\n\n-Y 5 +X 20\n");
        BufferedImage read;
        try (javax.imageio.stream.ImageInputStream in = ImageIO.createImageInputStream(f.toFile())) {
            javax.imageio.ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            com.twelvemonkeys.imageio.plugins.hdr.HDRImageReadParam param =
                    (com.twelvemonkeys.imageio.plugins.hdr.HDRImageReadParam) reader.getDefaultReadParam();
            param.setToneMapper(new com.twelvemonkeys.imageio.plugins.hdr.tonemap.NullToneMapper());
            read = reader.read(0, param); // the values as stored, without the reader's tone mapping
        }
        float[] back = read.getRaster().getPixels(0, 0, w, h, (float[]) null);
        for (int p = 0; p < h * w; p++) {
            double max = Math.max(v[3 * p], Math.max(v[3 * p + 1], v[3 * p + 2]));
            for (int k = 0; k < 3; k++) {
                // RGBE keeps 8 bits of mantissa relative to the pixel's largest component
                assertThat((double) back[3 * p + k]).as("pixel %d component %d", p, k)
                        .isCloseTo(v[3 * p + k], org.assertj.core.data.Offset.offset(max / 128 + 1e-9));
            }
        }
    }

    @Test
    void refusesChannelCountsAndTypesTheCodecCannotStore() {
        assertThatThrownBy(() -> new VigraImageWriter(VigraImageFormat.PNG, dir.resolve("a.png"), Axes.of("yxc"),
                new long[] {4, 4, 5}, DType.UINT8))
                .isInstanceOf(JilastikException.class).hasMessageContaining("png format stores [1, 2, 3, 4] channels")
                .satisfies(e -> assertThat(((JilastikException) e).exitCode()).isEqualTo(2));
        assertThatThrownBy(() -> new VigraImageWriter(VigraImageFormat.HDR, dir.resolve("a.hdr"), Axes.of("yxc"),
                new long[] {4, 4, 3}, DType.UINT8))
                .isInstanceOf(JilastikException.class).hasMessageContaining("stores only [float32]");
        assertThatThrownBy(() -> new VigraImageWriter(VigraImageFormat.JPEG, dir.resolve("a.jpg"), Axes.of("yxc"),
                new long[] {4, 4, 2}, DType.UINT8)).isInstanceOf(JilastikException.class);
    }

    private static int[] toInts(byte[] b) {
        int[] out = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = b[i] & 0xff;
        }
        return out;
    }
}
