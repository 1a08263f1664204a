package org.jilastik.io;

import java.nio.file.Path;
import java.util.List;

/**
 * ilastik's {@code {nickname}} and {@code {dataset_dir}} of an input (spec cli-and-io §2.10, §3.3): the common
 * character prefix of the external paths with their extensions removed, cut to its last path component (empty
 * → {@code stack_at-<first file base>}), then, if internal paths exist, {@code -} and their common prefix with
 * the leading {@code /} removed and {@code /} replaced by {@code -}. Examples: {@code img.png} → {@code img};
 * {@code raw.h5/volume/data} → {@code raw-volume-data}; {@code s_1.png…s_9.png} → {@code s_};
 * {@code a10.tif, a11.tif} → {@code a1}. Stateless.
 */
public final class Nicknames {
    private Nicknames() {
    }

    /** The nickname of the files of one input (non-empty list). */
    public static String of(List<ContainerPath> files) {
        String prefix = null;
        for (ContainerPath f : files) {
            String s = withoutExtension(f.external().toString());
            prefix = prefix == null ? s : commonPrefix(prefix, s);
        }
        int slash = prefix.lastIndexOf('/');
        String nick = prefix.substring(slash + 1);
        if (nick.isEmpty()) {
            nick = "stack_at-" + files.get(0).baseName();
        }
        String internal = null;
        for (ContainerPath f : files) {
            if (f.internal() != null) {
                String s = f.internal().replaceAll("^/+", "");
                internal = internal == null ? s : commonPrefix(internal, s);
            }
        }
        if (internal != null && !internal.isEmpty()) {
            nick = nick + "-" + internal.replace('/', '-');
        }
        return nick;
    }

    /** {@code {dataset_dir}}: the directory of the first file. */
    public static Path datasetDir(List<ContainerPath> files) {
        Path parent = files.get(0).external().toAbsolutePath().getParent();
        return parent == null ? files.get(0).external().toAbsolutePath().getRoot() : parent;
    }

    private static String withoutExtension(String path) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        return dot > slash ? path.substring(0, dot) : path;
    }

    private static String commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return a.substring(0, i);
    }
}
