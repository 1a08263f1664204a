package org.jilastik.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.jilastik.app.ResourceOptions;
import org.jilastik.error.JilastikException;
import org.junit.jupiter.api.Test;

class EnvironmentParserTest {
    private static void assertUsage(Map<String, String> env, String message) {
        assertThatThrownBy(() -> EnvironmentParser.parse(env)).isInstanceOf(JilastikException.class)
                .satisfies(e -> assertThat(((JilastikException) e).exitCode()).isEqualTo(2)).hasMessage(message);
    }

    @Test
    void unsetOrEmptyMeansDefaults() {
        assertThat(EnvironmentParser.parse(Map.of())).isEqualTo(ResourceOptions.DEFAULTS);
        assertThat(EnvironmentParser.parse(Map.of("LAZYFLOW_THREADS", "", "LAZYFLOW_TOTAL_RAM_MB", " ")))
                .isEqualTo(ResourceOptions.DEFAULTS);
        // 0 MB means "default", as in ilastik
        assertThat(EnvironmentParser.parse(Map.of("LAZYFLOW_TOTAL_RAM_MB", "0")).totalRamMb()).isNull();
    }

    @Test
    void validValues() {
        assertThat(EnvironmentParser.parse(Map.of("LAZYFLOW_THREADS", "0")).threads()).isEqualTo(0);
        assertThat(EnvironmentParser.parse(Map.of("LAZYFLOW_THREADS", " 16 ")).threads()).isEqualTo(16);
        assertThat(EnvironmentParser.parse(Map.of("LAZYFLOW_TOTAL_RAM_MB", "500")).totalRamMb()).isEqualTo(500L);
        assertThat(EnvironmentParser.parse(Map.of("LAZYFLOW_TOTAL_RAM_MB", "64000")).totalRamMb()).isEqualTo(64000L);
    }

    @Test
    void badValues() {
        assertUsage(Map.of("LAZYFLOW_THREADS", "four"), "LAZYFLOW_THREADS=four is not valid; give a whole number");
        assertUsage(Map.of("LAZYFLOW_THREADS", "2.5"), "LAZYFLOW_THREADS=2.5 is not valid; give a whole number");
        assertUsage(Map.of("LAZYFLOW_THREADS", "-1"),
                "LAZYFLOW_THREADS=-1 is not valid; give a number of threads of at least 0 (0 = no worker threads)");
        assertUsage(Map.of("LAZYFLOW_TOTAL_RAM_MB", "16"),
                "LAZYFLOW_TOTAL_RAM_MB=16 is too small; specify RAM in MB, not GB (e.g. 16000)");
        assertUsage(Map.of("LAZYFLOW_TOTAL_RAM_MB", "499"),
                "LAZYFLOW_TOTAL_RAM_MB=499 is too small; specify RAM in MB, not GB (e.g. 499000)");
        assertUsage(Map.of("LAZYFLOW_TOTAL_RAM_MB", "1"),
                "LAZYFLOW_TOTAL_RAM_MB=1 is too small; specify RAM in MB, not GB (e.g. 1000)");
        assertUsage(Map.of("LAZYFLOW_TOTAL_RAM_MB", "8G"), "LAZYFLOW_TOTAL_RAM_MB=8G is not valid; give a whole number");
        assertUsage(Map.of("LAZYFLOW_TOTAL_RAM_MB", "-100"),
                "LAZYFLOW_TOTAL_RAM_MB=-100 is not valid; give the RAM budget in MB");
    }
}
