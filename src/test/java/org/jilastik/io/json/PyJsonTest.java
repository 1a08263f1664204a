package org.jilastik.io.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Python's json.dumps(indent=4, sort_keys=True) and float repr, on values whose Python output is known. */
class PyJsonTest {
    @Test
    void floatsAsPythonReprSpellsThem() {
        assertThat(PyJson.pyFloat(1.0)).isEqualTo("1.0");
        assertThat(PyJson.pyFloat(0.5)).isEqualTo("0.5");
        assertThat(PyJson.pyFloat(-2.25)).isEqualTo("-2.25");
        assertThat(PyJson.pyFloat(0.0001)).isEqualTo("0.0001");
        assertThat(PyJson.pyFloat(0.00001)).isEqualTo("1e-05");
        assertThat(PyJson.pyFloat(1.5e-7)).isEqualTo("1.5e-07");
        assertThat(PyJson.pyFloat(1e15)).isEqualTo("1000000000000000.0");
        assertThat(PyJson.pyFloat(1e16)).isEqualTo("1e+16");
        assertThat(PyJson.pyFloat(123456789012345678.0)).isEqualTo("1.2345678901234568e+17");
        assertThat(PyJson.pyFloat(45.0 / 22)).isEqualTo("2.0454545454545454");
        assertThat(PyJson.pyFloat(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(PyJson.pyFloat(Double.NaN)).isEqualTo("NaN");
        assertThat(PyJson.pyFloat(-0.0)).isEqualTo("-0.0");
    }

    @Test
    void float32AsNumpyStrSpellsThem() {
        // values from str(numpy.float32(v))
        assertThat(PyJson.pyFloat32(0.1f)).isEqualTo("0.1");
        assertThat(PyJson.pyFloat32(1e-5f)).isEqualTo("1e-05");
        assertThat(PyJson.pyFloat32(97f)).isEqualTo("97.0");
        assertThat(PyJson.pyFloat32(2.773215f)).isEqualTo("2.773215");
        assertThat(PyJson.pyFloat32(1234567.8f)).isEqualTo("1234567.8");
        assertThat(PyJson.pyFloat32(1e16f)).isEqualTo("1e+16");
        assertThat(PyJson.pyFloat32(-0.00012345f)).isEqualTo("-0.00012345");
        assertThat(PyJson.pyFloat32(Float.MAX_VALUE)).isEqualTo("3.4028235e+38");
        assertThat(PyJson.pyFloat32((float) (1.0 / 3))).isEqualTo("0.33333334");
    }

    @Test
    void indentedSortedAsciiText() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("zeta", List.of(1, 2.0));
        m.put("alpha", Map.of());
        m.put("mid", List.of());
        m.put("text", "a\"b\\c\nd\u00e9");
        m.put("none", null);
        m.put("flag", true);
        assertThat(PyJson.dumps(m)).isEqualTo("{\n    \"alpha\": {},\n    \"flag\": true,\n    \"mid\": [],\n"
                + "    \"none\": null,\n    \"text\": \"a\\\"b\\\\c\\nd\\u00e9\",\n    \"zeta\": [\n        1,\n"
                + "        2.0\n    ]\n}");
    }
}
