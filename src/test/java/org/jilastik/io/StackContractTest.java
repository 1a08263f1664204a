package org.jilastik.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.jilastik.error.JilastikException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contract on a glob of three grey PNGs opened through {@link InputOpener}: stacked along z as a new leading axis
 * (zyxc), nickname {@code s_}, dataset dir = their folder. Plus concatenation along an existing axis.
 */
class StackContractTest extends AbstractImageSourceTest {
    static final int H = 7;
    static final int W = 9;

    @TempDir
    Path dir;

    OpenedInput opened;

    @Override
    protected ImageSource open() throws IOException {
        Block all = expected();
        byte[] d = (byte[]) all.data();
        for (int z = 0; z < 3; z++) {
            BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_GRAY);
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    img.getRaster().setSample(x, y, 0, d[(z * H + y) * W + x] & 0xff);
                }
            }
            ImageIO.write(img, "png", dir.resolve("s_" + (z + 1) + ".png").toFile());
        }
        opened = InputOpener.open("s_*.png", dir, 'z');
        return opened.source();
    }

    @Override
    protected Axes expectedAxes() {
        return Axes.of("zyxc");
    }

    @Override
    protected long[] expectedShape() {
        return new long[] {3, H, W, 1};
    }

    @Override
    protected DType expectedDtype() {
        return DType.UINT8;
    }

    @Override
    protected Block expected() {
        return Fixtures.block(expectedAxes(), DType.UINT8, 3, H, W, 1);
    }

    @Test
    void nicknameAndDatasetDir() {
        assertThat(opened.nickname()).isEqualTo("s_");
        assertThat(opened.datasetDir()).isEqualTo(dir);
        assertThat(opened.files()).hasSize(3);
        assertThat(((StackSource) source).size()).isEqualTo(3);
    }

    @Test
    void concatenatesAlongAnExistingAxisInListOrder() {
        Path ao = Path.of("../shared/testdata/ilastik-ref/axes-order").toAbsolutePath().normalize();
        // ax2d is yx (64, 96); a2_xy_tags is xy (96, 64): different axes cannot be stacked
        assertThatThrownBy(() -> InputOpener.open("ax2d.h5/data:a2_xy_tags.h5/data", ao, 'y'))
                .isInstanceOf(JilastikException.class)
                .hasMessageContaining("cannot stack " + ao + "/a2_xy_tags.h5/data (xy")
                .hasMessageContaining("same axes, shape and dtype");
        OpenedInput ok = InputOpener.open("a2_yx_tags.h5/data:ax2d.h5/data", ao, 'x');
        try (ImageSource s = ok.source()) {
            assertThat(s.axes()).isEqualTo(Axes.of("yx"));
            assertThat(s.shape()).containsExactly(64, 192);
            Block b = s.read(new Box(new long[] {10, 90}, new long[] {12, 100}));
            Block ref;
            try (ImageSource one = InputOpener.open("ax2d.h5/data", ao, 'z').source()) {
                ref = one.readAll();
            }
            assertThat(b.getDouble(0)).isEqualTo(ref.getDouble(10 * 96 + 90));
            assertThat(b.getDouble(6)).isEqualTo(ref.getDouble(10 * 96 + 0));
            assertThat(b.getDouble(19)).isEqualTo(ref.getDouble(11 * 96 + 3));
            assertThat(ok.nickname()).isEqualTo("a-data"); // common prefix of a2_yx_tags and ax2d
        }
    }

    @Test
    void openerErrorsAreOneSentence() {
        Path ao = Path.of("../shared/testdata/ilastik-ref/axes-order").toAbsolutePath().normalize();
        assertThatThrownBy(() -> InputOpener.open("ax2d_pc.ilp/nope", ao, 'z'))
                .isInstanceOf(JilastikException.class).hasMessageStartingWith("dataset /nope does not exist in");
        assertThatThrownBy(() -> InputOpener.open("README.md", ao, 'z'))
                .hasMessageContaining("extension '.md' is not a supported image format");
        assertThatThrownBy(() -> InputOpener.open("a2.png/data", ao, 'z'))
                .hasMessageContaining("input file " + ao.resolve("a2.png/data") + " does not exist");
        OpenedInput in = InputOpener.open("a2_yx_tags.h5", ao, 'z');
        try (ImageSource s = in.source()) {
            assertThat(in.nickname()).isEqualTo("a2_yx_tags");
            assertThat(s.shape()).containsExactly(64, 96);
        }
        OpenedInput g = InputOpener.open("ax2d.h5/d*", ao, 'z');
        try (ImageSource s = g.source()) {
            assertThat(g.files()).extracting(ContainerPath::internal).containsExactly("/data");
            assertThat(g.nickname()).isEqualTo("ax2d-data");
        }
    }
}
