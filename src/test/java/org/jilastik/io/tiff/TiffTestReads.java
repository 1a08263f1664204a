package org.jilastik.io.tiff;

import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.jilastik.array.Block;
import org.jilastik.array.DType;

/**
 * Test-side TIFF access: pixel values through TwelveMonkeys' TIFF reader (independent of our writer), and the
 * raw tags of the first directory through a minimal IFD parser.
 */
public final class TiffTestReads {
    private TiffTestReads() {
    }

    /** All samples of page 0 in (row, column, sample) C-order, stored as {@code dtype} is stored. */
    public static Object readSamples(Path file, DType dtype) throws IOException {
        Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName("tiff");
        while (it.hasNext()) {
            ImageReader r = it.next();
            if (!r.getClass().getName().startsWith("com.twelvemonkeys")) {
                continue;
            }
            try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
                r.setInput(in);
                Raster ras = r.readRaster(0, null);
                int n = ras.getWidth() * ras.getHeight() * ras.getNumBands();
                Object out = Block.newStorage(dtype, n);
                int type = ras.getDataBuffer().getDataType();
                for (int y = 0, k = 0; y < ras.getHeight(); y++) {
                    for (int x = 0; x < ras.getWidth(); x++) {
                        for (int b = 0; b < ras.getNumBands(); b++, k++) {
                            switch (out) {
                                case float[] f -> f[k] = ras.getSampleFloat(x, y, b);
                                case double[] d -> d[k] = ras.getSampleDouble(x, y, b);
                                case byte[] a -> a[k] = (byte) ras.getSample(x, y, b);
                                case short[] a -> a[k] = (short) ras.getSample(x, y, b);
                                case int[] a -> a[k] = ras.getSample(x, y, b);
                                default -> throw new IllegalStateException("type " + type);
                            }
                        }
                    }
                }
                if (dtype == DType.FLOAT32 && type != DataBuffer.TYPE_FLOAT) {
                    throw new IOException("expected float samples, reader gave type " + type);
                }
                return out;
            } finally {
                r.dispose();
            }
        }
        throw new IOException("no TwelveMonkeys TIFF reader registered");
    }

    /** Tag number → (type, values) of the first IFD of a little-endian TIFF. */
    public static Map<Integer, long[]> tags(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file)) {
            ByteBuffer b = ByteBuffer.allocate((int) ch.size()).order(ByteOrder.LITTLE_ENDIAN);
            while (b.hasRemaining() && ch.read(b) >= 0) {
                // read all
            }
            b.flip();
            if (b.getShort(0) != 0x4949 || b.getShort(2) != 42) {
                throw new IOException("not a little-endian classic TIFF");
            }
            int ifd = b.getInt(4);
            int n = b.getShort(ifd) & 0xFFFF;
            Map<Integer, long[]> out = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                int e = ifd + 2 + 12 * i;
                int tag = b.getShort(e) & 0xFFFF;
                int type = b.getShort(e + 2);
                int count = b.getInt(e + 4);
                int size = type == 3 ? 2 : 4;
                int at = count * size <= 4 ? e + 8 : b.getInt(e + 8);
                long[] v = new long[count + 1];
                v[0] = type;
                for (int k = 0; k < count; k++) {
                    v[k + 1] = type == 3 ? b.getShort(at + 2 * k) & 0xFFFF : b.getInt(at + 4 * k) & 0xFFFFFFFFL;
                }
                out.put(tag, v);
            }
            if (b.getInt(ifd + 2 + 12 * n) != 0) {
                throw new IOException("more than one image directory");
            }
            return out;
        }
    }
}
