package org.jilastik.export;

import java.nio.file.Path;
import java.util.Map;

/**
 * The base path of a file-based export plugin (tracking {@code --export_source=Plugin}, spec tracking §3): the
 * output file name template with {@code {dataset_dir}}, {@code {nickname}} (without {@code *}) and
 * {@code {result_type}} (the plugin's name) expanded, other fields kept verbatim, {@code ~} expanded, and a relative
 * result placed under the working directory (the current directory for a template from the command line, else the
 * project's directory). No extension is replaced: the plugin adds its own suffix or uses the path as a directory.
 * Stateless, thread safe.
 */
public final class PluginPaths {
    private PluginPaths() {
    }

    /**
     * The plugin's base path.
     *
     * @param template   the template as given or stored (null: ilastik's default
     *                   {@code {dataset_dir}/{nickname}_{result_type}})
     * @param pluginName the plugin's name ({@code {result_type}})
     * @param workingDir where a relative result goes
     */
    public static Path base(String template, String nickname, String datasetDir, String pluginName,
            Path workingDir) {
        String t = template == null ? ExportPlanner.DEFAULT_TEMPLATE : template;
        String p;
        try {
            p = PyFormat.formatKnown(t, Map.of("nickname", nickname.replace("*", ""), "dataset_dir", datasetDir,
                    "result_type", pluginName), false);
        } catch (PyFormat.MalformedTemplate e) {
            p = t;
        }
        Path file = Path.of(OutputPaths.expandTilde(p));
        return (file.isAbsolute() ? file : workingDir.resolve(file)).normalize();
    }
}
