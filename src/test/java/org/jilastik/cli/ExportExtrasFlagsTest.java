package org.jilastik.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.jilastik.app.CutoutSubregion;
import org.jilastik.app.ExportChoicesAdapter;
import org.jilastik.app.RunRequest;
import org.jilastik.error.JilastikException;
import org.jilastik.export.ExistingOutput;
import org.jilastik.export.ExportChoices;
import org.junit.jupiter.api.Test;

/** jilastik's export extras on the command line: the named cutout, {@code --clip}, the overwrite flags. */
class ExportExtrasFlagsTest {
    private static RunRequest parse(String... args) {
        return RequestBuilder.parse(args, Map.of());
    }

    @Test
    void namedCutoutForms() {
        CutoutSubregion c = ValueParsers.parseCutout("--cutout_subregion", "x=10:60, Y=10:60,z=3,c=:2,t=1:");
        assertThat(c.axes()).isEqualTo("xyzct");
        assertThat(c.start()).containsExactly(10L, 10L, 3L, null, 1L);
        assertThat(c.stop()).containsExactly(60L, 60L, 4L, 2L, null);
        assertThat(c.toString()).isEqualTo("x=10:60,y=10:60,z=3:4,c=:2,t=1:");
        // ilastik's positional form still parses as before, without axes
        assertThat(ValueParsers.parseCutout("--cutout_subregion", "[(0,0,0,10,20),(1,3,1,40,60)]").axes()).isNull();
    }

    @Test
    void badNamedCutoutsAreUsageErrors() {
        for (String bad : new String[] {"x=10:5", "q=1:2", "x=1:2,x=3:4", "x=-1:5", "x=", "x=1:2,,y=1:2", "x=a:b"}) {
            assertThatThrownBy(() -> ValueParsers.parseCutout("--cutout_subregion", bad)).as(bad)
                    .isInstanceOf(JilastikException.class)
                    .satisfies(e -> assertThat(((JilastikException) e).exitCode()).isEqualTo(2))
                    .hasMessageStartingWith("--cutout_subregion \"" + bad + "\" is not valid");
        }
    }

    @Test
    void clipAndOverwriteReachTheExportChoices() {
        ExportChoices plain = ExportChoicesAdapter.fromCli(parse("--project=p.ilp", "a.h5").export());
        assertThat(plain.clip()).isNull();
        assertThat(plain.existingOutput()).isNull();
        ExportChoices c = ExportChoicesAdapter.fromCli(parse("--project=p.ilp", "--clip", "--overwrite",
                "--cutout_subregion=x=1:5", "a.h5").export());
        assertThat(c.clip()).isTrue();
        assertThat(c.existingOutput()).isEqualTo(ExistingOutput.REPLACE);
        assertThat(c.regionAxes()).isEqualTo("x");
        assertThat(c.regionStart()).containsExactly(1L);
        assertThat(ExportChoicesAdapter.fromCli(parse("--project=p.ilp", "--no_overwrite", "a.h5").export())
                .existingOutput()).isEqualTo(ExistingOutput.REFUSE);
    }

    @Test
    void overwriteAndNoOverwriteExcludeEachOther() {
        assertThatThrownBy(() -> parse("--project=p.ilp", "--overwrite", "--no-overwrite", "a.h5"))
                .isInstanceOf(JilastikException.class).hasMessage("give either --overwrite or --no-overwrite, not both");
    }
}
