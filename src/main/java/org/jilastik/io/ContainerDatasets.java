package org.jilastik.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Lists the datasets of a directory-based container (N5, Zarr): relative paths of the directories below the
 * root that {@code isDataset} accepts, sorted, not descending into datasets. Stateless.
 */
public final class ContainerDatasets {
    private ContainerDatasets() {
    }

    /** Relative paths ({@code /}-separated) of the datasets below {@code root}, sorted. */
    public static List<String> list(Path root, Predicate<Path> isDataset) {
        List<String> out = new ArrayList<>();
        walk(root, root, isDataset, out, 0);
        out.sort(null);
        return out;
    }

    private static void walk(Path root, Path dir, Predicate<Path> isDataset, List<String> out, int depth) {
        if (depth > 16) {
            return;
        }
        try (Stream<Path> children = Files.list(dir)) {
            for (Path c : children.filter(Files::isDirectory).sorted().toList()) {
                if (isDataset.test(c)) {
                    out.add(root.relativize(c).toString().replace('\\', '/'));
                } else {
                    walk(root, c, isDataset, out, depth + 1);
                }
            }
        } catch (IOException e) {
            // an unreadable directory holds no datasets we can open
        }
    }
}
