package org.jilastik.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.jilastik.error.JilastikException;
import org.jilastik.project.LabelBlock;
import org.junit.jupiter.api.Test;

/** Label images become ilastik's label blocks: per 256-pixel cell, cropped to the labelled area, empty cells gone. */
class LabelImagesTest {
    @Test
    void cellsCroppedToTheirLabels() {
        int h = 300;
        int w = 600;
        float[] v = new float[h * w];
        v[10 * w + 20] = 1;
        v[12 * w + 25] = 2;
        v[299 * w + 599] = 3; // the last cell (256..300, 512..600)
        v[100 * w + 300] = 1; // cell (0, 1)
        Block labels = new Block(Axes.of("yxc"), new Box(new long[] {0, 0, 0}, new long[] {h, w, 1}), DType.FLOAT32, v);
        List<LabelBlock> blocks = LabelImages.blocks(labels, "l.tif");
        assertThat(blocks).hasSize(3);
        assertThat(blocks.get(0).box()).isEqualTo(new Box(new long[] {10, 20, 0}, new long[] {13, 26, 1}));
        byte[] first = blocks.get(0).data();
        assertThat(first).hasSize(3 * 6);
        assertThat(first[0]).isEqualTo((byte) 1);
        assertThat(first[2 * 6 + 5]).isEqualTo((byte) 2);
        assertThat(blocks.get(0).maxValue()).isEqualTo(2);
        assertThat(blocks.get(1).box()).isEqualTo(new Box(new long[] {100, 300, 0}, new long[] {101, 301, 1}));
        assertThat(blocks.get(2).box()).isEqualTo(new Box(new long[] {299, 599, 0}, new long[] {300, 600, 1}));
        assertThat(blocks.get(2).data()).containsExactly(3);
        assertThat(blocks.get(2).axes()).isEqualTo(Axes.of("yxc"));
    }

    @Test
    void valuesMustBeLabels() {
        Block bad = new Block(Axes.of("yxc"), new Box(new long[] {0, 0, 0}, new long[] {1, 2, 1}), DType.FLOAT32,
                new float[] {0, 1.5f});
        assertThatThrownBy(() -> LabelImages.blocks(bad, "l.tif")).isInstanceOf(JilastikException.class)
                .hasMessageContaining("label image l.tif holds the value 1.5");
    }
}
