package org.jilastik.io.tiff;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * The few TIFF tags jilastik needs to interpret a file, read directly from the first image file directory
 * (classic TIFF and BigTIFF, either byte order), plus the number of pages. Pixels are decoded elsewhere.
 *
 * @param pages number of IFDs (pages) in the file
 * @param width ImageWidth of page 0
 * @param height ImageLength of page 0
 * @param samplesPerPixel SamplesPerPixel of page 0 (1 if absent)
 * @param bitsPerSample first BitsPerSample value of page 0
 * @param sampleFormat SampleFormat of page 0: 1 unsigned, 2 signed, 3 float (1 if absent)
 * @param description ImageDescription of page 0, or null
 * @param xResolution XResolution of page 0 (pixels per unit), or 0 when absent
 * @param yResolution YResolution of page 0 (pixels per unit), or 0 when absent
 */
public record TiffInfo(int pages, int width, int height, int samplesPerPixel, int bitsPerSample, int sampleFormat,
        String description, double xResolution, double yResolution) {

    /** Reads the header and walks the IFD chain. */
    public static TiffInfo read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer head = read(ch, 0, 16);
            ByteOrder order;
            if (head.get(0) == 'I' && head.get(1) == 'I') {
                order = ByteOrder.LITTLE_ENDIAN;
            } else if (head.get(0) == 'M' && head.get(1) == 'M') {
                order = ByteOrder.BIG_ENDIAN;
            } else {
                throw new IOException("not a TIFF file (bad byte-order mark)");
            }
            head.order(order);
            int magic = head.getShort(2) & 0xffff;
            boolean big = magic == 43;
            if (magic != 42 && !big) {
                throw new IOException("not a TIFF file (magic " + magic + ")");
            }
            long ifd = big ? head.getLong(8) : head.getInt(4) & 0xffffffffL;
            int pages = 0;
            int[] first = null;
            String description = null;
            double[] res = new double[2];
            Set<Long> seen = new HashSet<>();
            while (ifd != 0) {
                if (!seen.add(ifd) || ifd >= ch.size()) {
                    throw new IOException("broken IFD chain at offset " + ifd);
                }
                ByteBuffer cnt = read(ch, ifd, big ? 8 : 2).order(order);
                long n = big ? cnt.getLong(0) : cnt.getShort(0) & 0xffff;
                int entrySize = big ? 20 : 12;
                if (pages == 0) {
                    ByteBuffer entries = read(ch, ifd + (big ? 8 : 2), (int) n * entrySize).order(order);
                    first = new int[] {0, 0, 1, 1, 1};
                    for (int i = 0; i < n; i++) {
                        int p = i * entrySize;
                        int tag = entries.getShort(p) & 0xffff;
                        int type = entries.getShort(p + 2) & 0xffff;
                        long count = big ? entries.getLong(p + 4) : entries.getInt(p + 4) & 0xffffffffL;
                        int valuePos = p + (big ? 12 : 8);
                        switch (tag) {
                            case 256 -> first[0] = (int) scalar(entries, valuePos, type);
                            case 257 -> first[1] = (int) scalar(entries, valuePos, type);
                            case 258 -> first[4] = (int) firstValue(ch, entries, valuePos, type, count, big, order);
                            case 277 -> first[2] = (int) scalar(entries, valuePos, type);
                            // SampleFormat has one value per sample, stored out of line when they exceed the entry.
                            case 339 -> first[3] = (int) firstValue(ch, entries, valuePos, type, count, big, order);
                            case 270 -> description = ascii(ch, entries, valuePos, count, big, order);
                            case 282 -> res[0] = rational(ch, entries, valuePos, type, big, order);
                            case 283 -> res[1] = rational(ch, entries, valuePos, type, big, order);
                            default -> { }
                        }
                    }
                }
                pages++;
                ByteBuffer next = read(ch, ifd + (big ? 8 : 2) + n * entrySize, big ? 8 : 4).order(order);
                ifd = big ? next.getLong(0) : next.getInt(0) & 0xffffffffL;
            }
            if (first == null) {
                throw new IOException("TIFF file without images");
            }
            return new TiffInfo(pages, first[0], first[1], first[2], first[4], first[3], description, res[0],
                    res[1]);
        }
    }

    private static long scalar(ByteBuffer b, int pos, int type) {
        return switch (type) {
            case 3 -> b.getShort(pos) & 0xffff;
            case 4 -> b.getInt(pos) & 0xffffffffL;
            case 16 -> b.getLong(pos);
            default -> b.get(pos) & 0xff;
        };
    }

    // The first value of a SHORT/LONG/BYTE array tag, read in place or from its offset when it does not fit.
    private static long firstValue(FileChannel ch, ByteBuffer entries, int pos, int type, long count,
            boolean big, ByteOrder order) throws IOException {
        int size = type == 3 ? 2 : type == 4 ? 4 : 1;
        if (count * size <= (big ? 8 : 4)) {
            return scalar(entries, pos, type);
        }
        long off = big ? entries.getLong(pos) : entries.getInt(pos) & 0xffffffffL;
        return scalar(read(ch, off, size).order(order), 0, type);
    }

    // A RATIONAL (type 5: two uint32) is 8 bytes: in place in BigTIFF, at an offset in classic TIFF.
    private static double rational(FileChannel ch, ByteBuffer entries, int pos, int type, boolean big,
            ByteOrder order) throws IOException {
        if (type != 5) {
            return 0;
        }
        ByteBuffer v = big ? entries.slice(pos, 8).order(order)
                : read(ch, entries.getInt(pos) & 0xffffffffL, 8).order(order);
        long num = v.getInt(0) & 0xffffffffL;
        long den = v.getInt(4) & 0xffffffffL;
        return den == 0 ? 0 : (double) num / den;
    }

    private static String ascii(FileChannel ch, ByteBuffer entries, int pos, long count, boolean big,
            ByteOrder order) throws IOException {
        byte[] bytes;
        if (count <= (big ? 8 : 4)) {
            bytes = new byte[(int) count];
            entries.get(pos, bytes);
        } else {
            long off = big ? entries.getLong(pos) : entries.getInt(pos) & 0xffffffffL;
            bytes = read(ch, off, (int) Math.min(count, 1 << 20)).array();
        }
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] == 0) {
            end--;
        }
        return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
    }

    private static ByteBuffer read(FileChannel ch, long pos, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n);
        while (b.hasRemaining()) {
            if (ch.read(b, pos + b.position()) < 0) {
                throw new IOException("TIFF file ends early (offset " + (pos + b.position()) + ")");
            }
        }
        return b;
    }
}
