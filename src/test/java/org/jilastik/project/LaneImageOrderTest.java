package org.jilastik.project;

import static org.assertj.core.api.Assertions.assertThat;

import org.jilastik.array.Axes;
import org.junit.jupiter.api.Test;

class LaneImageOrderTest {
    private static String order(String axes, long... shape) {
        return LaneImageOrder.of(Axes.of(axes), shape).toString();
    }

    @Test
    void dropsSingletonsAndPutsChannelLast() {
        assertThat(order("yx", 384, 384)).isEqualTo("yxc");
        assertThat(order("tzyxc", 1, 1, 1024, 1344, 1)).isEqualTo("yxc");
        assertThat(order("zyx", 12, 32, 40)).isEqualTo("zyxc");
        assertThat(order("tyx", 8, 128, 128)).isEqualTo("tyxc");
        assertThat(order("txyc", 6, 66, 62, 1)).isEqualTo("tyxc");
        assertThat(order("txyzc", 6, 66, 62, 1, 1)).isEqualTo("tyxc");
        assertThat(order("tzyxc", 3, 5, 6, 7, 2)).isEqualTo("tzyxc");
        assertThat(order("yxc", 256, 320, 3)).isEqualTo("yxc");
        assertThat(order("xy", 200, 160)).isEqualTo("yxc");
    }

    @Test
    void followsTheCandidateListForUnusualAxes() {
        // y singleton: the first 3-letter candidate holding z and x is "tzx"
        assertThat(order("zyx", 5, 1, 7)).isEqualTo("tzxc");
        assertThat(order("x", 9)).isEqualTo("yxc");
    }
}
