package org.jilastik.project.pickle;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Writes pickle opcodes by hand, for tests: each method appends one opcode and its argument. */
final class PickleBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static PickleBytes proto(int version) {
        PickleBytes p = new PickleBytes();
        return p.op(0x80).raw(version);
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    PickleBytes op(int opcode) {
        out.write(opcode);
        return this;
    }

    PickleBytes raw(int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
        return this;
    }

    PickleBytes text(String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
        return this;
    }

    /** SHORT_BINUNICODE. */
    PickleBytes str(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return op(0x8c).raw(b.length).bytes(b);
    }

    /** BININT1. */
    PickleBytes int1(int v) {
        return op('K').raw(v);
    }

    /** BININT (little-endian int32). */
    PickleBytes int4(int v) {
        return op('J').raw(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, v >>> 24);
    }

    /** BINFLOAT (big-endian float64). */
    PickleBytes float8(double v) {
        long bits = Double.doubleToLongBits(v);
        op('G');
        for (int i = 7; i >= 0; i--) {
            out.write((int) (bits >>> (8 * i)) & 0xff);
        }
        return this;
    }

    PickleBytes bytes(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    /** GLOBAL "module\nname\n". */
    PickleBytes global(String module, String name) {
        return op('c').text(module + "\n" + name + "\n");
    }

    /** STACK_GLOBAL of two SHORT_BINUNICODE strings. */
    PickleBytes stackGlobal(String module, String name) {
        return str(module).str(name).op(0x93);
    }

    /** The bytes so far, without STOP (a truncated stream). */
    byte[] withoutStop() {
        return out.toByteArray();
    }

    byte[] stop() {
        out.write('.');
        return out.toByteArray();
    }
}
