package org.jilastik.io.image;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferUShort;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jilastik.array.DType;

/**
 * Writes PNG, BMP, GIF and JPEG through the JDK's {@code javax.imageio} writers. The samples go into the image
 * raster unchanged (no colour conversion): PNG as grey, grey+alpha, RGB or RGBA of 8 or 16 bits; BMP, JPEG and
 * GIF as 8-bit grey (BMP and GIF through a 256-entry grey palette, so the stored indices are the values) or
 * 8-bit RGB (GIF quantises RGB to 256 colours, as every GIF writer must). Stateless.
 */
final class ImageIoEncoder {
    private ImageIoEncoder() {
    }

    static void encode(VigraImageFormat format, Path file, int height, int width, int bands, DType type, Object data)
            throws IOException {
        BufferedImage img = switch (format) {
            case PNG -> component(height, width, bands, type, data);
            case GIF -> bands == 1 ? greyPalette(height, width, (byte[]) data) : bgr(height, width, (byte[]) data);
            default -> bands == 1 ? component(height, width, 1, type, data) : bgr(height, width, (byte[]) data);
        };
        String name = format.name().toLowerCase(Locale.ROOT);
        if (!ImageIO.write(img, name, file.toFile())) {
            throw new IOException("no ImageIO writer for " + name + " accepts this image");
        }
    }

    /** Interleaved samples as they are: grey (+alpha) or sRGB (+alpha), 8 or 16 bits. */
    private static BufferedImage component(int h, int w, int bands, DType type, Object data) {
        boolean alpha = bands == 2 || bands == 4;
        boolean wide = type == DType.UINT16;
        ColorSpace cs = ColorSpace.getInstance(bands <= 2 ? ColorSpace.CS_GRAY : ColorSpace.CS_sRGB);
        ComponentColorModel cm = new ComponentColorModel(cs, alpha, false,
                alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE,
                wide ? DataBuffer.TYPE_USHORT : DataBuffer.TYPE_BYTE);
        int n = h * w * bands;
        DataBuffer buf = wide ? new DataBufferUShort((short[]) data, n) : new DataBufferByte((byte[]) data, n);
        int[] offsets = new int[bands];
        for (int b = 0; b < bands; b++) {
            offsets[b] = b;
        }
        WritableRaster r = Raster.createInterleavedRaster(buf, w, h, w * bands, bands, offsets, null);
        return new BufferedImage(cm, r, false, null);
    }

    private static BufferedImage bgr(int h, int w, byte[] rgb) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        byte[] dst = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < h * w; i++) {
            dst[3 * i] = rgb[3 * i + 2];
            dst[3 * i + 1] = rgb[3 * i + 1];
            dst[3 * i + 2] = rgb[3 * i];
        }
        return img;
    }

    private static BufferedImage greyPalette(int h, int w, byte[] grey) {
        byte[] ramp = new byte[256];
        for (int i = 0; i < 256; i++) {
            ramp[i] = (byte) i;
        }
        IndexColorModel cm = new IndexColorModel(8, 256, ramp, ramp, ramp);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, cm);
        byte[] dst = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        System.arraycopy(grey, 0, dst, 0, h * w);
        return img;
    }
}
