package org.jilastik.export;

import java.nio.file.Path;
import java.util.Map;

/**
 * The file name of ilastik's object table (spec object-classification §8): the configured or
 * {@code --table_filename} path with {@code {nickname}} and {@code {dataset_dir}} expanded (other fields kept
 * verbatim), {@code _table} inserted before the extension (the text after the last dot of the last path
 * component), and a relative result resolved against the working directory. Stateless, thread safe.
 */
public final class TablePaths {
    private TablePaths() {
    }

    /**
     * The table file.
     *
     * @param template   the path as given or stored, e.g. {@code out/{nickname}_objects.csv}
     * @param nickname   the lane's nickname
     * @param datasetDir the lane's {@code {dataset_dir}}
     * @param cwd        the working directory
     */
    public static Path table(String template, String nickname, String datasetDir, Path cwd) {
        String p;
        try {
            p = PyFormat.formatKnown(template, Map.of("nickname", nickname.replace("*", ""), "dataset_dir",
                    datasetDir), false);
        } catch (PyFormat.MalformedTemplate e) {
            p = template;
        }
        p = OutputPaths.expandTilde(p);
        String root = OutputPaths.splitextRoot(p);
        String ext = p.substring(root.length());
        Path file = Path.of(root + "_table" + ext);
        return file.isAbsolute() ? file : cwd.resolve(file);
    }
}
