package org.jilastik.io.codec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

/**
 * The Blosc 1 frame format (c-blosc 1.x, what numcodecs' {@code Blosc} codec and Zarr's default compressor write),
 * implemented here on top of a pure-Java LZ4 block codec.
 *
 * <p>Frame layout (all integers little-endian): a 16-byte header — format version 2, codec format version 1,
 * flags, type size, uncompressed size, block size, frame size — then, unless the frame is a plain copy (flag
 * 0x02), one 32-bit start offset per block, then the blocks. Each block is byte-shuffled as a whole (flag 0x01:
 * byte {@code j} of element {@code i} goes to {@code j * n + i}) and then, unless flag 0x10 ("don't split") is
 * set or it is the short last block, cut into {@code typesize} equal streams; each stream is a 32-bit compressed
 * size followed by LZ4 data, or by the raw bytes when the size equals the stream's length. Bits 5–7 of the flags
 * name the codec (0 blosclz, 1 lz4, 2 snappy, 3 zlib, 4 zstd).
 *
 * <p>{@link #compress} writes what numcodecs {@code Blosc(cname="lz4", clevel=5, shuffle=SHUFFLE)} writes up to
 * the LZ4 match choices (the compressed bytes may differ; any Blosc reader decodes them to the same array); block
 * sizes follow c-blosc's rule for that setting. {@link #decompress} reads lz4 and zlib frames with or without byte
 * shuffle; blosclz, snappy, zstd and bit shuffle are refused with an {@link IOException} naming them.
 * Stateless, thread safe.
 */
public final class Blosc {
    /** Bytes of the frame header. */
    public static final int HEADER = 16;
    private static final int FLAG_SHUFFLE = 0x01;
    private static final int FLAG_MEMCPYED = 0x02;
    private static final int FLAG_BITSHUFFLE = 0x04;
    private static final int FLAG_DONT_SPLIT = 0x10;
    private static final int CODEC_LZ4 = 1;
    private static final int CODEC_ZLIB = 3;
    private static final String[] CODEC_NAMES = {"blosclz", "lz4", "snappy", "zlib", "zstd", "5", "6", "7"};
    private static final LZ4Compressor LZ4 = LZ4Factory.safeInstance().fastCompressor();
    private static final LZ4SafeDecompressor UNLZ4 = LZ4Factory.safeInstance().safeDecompressor();

    private Blosc() {
    }

    /**
     * c-blosc's block size for LZ4 at level 5 with shuffle: 128 KiB for buffers of 32 KiB or more (else the whole
     * buffer), times the type size when the block is split into streams (clamped to 64 KiB..1 MiB), never more
     * than the buffer, a multiple of the type size.
     */
    static int blockSize(int nbytes, int typesize) {
        int bs = nbytes;
        if (nbytes >= 32 * 1024) {
            bs = 32 * 1024 * 4;
        }
        if (splits(typesize, bs)) {
            bs = Math.min(bs, 1 << 18) * typesize;
            bs = Math.max(bs, 1 << 16);
            bs = Math.min(bs, 1 << 20);
        }
        bs = Math.min(bs, nbytes);
        if (bs > typesize) {
            bs = bs / typesize * typesize;
        }
        return Math.max(bs, 1);
    }

    private static boolean splits(int typesize, int blocksize) {
        return typesize <= 16 && blocksize / typesize >= 128;
    }

