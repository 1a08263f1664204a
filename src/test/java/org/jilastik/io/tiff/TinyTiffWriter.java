package org.jilastik.io.tiff;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes minimal uncompressed classic TIFF files for tests: every page one strip, optional ImageDescription on
 * page 0, chosen byte order, bits per sample, sample format and samples per pixel.
 */
final class TinyTiffWriter {
    private TinyTiffWriter() {
    }

    /**
     * @param pages raw pixel bytes per page, already in {@code order}, rows of width*spp samples
     */
    static void write(Path file, ByteOrder order, int width, int height, int spp, int bits, int sampleFormat,
            String description, List<byte[]> pages) throws IOException {
        byte[] desc = description == null ? null : (description + "\0").getBytes(StandardCharsets.ISO_8859_1);
        int tagCount = 10 + (desc != null ? 1 : 0);
        int ifdSize = 2 + tagCount * 12 + 4;
        int extra = 8 + (desc != null ? desc.length : 0); // bits array for spp>1 (3 shorts) + description
        List<Integer> pageOffsets = new ArrayList<>();
        int pos = 8;
        for (byte[] p : pages) {
            pageOffsets.add(pos);
            pos += p.length + (p.length & 1);
        }
        int total = pos + pages.size() * (ifdSize + extra);
        ByteBuffer b = ByteBuffer.allocate(total).order(order);
        b.put(order == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M');
        b.put(order == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M');
        b.putShort((short) 42);
        b.putInt(pos);
        for (int i = 0; i < pages.size(); i++) {
            b.position(pageOffsets.get(i));
            b.put(pages.get(i));
        }
        int ifd = pos;
        for (int i = 0; i < pages.size(); i++) {
            int extraAt = ifd + ifdSize;
            b.position(ifd);
            b.putShort((short) (tagCount));
            entry(b, 256, 4, 1, width);
            entry(b, 257, 4, 1, height);
            if (spp == 1) {
                entry(b, 258, 3, 1, bits);
            } else {
                entry(b, 258, 3, spp, extraAt);
            }
            entry(b, 259, 3, 1, 1);
            entry(b, 262, 3, 1, spp >= 3 ? 2 : 1);
            if (desc != null) {
                entry(b, 270, 2, desc.length, extraAt + 8);
            }
            entry(b, 273, 4, 1, pageOffsets.get(i));
            entry(b, 277, 3, 1, spp);
            entry(b, 278, 4, 1, height);
            entry(b, 279, 4, 1, pages.get(i).length);
            entry(b, 339, 3, 1, sampleFormat);
            int next = i + 1 < pages.size() ? ifd + ifdSize + extra : 0;
            b.putInt(next);
            b.position(extraAt);
            for (int s = 0; s < 4; s++) {
                b.putShort((short) bits);
            }
            if (desc != null) {
                b.put(desc);
            }
            ifd += ifdSize + extra;
        }
        Files.write(file, b.array());
    }

    private static void entry(ByteBuffer b, int tag, int type, int count, int value) {
        b.putShort((short) tag);
        b.putShort((short) type);
        b.putInt(count);
        if (type == 3 && count == 1) {
            b.putShort((short) value);
            b.putShort((short) 0);
        } else {
            b.putInt(value);
        }
    }
}
