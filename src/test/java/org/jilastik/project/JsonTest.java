package org.jilastik.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void writtenJsonParsesBackToTheSameValues() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "a \"quoted\" σ\n");
        m.put("n", 3);
        m.put("x", 0.25);
        m.put("flags", new boolean[] {true, false});
        m.put("matrix", new long[][] {{1, 2}, {3, 4}});
        m.put("none", null);
        m.put("list", List.of("a", "b"));
        String json = JsonWriter.write(m);
        Object back = JsonParser.parse(json);
        assertThat(back).isEqualTo(expectedWithNull());
    }

    private static Map<String, Object> expectedWithNull() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "a \"quoted\" σ\n");
        m.put("n", 3.0);
        m.put("x", 0.25);
        m.put("flags", List.of(true, false));
        m.put("matrix", List.of(List.of(1.0, 2.0), List.of(3.0, 4.0)));
        m.put("none", null);
        m.put("list", List.of("a", "b"));
        return m;
    }

    @Test
    void parsesVigraAxistags() {
        String json = "{\n  \"axes\": [\n    {\"key\": \"t\", \"typeFlags\": 8, \"resolution\": 0, \"description\": \"\"},"
                + "\n    {\"key\": \"x\", \"typeFlags\": 2, \"resolution\": 0.5, \"description\": \"um\"}]}";
        List<AxisTag> tags = AxisTags.parseJson(json);
        assertThat(tags).containsExactly(new AxisTag('t', 8, 0, ""), new AxisTag('x', 2, 0.5, "um"));
        assertThat(AxisTags.toAxes(tags).toString()).isEqualTo("tx");
        assertThat(AxisTags.fromAxisOrder("txyzc")).extracting(AxisTag::typeFlags).containsExactly(8, 2, 2, 2, 1);
        assertThatThrownBy(() -> AxisTags.parseJson("{\"axes\": [{\"key\": \"q\"}]}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonParser.parse("{\"a\": }")).isInstanceOf(IllegalArgumentException.class);
    }
}
