package org.jilastik.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.jilastik.cli.ArgumentTokenizer.Occurrence;
import org.jilastik.cli.ArgumentTokenizer.Tokens;
import org.jilastik.error.JilastikException;
import org.junit.jupiter.api.Test;

class ArgumentTokenizerTest {
    private static Tokens tok(String... args) {
        return ArgumentTokenizer.tokenize(args);
    }

    private static Occurrence only(Tokens t) {
        assertThat(t.options()).hasSize(1);
        return t.options().get(0);
    }

    @Test
    void equalsAndSpaceFormsGiveTheSameValue() {
        for (String[] args : List.of(new String[] {"--project=P.ilp"}, new String[] {"--project", "P.ilp"})) {
            Occurrence o = only(tok(args));
            assertThat(o.flag().name()).isEqualTo("project");
            assertThat(o.values()).containsExactly("P.ilp");
        }
    }

    @Test
    void valueAfterEqualsMayContainEqualsAndSpaces() {
        Occurrence o = only(tok("--output_filename_format=/out/a=b/{nickname} x.h5"));
        assertThat(o.value()).isEqualTo("/out/a=b/{nickname} x.h5");
    }

    @Test
    void underscoreAndDashSpellingsResolveToOneFlag() {
        for (String typed : List.of("--output_format=png", "--output-format=png", "--output-format png")) {
            Occurrence o = only(tok(typed.split(" ")));
            assertThat(o.flag().name()).isEqualTo("output_format");
            assertThat(o.value()).isEqualTo("png");
        }
        assertThat(only(tok("--tree_count=5")).flag().spelling()).isEqualTo("--tree-count");
        assertThat(only(tok("--csv_export_file", "c.csv")).flag().name()).isEqualTo("csv_export_file");
        assertThat(only(tok("--raw-data", "a.png")).flag().name()).isEqualTo("raw_data");
        assertThat(only(tok("--continue_on_error")).flag().name()).isEqualTo("continue_on_error");
    }

    @Test
    void everyFlagResolvesInBothSpellings() {
        for (FlagSpec f : FlagTable.all()) {
            String underscore = "--" + f.name();
            String dash = "--" + f.name().replace('_', '-');
            assertThat(FlagTable.resolve(underscore.substring(2))).isEqualTo(f);
            assertThat(FlagTable.resolve(dash.substring(2))).isEqualTo(f);
        }
    }

    @Test
    void unambiguousPrefixesAreAcceptedAndExactMatchWins() {
        assertThat(only(tok("--proj", "x.ilp")).flag().name()).isEqualTo("project");
        assertThat(only(tok("--proj=x.ilp")).value()).isEqualTo("x.ilp");
        assertThat(only(tok("--raw", "a.png")).flag().name()).isEqualTo("raw_data");
        assertThat(only(tok("--output-fo", "png")).flag().name()).isEqualTo("output_format");
        // --distributed is also a prefix of --distributed_block_roi: the exact name wins
        assertThat(only(tok("--distributed")).flag().name()).isEqualTo("distributed");
        assertThat(only(tok("--distributed_b", "64")).flag().name()).isEqualTo("distributed_block_roi");
    }

    @Test
    void ambiguousPrefixListsTheCandidates() {
        assertThatThrownBy(() -> tok("--export", "x")).isInstanceOf(JilastikException.class)
                .hasMessageContaining("ambiguous").hasMessageContaining("--export_source")
                .hasMessageContaining("--export_dtype").hasMessageContaining("--export_drange");
        assertThatThrownBy(() -> tok("--pre", "x")).hasMessageContaining("--prediction_mask")
                .hasMessageContaining("--preconvert_stacks");
    }

