package org.jilastik.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.jilastik.export.PyFormat.MalformedTemplate;
import org.jilastik.export.PyFormat.PyText;
import org.junit.jupiter.api.Test;

/** Expected strings were produced by ilastik's {@code format_known_keys} logic in CPython 3.11. */
class PyFormatTest {
    private static final Map<String, Object> E = Map.of("x_start", 5L, "x_stop", 1234567L, "nickname", "ex2d-data",
            "neg", -42L, "roi", new PyText("[(0, 0, 0), (60, 80, 3)]"));

    private static String strict(String t) throws MalformedTemplate {
        return PyFormat.formatKnown(t, E, true);
    }

    @Test
    void knownFieldsWithSpecs() throws MalformedTemplate {
        assertThat(strict("{nickname}_{x_start:05d}")).isEqualTo("ex2d-data_00005");
        assertThat(strict("{x_start:>8}|{x_start:<4}|{x_start:^7}|{x_start:*^7}")).isEqualTo("       5|5   |   5   |***5***");
        assertThat(strict("{x_stop:,}")).isEqualTo("1,234,567");
        assertThat(strict("{x_stop:_}")).isEqualTo("1_234_567");
        assertThat(strict("{x_stop:012,}")).isEqualTo("0,001,234,567");
        assertThat(strict("{neg:05d}")).isEqualTo("-0042");
        assertThat(strict("{neg:+d}{x_start:+d}{x_start: d}")).isEqualTo("-42+5 5");
        assertThat(strict("{x_start:#x}{x_stop:X}{x_start:b}{x_start:#o}")).isEqualTo("0x512D6871010o5");
        assertThat(strict("{x_stop:_x}")).isEqualTo("12_d687");
        assertThat(strict("{x_start:.2f}")).isEqualTo("5.00");
        assertThat(strict("{x_start:%}")).isEqualTo("500.000000%");
        assertThat(strict("{nickname:>12}")).isEqualTo("   ex2d-data");
        assertThat(strict("{nickname:.4}")).isEqualTo("ex2d");
        assertThat(strict("{nickname:012}")).isEqualTo("ex2d-data000");
        assertThat(strict("{x_start:=+6}")).isEqualTo("+    5");
        assertThat(strict("{x_start:08.3f}")).isEqualTo("0005.000");
        assertThat(strict("{roi}")).isEqualTo("[(0, 0, 0), (60, 80, 3)]");
    }

    @Test
    void unknownFieldsStayConversionsAreDroppedEmptyFieldVanishes() throws MalformedTemplate {
        assertThat(strict("{foo}_{bar:03d}_{}_{nickname!r}_{baz!s:>4}"))
                .isEqualTo("{foo}_{bar:03d}__ex2d-data_{baz:>4}");
        assertThat(strict("a{{b}}c{nickname}")).isEqualTo("a{b}cex2d-data");
        assertThat(strict("{a[0]}{a.b}")).isEqualTo("{a[0]}{a.b}");
    }

    @Test
    void malformedTemplatesThrowWhenStrictAndStayWhenLenient() throws MalformedTemplate {
        for (String t : new String[] {"{roi:>5}", "{x_start", "x}y", "{x_start!}", "{x_start!rr}", "{x_start:{w}}"}) {
            assertThatThrownBy(() -> strict(t)).as(t).isInstanceOf(MalformedTemplate.class);
            assertThat(PyFormat.formatKnown(t, E, false)).as(t).isEqualTo(t);
        }
    }

    @Test
    void fieldNames() {
        assertThat(PyFormat.fieldNames("out/{nickname}_{slice_index:03}.tif")).containsExactly("nickname", "slice_index");
        assertThat(PyFormat.fieldNames("{{slice_index}}")).isEmpty();
    }
}
