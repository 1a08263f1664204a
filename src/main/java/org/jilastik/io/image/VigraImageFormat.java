package org.jilastik.io.image;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jilastik.array.DType;

/**
 * The 2-D image codecs of vigra that ilastik exports through ({@code vigra.impex.writeImage}), besides TIFF, with
 * the pixel types and channel counts each stores (vigra's {@code CodecDesc}; anything else is range-mapped to
 * uint8 by {@link VigraPixelMapping}, or refused when the channel count does not fit):
 *
 * <table>
 *   <caption>codecs</caption>
 *   <tr><th>codec</th><th>extensions</th><th>pixel types</th><th>channels</th></tr>
 *   <tr><td>PNG</td><td>png</td><td>uint8, uint16</td><td>1–4 (grey, grey+alpha, RGB, RGBA)</td></tr>
 *   <tr><td>BMP</td><td>bmp</td><td>uint8</td><td>1, 3</td></tr>
 *   <tr><td>GIF</td><td>gif</td><td>uint8</td><td>1, 3 (RGB quantised to a 256-colour palette)</td></tr>
 *   <tr><td>JPEG</td><td>jpg, jpeg</td><td>uint8</td><td>1, 3 (lossy, quality 0.75)</td></tr>
 *   <tr><td>PNM</td><td>pnm, pbm, pgm, ppm</td><td>uint8, int16, int32</td><td>1, 3</td></tr>
 *   <tr><td>SUN</td><td>ras</td><td>uint8</td><td>1, 3</td></tr>
 *   <tr><td>HDR</td><td>hdr</td><td>float32</td><td>3 (Radiance RGBE)</td></tr>
 * </table>
 *
 * Immutable.
 */
public enum VigraImageFormat {
    PNG(List.of(DType.UINT8, DType.UINT16), List.of(1, 2, 3, 4)),
    BMP(List.of(DType.UINT8), List.of(1, 3)),
    GIF(List.of(DType.UINT8), List.of(1, 3)),
    JPEG(List.of(DType.UINT8), List.of(1, 3)),
    PNM(List.of(DType.UINT8, DType.INT16, DType.INT32), List.of(1, 3)),
    SUN(List.of(DType.UINT8), List.of(1, 3)),
    HDR(List.of(DType.FLOAT32), List.of(3));

    private final List<DType> pixelTypes;
    private final List<Integer> channels;

    VigraImageFormat(List<DType> pixelTypes, List<Integer> channels) {
        this.pixelTypes = pixelTypes;
        this.channels = channels;
    }

    /** The codec for a file extension (without dot, any case), or {@code null} for tif/tiff and unknown ones. */
    public static VigraImageFormat ofExtension(String extension) {
        return switch (extension.toLowerCase(Locale.ROOT)) {
            case "png" -> PNG;
            case "bmp" -> BMP;
            case "gif" -> GIF;
            case "jpg", "jpeg" -> JPEG;
            case "pnm", "pbm", "pgm", "ppm" -> PNM;
            case "ras" -> SUN;
            case "hdr" -> HDR;
            default -> null;
        };
    }

    /** Pixel types stored without range mapping. */
    public List<DType> pixelTypes() {
        return pixelTypes;
    }

    /** Channel counts the codec stores. */
    public List<Integer> channels() {
        return channels;
    }

    /**
     * Encodes an image of {@code height × width × bands} (flat C-order {@code yxc} storage of {@code type}, a type
     * of {@link #pixelTypes()}) into {@code file}, which must not exist.
     */
    public void encode(Path file, int height, int width, int bands, DType type, Object data) throws IOException {
        switch (this) {
            case PNG, BMP, GIF, JPEG -> ImageIoEncoder.encode(this, file, height, width, bands, type, data);
            case PNM -> PnmEncoder.encode(file, height, width, bands, type, data);
            case SUN -> SunRasterEncoder.encode(file, height, width, bands, (byte[]) data);
            case HDR -> RadianceHdrEncoder.encode(file, height, width, (float[]) data);
        }
    }
}