    @Test
    void unknownOptionNamesTheClosestFlagAndNeverBecomesAPath() {
        assertThatThrownBy(() -> tok("--outpt_format", "png", "a.png"))
                .isInstanceOf(JilastikException.class)
                .hasMessage("unknown option --outpt_format; did you mean --output_format?")
                .satisfies(e -> assertThat(((JilastikException) e).exitCode()).isEqualTo(2));
        assertThatThrownBy(() -> tok("--exprot-source=Probabilities"))
                .hasMessage("unknown option --exprot-source; did you mean --export_source?");
        assertThatThrownBy(() -> tok("--completely-unrelated-thing"))
                .hasMessage("unknown option --completely-unrelated-thing; see jilastik --help");
        assertThatThrownBy(() -> tok("-x")).hasMessageContaining("unknown option -x");
    }

    @Test
    void readonlyAloneIsTrueAndTakesOnlyBooleanWords() {
        Tokens alone = tok("--readonly", "in.png");
        assertThat(only(alone).values()).isEmpty();
        assertThat(alone.positionals()).containsExactly("in.png");

        for (String word : List.of("1", "yes", "TRUE", "On", "0", "no", "False", "OFF")) {
            Tokens t = tok("--readonly", word, "in.png");
            assertThat(only(t).values()).containsExactly(word);
            assertThat(t.positionals()).containsExactly("in.png");
        }
        assertThat(only(tok("--readonly=maybe")).values()).containsExactly("maybe");
    }

    @Test
    void roleFlagsTakeTokensUpToTheNextOption() {
        Tokens t = tok("--raw_data", "a.h5", "b.h5", "--prediction_maps", "c.h5", "d.h5", "--headless");
        assertThat(t.options()).extracting(o -> o.flag().name())
                .containsExactly("raw_data", "prediction_maps", "headless");
        assertThat(t.options().get(0).values()).containsExactly("a.h5", "b.h5");
        assertThat(t.options().get(1).values()).containsExactly("c.h5", "d.h5");
        assertThat(t.positionals()).isEmpty();
    }

    @Test
    void roleFlagWithEqualsContinuesWithFollowingPaths() {
        Tokens t = tok("--raw_data=a.png", "b.png", "c.png", "--export_source=Probabilities");
        assertThat(t.options().get(0).values()).containsExactly("a.png", "b.png", "c.png");
    }

    @Test
    void positionalsAnywhereAreCollectedInOrder() {
        Tokens t = tok("a.png", "--project=P.ilp", "b.png", "--stack_along", "z", "c.png", "--headless", "d.png");
        assertThat(t.positionals()).containsExactly("a.png", "b.png", "c.png", "d.png");
        assertThat(t.last("stack_along")).isEqualTo("z");
    }

    @Test
    void doubleDashEndsOptions() {
        Tokens t = tok("--project", "P.ilp", "--", "--weird-name.png", "-h");
        assertThat(t.positionals()).containsExactly("--weird-name.png", "-h");
        assertThat(t.has("help")).isFalse();
    }

    @Test
    void negativeNumbersAreValuesNotOptions() {
        assertThat(only(tok("--random-label-value", "-3")).value()).isEqualTo("-3");
        assertThat(tok("-1.5").positionals()).containsExactly("-1.5");
    }

    @Test
    void missingValuesAndValuesOnSwitchesAreErrors() {
        assertThatThrownBy(() -> tok("--project")).hasMessage("option --project needs a value (P.ilp)");
        assertThatThrownBy(() -> tok("--project", "--headless")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> tok("--raw_data", "--headless")).hasMessage("option --raw_data needs at least one path");
        assertThatThrownBy(() -> tok("--headless=yes")).hasMessage("option --headless takes no value, but was given \"yes\"");
    }

    @Test
    void helpShortFormAndLenientScan() {
        assertThat(tok("-h").has("help")).isTrue();
        Tokens t = ArgumentTokenizer.tokenizeLeniently(new String[] {"--bogus", "--hel", "--proj=P.ilp", "-q"});
        assertThat(t.has("help")).isTrue();
        assertThat(t.last("project")).isEqualTo("P.ilp");
    }
}