    /**
     * Compresses {@code src} as one Blosc frame: LZ4, byte shuffle with elements of {@code typesize} bytes.
     *
     * @param typesize element size in bytes (1..255)
     */
    public static byte[] compress(byte[] src, int typesize) {
        int nbytes = src.length;
        int ts = Math.max(1, Math.min(typesize, 255));
        int blocksize = blockSize(nbytes, ts);
        int nblocks = nbytes == 0 ? 0 : (nbytes + blocksize - 1) / blocksize;
        boolean split = splits(ts, blocksize);
        int flags = FLAG_SHUFFLE | (CODEC_LZ4 << 5) | (split ? 0 : FLAG_DONT_SPLIT);
        int limit = nbytes + HEADER; // larger than this: store a plain copy instead
        ByteBuffer out = ByteBuffer.allocate(HEADER + 4 * nblocks + LZ4.maxCompressedLength(nbytes) + 4 * nblocks * ts
                + 64).order(ByteOrder.LITTLE_ENDIAN);
        out.position(HEADER + 4 * nblocks);
        byte[] shuffled = new byte[blocksize];
        byte[] packed = new byte[LZ4.maxCompressedLength(blocksize)];
        boolean fits = true;
        for (int k = 0; k < nblocks && fits; k++) {
            int start = k * blocksize;
            int bsize = Math.min(blocksize, nbytes - start);
            boolean leftover = bsize < blocksize;
            out.putInt(HEADER + 4 * k, out.position());
            shuffle(src, start, bsize, ts, shuffled);
            int nsplits = split && !leftover ? ts : 1;
            int neblock = bsize / nsplits;
            for (int j = 0; j < nsplits; j++) {
                int c;
                try {
                    c = LZ4.compress(shuffled, j * neblock, neblock, packed, 0, packed.length);
                } catch (LZ4Exception e) {
                    c = neblock;
                }
                boolean raw = c >= neblock;
                out.putInt(raw ? neblock : c);
                out.put(raw ? shuffled : packed, raw ? j * neblock : 0, raw ? neblock : c);
                if (out.position() > limit) {
                    fits = false;
                    break;
                }
            }
        }
        if (!fits) {
            out.clear();
            out.position(HEADER);
            out.put(src);
            flags |= FLAG_MEMCPYED;
        }
        int cbytes = out.position();
        out.put(0, (byte) 2).put(1, (byte) 1).put(2, (byte) flags).put(3, (byte) ts);
        out.putInt(4, nbytes).putInt(8, blocksize).putInt(12, cbytes);
        byte[] frame = new byte[cbytes];
        out.get(0, frame);
        return frame;
    }

