package org.jilastik.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/** Decompresses gzip- or zlib-framed deflate data (N5 "gzip", Zarr "gzip"/"zlib"); detects the framing. */
public final class Inflate {
    private Inflate() {
    }

    /** The decompressed bytes of {@code data} (gzip if it starts with 1f 8b, else zlib). */
    public static byte[] inflate(byte[] data, int offset, int length) throws IOException {
        InputStream raw = new ByteArrayInputStream(data, offset, length);
        boolean gzip = length >= 2 && (data[offset] & 0xff) == 0x1f && (data[offset + 1] & 0xff) == 0x8b;
        try (InputStream in = gzip ? new GZIPInputStream(raw) : new InflaterInputStream(raw)) {
            return in.readAllBytes();
        }
    }
}
