package org.jilastik.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jilastik.error.JilastikException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputPathsTest {
    @TempDir
    Path dir;

    @Test
    void splitsListsExceptUrlsPortsAndTimes() {
        assertThat(InputPaths.splitList("a.png:b.png:c.png")).containsExactly("a.png", "b.png", "c.png");
        assertThat(InputPaths.splitList("http://host:8080/x.zarr")).containsExactly("http://host:8080/x.zarr");
        assertThat(InputPaths.splitList("/d/img_12:30.png")).containsExactly("/d/img_12:30.png");
        assertThat(InputPaths.splitList("/d/a.h5/x:/d/b.h5/x")).containsExactly("/d/a.h5/x", "/d/b.h5/x");
        assertThat(InputPaths.splitList("/d/a123456.png:b.png")).containsExactly("/d/a123456.png", "b.png");
    }

    @Test
    void expandsHome() {
        String home = System.getProperty("user.home");
        assertThat(InputPaths.expandHome("~/x.png")).isEqualTo(home + "/x.png");
        assertThat(InputPaths.expandHome("~")).isEqualTo(home);
        assertThat(InputPaths.expandHome("a/~/x")).isEqualTo("a/~/x");
    }

    @Test
    void splitsAtAnExistingContainerComponentOnly() throws IOException {
        Path h5 = Files.createFile(dir.resolve("raw.h5"));
        assertThat(InputPaths.split(dir.resolve("raw.h5/volume/data")))
                .isEqualTo(new ContainerPath(h5, "/volume/data"));
        assertThat(InputPaths.split(h5)).isEqualTo(new ContainerPath(h5, null));
        // ilastik would cut at the ".h5" substring; jilastik keeps the PNG path
        Path png = dir.resolve("run.h5_backup/img.png");
        assertThat(InputPaths.split(png)).isEqualTo(new ContainerPath(png, null));
        // a directory whose name ends in .h5 is not the container when a deeper file is
        Path nested = Files.createDirectories(dir.resolve("exp.h5"));
        Files.createFile(nested.resolve("inner.n5"));
        assertThat(InputPaths.split(nested.resolve("inner.n5/ds")))
                .isEqualTo(new ContainerPath(nested, "/inner.n5/ds"));
        // missing file: split at the first container component so the error can name it
        assertThat(InputPaths.split(dir.resolve("gone.h5/data")))
                .isEqualTo(new ContainerPath(dir.resolve("gone.h5"), "/data"));
    }

    @Test
    void globsAreSortedLexicographicallyListsKeepTheirOrder() throws IOException {
        for (String n : List.of("img10.png", "img2.png", "img1.png", ".img3.png")) {
            Files.createFile(dir.resolve(n));
        }
        assertThat(InputPaths.expand("img*.png", dir)).extracting(p -> p.external().getFileName().toString())
                .containsExactly("img1.png", "img10.png", "img2.png");
        assertThat(InputPaths.expand("img?.png", dir)).hasSize(2);
        assertThat(InputPaths.expand("img[12].png", dir)).hasSize(2);
        assertThat(InputPaths.expand("img2.png:img10.png:img1.png", dir))
                .extracting(p -> p.external().getFileName().toString())
                .containsExactly("img2.png", "img10.png", "img1.png");
    }

    @Test
    void internalPathSurvivesGlobOverFiles() throws IOException {
        Files.createFile(dir.resolve("a.h5"));
        Files.createFile(dir.resolve("b.h5"));
        List<ContainerPath> l = InputPaths.expand(dir + "/*.h5/data", dir);
        assertThat(l).containsExactly(new ContainerPath(dir.resolve("a.h5"), "/data"),
                new ContainerPath(dir.resolve("b.h5"), "/data"));
    }

    @Test
    void errorsNameTheProblem() throws IOException {
        assertThatThrownBy(() -> InputPaths.expand("missing.h5/data", dir))
                .isInstanceOf(JilastikException.class)
                .hasMessage("input file " + dir.resolve("missing.h5") + " does not exist; check the path "
                        + "(relative paths are resolved against " + dir + ").");
        assertThatThrownBy(() -> InputPaths.expand("nothing*.png", dir))
                .hasMessageStartingWith("no file matches " + dir.resolve("nothing*.png"));
        Files.createFile(dir.resolve("x.png"));
        Files.createFile(dir.resolve("y.tif"));
        assertThatThrownBy(() -> InputPaths.expand("x.png:y.tif", dir))
                .hasMessageContaining("share one extension");
    }
}
