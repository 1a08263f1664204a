package org.jilastik.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A working directory for one jilastik run on a reference case, made as {@code shared/tools/refcheck.py} makes
 * it: a symbolic link to every file of the case folder except {@code out/} and the README, and an empty
 * {@code out/}. The case's files are never written.
 */
final class Workspace {
    private Workspace() {
    }

    /** Fills {@code dir} with links to the files of case {@code caseName} and an empty {@code out/}. */
    static Path of(String caseName, Path dir) throws IOException {
        Path caseDir = CaseReadme.CASES.resolve(caseName);
        try (Stream<Path> files = Files.list(caseDir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String n = f.getFileName().toString();
                if (!n.equals("out") && !n.equals("README.md")) {
                    Files.createSymbolicLink(dir.resolve(n), f);
                }
            }
        }
        Files.createDirectories(dir.resolve("out"));
        return dir;
    }

    /** Every regular file under {@code dir} (recursively), relative to it, sorted. */
    static List<String> filesUnder(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        if (!Files.exists(dir)) {
            return out;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(p -> !Files.isDirectory(p)).forEach(p -> out.add(dir.relativize(p).toString()));
        }
        out.sort(null);
        return out;
    }
}
