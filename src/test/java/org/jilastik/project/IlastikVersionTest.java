package org.jilastik.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IlastikVersionTest {
    private static IlastikVersion v(String s) {
        return IlastikVersion.parse(s);
    }

    @Test
    void postReleasesOrderByNumberAndAfterTheRelease() {
        assertThat(v("1.3.3post1")).isLessThan(v("1.3.3post2"));
        assertThat(v("1.3.3")).isLessThan(v("1.3.3post1"));
        assertThat(v("1.3.3post2")).isLessThan(v("1.3.4a1"));
        assertThat(v("1.3.3.post2")).isEqualTo(v("1.3.3post2"));
    }

    @Test
    void preReleasesSortBeforeTheRelease() {
        assertThat(v("1.4.0b7")).isLessThan(v("1.4.0"));
        assertThat(v("1.4.0b7")).isLessThan(v("1.4.0b11"));
        assertThat(v("1.4.0a3")).isLessThan(v("1.4.0b1"));
        assertThat(v("1.4.0b11")).isLessThan(v("1.4.0rc1"));
        assertThat(v("1.2.0rc10")).isLessThan(v("1.2.0"));
        assertThat(v("1.2.0rc9")).isLessThan(v("1.2.0rc10"));
    }

    @Test
    void devAndLocalVersions() {
        IlastikVersion dev = v("1.4.1b23.dev15+g371f955df.d20241210");
        assertThat(dev.release()).containsExactly(1, 4, 1);
        assertThat(dev.isPreRelease()).isTrue();
        assertThat(dev.local()).isEqualTo("g371f955df.d20241210");
        assertThat(dev).isLessThan(v("1.4.1b23"));
        assertThat(dev).isGreaterThan(v("1.4.1b23.dev14"));
        assertThat(dev).isGreaterThan(v("1.4.1b23.dev15"));
        assertThat(v("1.4.1b16.dev34+g60b582f5c")).isLessThan(dev);
        assertThat(v("1.4.3.dev28+gebbaf9b9c")).isLessThan(v("1.4.3a0"));
        assertThat(v("1.4.3.dev28+gebbaf9b9c")).isGreaterThan(v("1.4.2"));
        assertThat(v("1.0+5")).isGreaterThan(v("1.0+abc"));
        assertThat(v("1.0+abc.1")).isGreaterThan(v("1.0+abc"));
    }

    @Test
    void releaseNumbersCompareNumericallyWithImplicitZeros() {
        assertThat(v("1.10")).isGreaterThan(v("1.9.9"));
        assertThat(v("1.4")).isEqualTo(v("1.4.0"));
        assertThat(v("1.4").hashCode()).isEqualTo(v("1.4.0").hashCode());
        assertThat(v("1!0.1")).isGreaterThan(v("2.0"));
    }

    @Test
    void sortsAShuffledListIntoPep440Order() {
        List<String> expected = List.of("1.2.0rc9", "1.2.0rc10", "1.2.0", "1.3.3", "1.3.3post1", "1.3.3post2",
                "1.4.0a1", "1.4.0b7", "1.4.0b11", "1.4.0", "1.4.1b16.dev34+g60b582f5c",
                "1.4.1b23.dev15+g371f955df.d20241210", "1.4.1b23", "1.4.1", "1.4.3.dev28+gebbaf9b9c");
        List<IlastikVersion> shuffled = new ArrayList<>(expected.stream().map(IlastikVersion::parse).toList());
        Collections.shuffle(shuffled, new Random(7));
        Collections.sort(shuffled);
        assertThat(shuffled.stream().map(IlastikVersion::toString).toList()).isEqualTo(expected);
    }

    @Test
    void keepsTheStoredTextAndRejectsNonVersions() {
        assertThat(v(" 1.3.3post1 ").toString()).isEqualTo("1.3.3post1");
        assertThat(v("1.3.3post1").isBefore("1.3.3post2")).isTrue();
        assertThat(v("1.3.3post2").isAtLeast("1.3.3post2")).isTrue();
        assertThatThrownBy(() -> v("banana")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> v("")).isInstanceOf(IllegalArgumentException.class);
    }
}
