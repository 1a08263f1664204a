package org.jilastik.export.tracking;

import java.util.List;
import java.util.Locale;

/**
 * ilastik's tracking export plugins ({@code --export_source=Plugin --export_plugin=NAME}, spec tracking §3): the
 * name, how {@code {result_type}}-expanded output paths are used (a suffix added, or a directory), and whether
 * jilastik writes it. Plain constant data.
 */
public enum TrackingPlugin {
    /** {@code <name>.csv}: ids and object features of every node. */
    CSV_TABLE("CSV-Table", List.of(".csv"), false),
    /** Directory with {@code res_track.txt} and {@code maskNNN.tif}. */
    CELL_TRACKING_CHALLENGE("CellTrackingChallenge", List.of(), true),
    /** {@code <name>.outline}. */
    CONTOURS("Contours", List.of(".outline"), false),
    /** Contours plus a head position from raw channel 2 (needs at least 3 raw channels). */
    CONTOURS_WITH_HEAD("Contours-With-Head", List.of(".contours"), false),
    /** {@code <name>.summary} and {@code <name>.blobs}. */
    MULTI_WORM_TRACKER("Multi-Worm-Tracker", List.of(".summary", ".blobs"), false),
    /** MaMuT XML for Fiji (needs {@code --big_data_viewer_xml_file}). */
    FIJI_MAMUT("Fiji-MaMuT", List.of("_mamut.xml"), false),
    /** hytra's JSON model and result ({@code _graph.json}, {@code _result.json}); removed from ilastik in 2026. */
    JSON("JSON", List.of("_graph.json", "_result.json"), false),
    /** Directory of per-frame event files; removed from ilastik in 2026. */
    H5_EVENT_SEQUENCE("H5-Event-Sequence", List.of(), true);

    private final String displayName;
    private final List<String> suffixes;
    private final boolean directory;

    TrackingPlugin(String displayName, List<String> suffixes, boolean directory) {
        this.displayName = displayName;
        this.suffixes = suffixes;
        this.directory = directory;
    }

    /** ilastik's plugin name ({@code {result_type}}). */
    public String displayName() {
        return displayName;
    }

    /** Suffixes the plugin appends to the expanded path (empty for directory plugins). */
    public List<String> suffixes() {
        return suffixes;
    }

    /** Whether the expanded path is a directory the plugin fills. */
    public boolean directory() {
        return directory;
    }

    /** The plugin named {@code name} (case-insensitive), or null. */
    public static TrackingPlugin byName(String name) {
        for (TrackingPlugin p : values()) {
            if (p.displayName.toLowerCase(Locale.ROOT).equals(name.trim().toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        return null;
    }

    /** The names of all plugins, for messages. */
    public static String names() {
        StringBuilder b = new StringBuilder();
        for (TrackingPlugin p : values()) {
            b.append(b.isEmpty() ? "" : ", ").append(p.displayName);
        }
        return b.toString();
    }
}