    /**
     * Decompresses one Blosc frame.
     *
     * @throws IOException if the frame is damaged or uses a codec or filter jilastik does not read
     */
    public static byte[] decompress(byte[] frame) throws IOException {
        if (frame.length < HEADER) {
            throw new IOException("Blosc frame of " + frame.length + " bytes is shorter than its header");
        }
        ByteBuffer in = ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN);
        int flags = in.get(2) & 0xff;
        int ts = Math.max(1, in.get(3) & 0xff);
        int nbytes = in.getInt(4);
        int blocksize = in.getInt(8);
        int cbytes = in.getInt(12);
        if (nbytes < 0 || cbytes > frame.length || blocksize <= 0 && nbytes > 0) {
            throw new IOException("Blosc header is inconsistent (nbytes " + nbytes + ", blocksize " + blocksize
                    + ", cbytes " + cbytes + ", " + frame.length + " bytes given)");
        }
        byte[] out = new byte[nbytes];
        if ((flags & FLAG_MEMCPYED) != 0) {
            if (frame.length < HEADER + nbytes) {
                throw new IOException("Blosc copy frame holds fewer bytes than it announces");
            }
            System.arraycopy(frame, HEADER, out, 0, nbytes);
            return out;
        }
        if ((flags & FLAG_BITSHUFFLE) != 0) {
            throw new IOException("Blosc bit shuffle is not supported by jilastik; rewrite the data with byte "
                    + "shuffle or no shuffle");
        }
        int codec = (flags >> 5) & 7;
        if (codec != CODEC_LZ4 && codec != CODEC_ZLIB) {
            throw new IOException("Blosc codec '" + CODEC_NAMES[codec] + "' is not supported by jilastik; rewrite "
                    + "the data with lz4 or zlib");
        }
        boolean shuffled = (flags & FLAG_SHUFFLE) != 0 && ts > 1;
        int nblocks = nbytes == 0 ? 0 : (nbytes + blocksize - 1) / blocksize;
        byte[] tmp = new byte[blocksize];
        for (int k = 0; k < nblocks; k++) {
            int start = k * blocksize;
            int bsize = Math.min(blocksize, nbytes - start);
            boolean leftover = bsize < blocksize;
            int nsplits = (flags & FLAG_DONT_SPLIT) == 0 && !leftover && bsize / ts >= 1 ? ts : 1;
            if (bsize % nsplits != 0) {
                nsplits = 1;
            }
            int neblock = bsize / nsplits;
            int pos = in.getInt(HEADER + 4 * k);
            byte[] dst = shuffled ? tmp : out;
            int dstOff = shuffled ? 0 : start;
            for (int j = 0; j < nsplits; j++) {
                if (pos < 0 || pos + 4 > frame.length) {
                    throw new IOException("Blosc block " + k + " starts outside the frame");
                }
                int c = in.getInt(pos);
                pos += 4;
                if (c < 0 || pos + c > frame.length) {
                    throw new IOException("Blosc stream of block " + k + " runs past the frame");
                }
                if (c == neblock) {
                    System.arraycopy(frame, pos, dst, dstOff + j * neblock, neblock);
                } else {
                    int n = codec == CODEC_LZ4 ? unlz4(frame, pos, c, dst, dstOff + j * neblock, neblock)
                            : inflate(frame, pos, c, dst, dstOff + j * neblock, neblock);
                    if (n != neblock) {
                        throw new IOException("Blosc stream of block " + k + " decodes to " + n + " bytes, not "
                                + neblock);
                    }
                }
                pos += c;
            }
            if (shuffled) {
                unshuffle(tmp, bsize, ts, out, start);
            }
        }
        return out;
    }

    private static int unlz4(byte[] src, int off, int len, byte[] dst, int dstOff, int max) throws IOException {
        try {
            return UNLZ4.decompress(src, off, len, dst, dstOff, max);
        } catch (LZ4Exception e) {
            throw new IOException("damaged LZ4 data in a Blosc frame (" + e.getMessage() + ")", e);
        }
    }

    private static int inflate(byte[] src, int off, int len, byte[] dst, int dstOff, int max) throws IOException {
        Inflater inf = new Inflater();
        try {
            inf.setInput(src, off, len);
            int n = 0;
            while (n < max && !inf.finished()) {
                int got = inf.inflate(dst, dstOff + n, max - n);
                if (got == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    break;
                }
                n += got;
            }
            return n;
        } catch (DataFormatException e) {
            throw new IOException("damaged zlib data in a Blosc frame (" + e.getMessage() + ")", e);
        } finally {
            inf.end();
        }
    }

    /** Byte shuffle of {@code n} bytes: byte j of element i to {@code j * elements + i}; a ragged tail is copied. */
    static void shuffle(byte[] src, int off, int n, int ts, byte[] dst) {
        if (ts == 1) {
            System.arraycopy(src, off, dst, 0, n);
            return;
        }
        int elements = n / ts;
        for (int j = 0; j < ts; j++) {
            int d = j * elements;
            for (int i = 0, s = off + j; i < elements; i++, s += ts) {
                dst[d + i] = src[s];
            }
        }
        System.arraycopy(src, off + elements * ts, dst, elements * ts, n - elements * ts);
    }

    /** Inverse of {@link #shuffle}. */
    static void unshuffle(byte[] src, int n, int ts, byte[] dst, int off) {
        int elements = n / ts;
        for (int j = 0; j < ts; j++) {
            int s = j * elements;
            for (int i = 0, d = off + j; i < elements; i++, d += ts) {
                dst[d] = src[s + i];
            }
        }
        System.arraycopy(src, elements * ts, dst, off + elements * ts, n - elements * ts);
    }
}
