package org.jilastik.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/errors.md} and its tests consistent: the catalogue is well formed, covers every case of
 * {@code testdata/ilastik-ref/bad-input-behaviour} with that case's command and every item of spec cli-and-io §6,
 * and every row is checked by a test ({@link ErrorCatalogueIT} runs its rows; any other test class named in the
 * test column must exist and name the row's id).
 */
class ErrorCatalogueDocTest {
    private static final Path SPEC = Path.of("../shared/spec/cli-and-io.md");

    @Test
    void catalogueIsWellFormed() throws IOException {
        List<ErrorCatalogue.Row> rows = ErrorCatalogue.rows();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(40);
        Set<String> ids = new HashSet<>();
        for (ErrorCatalogue.Row r : rows) {
            assertThat(ids.add(r.id())).as("duplicate id " + r.id()).isTrue();
            assertThat(r.id()).matches("[a-z0-9]+(-[a-z0-9]+)*");
            assertThat(r.exitCode()).as(r.id()).isIn(0, 1, 2);
            assertThat(r.messages()).as(r.id()).allMatch(m -> m.startsWith("jilastik: "));
            if (r.exitCode() != 0) {
                assertThat(r.messages()).as(r.id() + " fails without a message").isNotEmpty();
            }
            assertThat(r.leftOnDisk()).as(r.id()).isSorted();
            if (r.test().equals(ErrorCatalogueIT.class.getSimpleName())) {
                assertThat(r.args()).as(r.id()).isNotEmpty();
            }
        }
    }

    @Test
    void everyBadInputCaseIsARowWithItsCommand() throws IOException {
        Map<String, ErrorCatalogue.Row> bySituation = ErrorCatalogue.rows().stream()
                .collect(Collectors.toMap(ErrorCatalogue.Row::situation, Function.identity()));
        List<String[]> cases = CaseReadme.table("bad-input-behaviour", "## Results");
        assertThat(cases).hasSize(16);
        for (String[] c : cases) {
            ErrorCatalogue.Row row = bySituation.get(c[0] + " (ref)");
            assertThat(row).as("row for bad-input case '" + c[0] + "'").isNotNull();
            assertThat(row.args()).as(c[0]).isEqualTo(CaseReadme.ilastikArgs(CaseReadme.code(c[1])));
            assertThat(row.test()).isEqualTo(ErrorCatalogueIT.class.getSimpleName());
        }
    }

    @Test
    void everyItemOfSpecSection6IsARow() throws IOException {
        String spec = Files.readString(SPEC);
        String section = spec.substring(spec.indexOf("## 6."), spec.indexOf("## 7."));
        long items = section.lines().filter(l -> l.matches("\\| \\d+ \\|.*")).count();
        assertThat(items).isEqualTo(23);
        String situations = ErrorCatalogue.rows().stream().map(ErrorCatalogue.Row::situation)
                .collect(Collectors.joining("\n"));
        for (int i = 1; i <= items; i++) {
            assertThat(situations).as("row for spec cli-and-io §6." + i).contains("(§6." + i + ")");
        }
    }

    @Test
    void rowsCheckedElsewhereAreNamedByTheirTest() throws IOException {
        for (ErrorCatalogue.Row r : ErrorCatalogue.rows()) {
            if (r.test().equals(ErrorCatalogueIT.class.getSimpleName())) {
                continue;
            }
            Path test = Path.of("src/test/java/org/jilastik/e2e", r.test() + ".java");
            assertThat(test).as(r.id()).exists();
            assertThat(Files.readString(test)).as(r.id() + " in " + test).contains("\"" + r.id() + "\"");
        }
    }
}
