package org.jilastik.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NicknamesTest {
    static ContainerPath p(String s) {
        return new ContainerPath(Path.of(s), null);
    }

    @Test
    void followsIlastiksRules() {
        assertThat(Nicknames.of(List.of(p("/d/img.png")))).isEqualTo("img");
        assertThat(Nicknames.of(List.of(new ContainerPath(Path.of("/d/raw.h5"), "/volume/data"))))
                .isEqualTo("raw-volume-data");
        List<ContainerPath> s = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            s.add(p("/d/s_" + i + ".png"));
        }
        assertThat(Nicknames.of(s)).isEqualTo("s_");
        assertThat(Nicknames.of(List.of(p("/d/a10.tif"), p("/d/a11.tif")))).isEqualTo("a1");
        assertThat(Nicknames.of(List.of(p("/d/x.png"), p("/d/y.png")))).isEqualTo("stack_at-x");
        assertThat(Nicknames.of(List.of(p("/d/cells.v2.tif")))).isEqualTo("cells.v2");
        assertThat(Nicknames.of(List.of(new ContainerPath(Path.of("/d/ex2d.h5"), "/data")))).isEqualTo("ex2d-data");
        assertThat(Nicknames.of(List.of(new ContainerPath(Path.of("/d/f.h5"), "/g/a1"),
                new ContainerPath(Path.of("/d/f.h5"), "/g/a2")))).isEqualTo("f-g-a");
    }

    @Test
    void datasetDirIsTheFirstFilesDirectory() {
        assertThat(Nicknames.datasetDir(List.of(p("/d/e/img.png"), p("/x/b.png")))).isEqualTo(Path.of("/d/e"));
    }
}
