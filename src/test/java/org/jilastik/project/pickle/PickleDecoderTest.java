package org.jilastik.project.pickle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jilastik.error.JilastikException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data-only pickle decoder on small hand-made pickles, and its refusal of callables outside the allow-list. */
class PickleDecoderTest {
    private static Object decode(byte[] b) {
        return PickleDecoder.decode(b, "test.pkl");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object v) {
        return (List<Object>) v;
    }

    @Test
    void plainDataOfProtocol4() {
        // {'a': [1, 2.5, None, True, False], 'b': (1, 2, 3), 'c': 'héllo', 'd': b'xy', 'e': -5, 'f': 2**70}
        byte[] b = PickleBytes.proto(4).op(0x95).raw(0, 0, 0, 0, 0, 0, 0, 0).op('}').op(0x94).op('(')
                .str("a").op(']').op('(').int1(1).float8(2.5).op('N').op(0x88).op(0x89).op('e')
                .str("b").int1(1).int1(2).int1(3).op(0x87)
                .str("c").str("héllo")
                .str("d").op('C').raw(2).text("xy")
                .str("e").int4(-5)
                .str("f").op(0x8a).raw(9, 0, 0, 0, 0, 0, 0, 0, 0, 0x40)
                .op('u').stop();
        Object v = decode(b);
        assertThat(v).isInstanceOf(Map.class);
        @SuppressWarnings("unchecked")
        Map<Object, Object> m = (Map<Object, Object>) v;
        assertThat(m.keySet()).containsExactly("a", "b", "c", "d", "e", "f");
        assertThat(list(m.get("a"))).containsExactly(1L, 2.5, null, true, false);
        assertThat(m.get("b")).isEqualTo(new PyTuple(List.of(1L, 2L, 3L)));
        assertThat(m.get("c")).isEqualTo("héllo");
        assertThat((byte[]) m.get("d")).containsExactly('x', 'y');
        assertThat(m.get("e")).isEqualTo(-5L);
        assertThat(m.get("f")).isEqualTo(BigInteger.TWO.pow(70));
    }

    @Test
    void protocol0TextOpcodesAndMemo() {
        // [('ab', 7, 1.5), <same tuple again via GET>], with a protocol-0 dict and set
        byte[] b = new PickleBytes().op('(').op('l').text("p0\n")
                .op('(').op('S').text("'a\\x62'\n").op('I').text("7\n").op('F').text("1.5\n").op('t').text("p1\n")
                .op('a').op('g').text("1\n").op('a')
                .op('(').op('d').op('V').text("k\\u00e9\n").op('I').text("01\n").op('s').op('a')
                .op(0x8f).op('(').int1(4).int1(4).op(0x90).op('a')
                .stop();
        List<Object> l = list(decode(b));
        assertThat(l).hasSize(4);
        assertThat(l.get(0)).isEqualTo(new PyTuple(List.of("ab", 7L, 1.5)));
        assertThat(l.get(1)).isSameAs(l.get(0));
        assertThat(l.get(2)).isEqualTo(Map.of("ké", true));
        assertThat(l.get(3)).isEqualTo(Set.of(4L));
    }

    @Test
    void allowedClassesBecomeInertRecords() {
        // SVR() with BUILD {'_method': 'RandomForest', '_regressor': [None]}
        byte[] b = PickleBytes.proto(4).stackGlobal("ilastik.applets.counting.countingsvr", "SVR").op(0x94)
                .op(')').op(0x81).op('}').op('(').str("_method").str("RandomForest").str("_regressor").op(']')
                .op('N').op('a').op('u').op('b').stop();
        PyObject o = (PyObject) decode(b);
        assertThat(o.type().qualifiedName()).isEqualTo("ilastik.applets.counting.countingsvr.SVR");
        assertThat(o.args()).isEmpty();
        assertThat(o.attr("_method")).isEqualTo("RandomForest");
        assertThat(list(o.attr("_regressor"))).containsExactly((Object) null);
    }

    @Test
    void refusesOsSystemAndRunsNothing(@TempDir Path dir) {
        Path marker = dir.resolve("pwned");
        // os.system('touch <marker>') as protocol 2 writes it: GLOBAL, BINUNICODE argument, TUPLE1, REDUCE
        byte[] cmd = ("touch " + marker).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] full = PickleBytes.proto(2).global("os", "system").op('X').raw(cmd.length, 0, 0, 0).bytes(cmd)
                .op(0x85).op('R').stop();
        assertThatThrownBy(() -> decode(full)).isInstanceOf(JilastikException.class)
                .hasMessageContaining("os.system").hasMessageNotContaining("\n")
                .hasMessageStartingWith("test.pkl names the Python callable os.system, which jilastik refuses");
        assertThat(Files.exists(marker)).as("nothing was executed").isFalse();
    }

    @Test
    void refusesOtherCallablesWhateverTheOpcode() {
        byte[] eval = PickleBytes.proto(4).stackGlobal("builtins", "eval").str("1+1").op(0x85).op('R').stop();
        assertThatThrownBy(() -> decode(eval)).hasMessageContaining("builtins.eval");
        byte[] popen = new PickleBytes().op('(').str("ls").op('i').text("subprocess\nPopen\n").stop();
        assertThatThrownBy(() -> decode(popen)).hasMessageContaining("subprocess.Popen");
        byte[] persistent = PickleBytes.proto(2).op('Q').stop();
        assertThatThrownBy(() -> decode(persistent)).hasMessageContaining("persistent ids");
        byte[] ext = PickleBytes.proto(2).op(0x82).raw(1).stop();
        assertThatThrownBy(() -> decode(ext)).hasMessageContaining("extension registry");
    }

    @Test
    void malformedStreamsFailWithOneSentence() {
        byte[] truncated = PickleBytes.proto(4).str("abc").withoutStop();
        assertThatThrownBy(() -> decode(truncated)).isInstanceOf(JilastikException.class)
                .hasMessageContaining("ends too early");
        byte[] badMemo = PickleBytes.proto(4).op('h').raw(3).stop();
        assertThatThrownBy(() -> decode(badMemo)).hasMessageContaining("memo entry 3");
        byte[] longString = PickleBytes.proto(4).op('X').raw(0xff, 0xff, 0xff, 0x7f).stop();
        assertThatThrownBy(() -> decode(longString)).hasMessageContaining("ends too early");
        byte[] unknown = PickleBytes.proto(4).op(0xfe).stop();
        assertThatThrownBy(() -> decode(unknown)).hasMessageContaining("unknown opcode 0xfe");
        byte[] callNonGlobal = PickleBytes.proto(4).str("x").op(')').op('R').stop();
        assertThatThrownBy(() -> decode(callNonGlobal)).hasMessageContaining("not a global name");
    }
}
