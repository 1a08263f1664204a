package org.jilastik.export.tracking;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jilastik.error.JilastikException;
import org.jilastik.io.json.PyJson;
import org.jilastik.workflow.objects.ObjectFeatures;

/**
 * ilastik's {@code Fiji-MaMuT} tracking export (plugin of the separate {@code mamutexport} package, spec tracking
 * §3): {@code <name>_mamut.xml}, a TrackMate 3.4.0 / MaMuT document made from mamutexport's template (the standard
 * spot, edge and track feature declarations and analyzer settings) plus
 * <ul>
 * <li>spot feature declarations ({@code dimension="NONE"}, {@code isint="false"}) for every component of every
 * exported object feature ({@code <name>_<i>}, named by {@link MamutFeatureNames}), then {@code LabelimageId} and
 * {@code Track_color}; the track feature {@code Track_color};</li>
 * <li>{@code AllSpots nspots}: one {@code SpotsInFrame} per frame with active nodes, one {@code Spot} per active
 * node in graph order: {@code ID} = hytra uuid, {@code name="track-<trackId>"}, {@code POSITION_X/Y/Z} = the
 * float32 RegionCenter (Z 0.0 in 2-D), {@code RADIUS} = 2 × RegionRadii[0] (float32 product),
 * {@code QUALITY="3.0"}, then one attribute per feature component, {@code Track_color} and {@code LabelimageId};</li>
 * <li>{@code AllTracks}: one {@code Track} per track id that is the source track of an active link, in order of its
 * first link; each link an {@code Edge} with {@code LINK_COST="0.0"} in its source's track (divisions are two such
 * edges in the parent's track); {@code FilteredTracks} lists the same tracks;</li>
 * <li>{@code Settings/ImageData} referencing {@code --big_data_viewer_xml_file} as given (folder = its directory
 * part as Python's {@code os.path.dirname}, filename = its last part); the file itself is not read.</li>
 * </ul>
 * Numbers are printed as Python prints them (float32 values as numpy's {@code str}, NaN → 0, ±inf → ±max as
 * {@code numpy.nan_to_num}). ilastik draws {@code Track_color} with {@code numpy.random.random()}; jilastik uses the
 * deterministic {@link #trackColor}. Stateless, thread safe.
 */
public final class MamutXmlExport {
    private static final String[][] SPOT_FEATURES = {
        {"QUALITY", "Quality", "Quality", "QUALITY", "false"}, {"POSITION_X", "X", "X", "POSITION", "false"},
        {"POSITION_Y", "Y", "Y", "POSITION", "false"}, {"POSITION_Z", "Z", "Z", "POSITION", "false"},
        {"POSITION_T", "T", "T", "TIME", "false"}, {"FRAME", "Frame", "Frame", "NONE", "true"},
        {"RADIUS", "Radius", "R", "LENGTH", "false"}, {"VISIBILITY", "Visibility", "Visibility", "NONE", "true"},
        {"SOURCE_ID", "Source ID", "Source", "NONE", "true"},
        {"CELL_DIVISION_TIME", "Cell division time", "Cell div. time", "TIME", "false"},
        {"MANUAL_COLOR", "Manual spot color", "Spot color", "NONE", "true"}};
    private static final String[][] EDGE_FEATURES = {
        {"SPOT_SOURCE_ID", "Source spot ID", "Source ID", "NONE", "true"},
        {"SPOT_TARGET_ID", "Target spot ID", "Target ID", "NONE", "true"},
        {"LINK_COST", "Link cost", "Cost", "NONE", "false"}, {"VELOCITY", "Velocity", "V", "VELOCITY", "false"},
        {"DISPLACEMENT", "Displacement", "D", "LENGTH", "false"},
        {"MANUAL_COLOR", "Manual edge color", "Edge color", "NONE", "true"}};
    private static final String[][] TRACK_FEATURES = {
        {"TRACK_INDEX", "Track index", "Index", "NONE", "true"}, {"TRACK_ID", "Track ID", "ID", "NONE", "true"},
        {"TRACK_DURATION", "Duration of track", "Duration", "TIME", "false"},
        {"TRACK_START", "Track start", "T start", "TIME", "false"},
        {"TRACK_STOP", "Track stop", "T stop", "TIME", "false"},
        {"TRACK_DISPLACEMENT", "Track displacement", "Displacement", "LENGTH", "false"},
        {"NUMBER_SPOTS", "Number of spots in track", "N spots", "NONE", "true"},
        {"NUMBER_GAPS", "Number of gaps", "Gaps", "NONE", "true"},
        {"LONGEST_GAP", "Longest gap", "Longest gap", "NONE", "true"},
        {"NUMBER_SPLITS", "Number of split events", "Splits", "NONE", "true"},
        {"NUMBER_MERGES", "Number of merge events", "Merges", "NONE", "true"},
        {"NUMBER_COMPLEX", "Complex points", "Complex", "NONE", "true"},
        {"DIVISION_TIME_MEAN", "Mean cell division time", "Mean div. time", "TIME", "false"},
        {"DIVISION_TIME_STD", "Std cell division time", "Std div. time", "TIME", "false"}};
    private static final String[][] ANALYZERS = {
        {"SpotAnalyzers", "Spot Source ID", "CELL_DIVISION_TIME_ON_SPOTS", "MANUAL_SPOT_COLOR_ANALYZER"},
        {"EdgeAnalyzers", "Edge target", "Edge velocity", "MANUAL_EDGE_COLOR_ANALYZER"},
        {"TrackAnalyzers", "Track index", "Track duration", "Branching analyzer", "CELL_DIVISION_TIME_ANALYZER"}};
    private static final double GOLDEN = 0.6180339887498949;

    private MamutXmlExport() {
    }

    /**
     * Writes {@code file} (the plugin's {@code _mamut.xml} suffix already added) under its final name only when
     * complete.
     *
     * @param bdvXml {@code --big_data_viewer_xml_file} as given on the command line
     * @throws JilastikException (processing) when RegionRadii was not computed or the file cannot be written
     */
    public static Path write(Path file, MamutGraph graph, TrackedFeatures features, String bdvXml) {
        return TextOutput.write(file, xml(graph, features, bdvXml));
    }

    /** The document text. */
    static String xml(MamutGraph graph, TrackedFeatures features, String bdvXml) {
        XmlLines x = new XmlLines();
        x.open("TrackMate", "version", "3.4.0");
        x.open("Model", "spatialunits", "pixels", "timeunits", "frames");
        // ilastik declares the object features only when there is an active node
        declarations(x, !graph.spots().isEmpty(), graph.spots().isEmpty() ? List.of() : columns(features));
        spots(x, graph.spots(), features);
        tracks(x, graph.links());
        x.close("Model");
        x.open("Settings");
        x.empty("InitialSpotFilter", "feature", "QUALITY", "value", "0.0", "isabove", "true");
        x.empty("SpotFilterCollection").empty("TrackFilterCollection").open("AnalyzerCollection");
        for (String[] group : ANALYZERS) {
            x.open(group[0]);
            for (int i = 1; i < group.length; i++) {
                x.empty("Analyzer", "key", group[i]);
            }
            x.close(group[0]);
        }
        x.close("AnalyzerCollection");
        int cut = bdvXml.lastIndexOf('/') + 1;
        x.empty("ImageData", "filename", bdvXml.substring(cut), "folder", dirname(bdvXml.substring(0, cut)),
                "height", "0", "nframes", "0", "nslices", "0", "pixelheight", "1.0", "pixelwidth", "1.0",
                "timeinterval", "1.0", "voxeldepth", "1.0", "width", "0");
        x.close("Settings");
        x.close("TrackMate");
        return x.text();
    }

    /**
     * The colour value of track {@code trackId}, in [0, 1): the fractional part of trackId × (√5 − 1)/2, which
     * spreads consecutive ids over the colour map (ilastik draws a random number instead).
     */
    public static double trackColor(int trackId) {
        double v = trackId * GOLDEN;
        return v - Math.floor(v);
    }

    /** One exported feature component: the attribute name, the feature, its column, float32 or double. */
    record Column(String attribute, String feature, String vigraName, int column, boolean float32) {
    }

    static List<Column> columns(TrackedFeatures features) {
        List<Column> out = new ArrayList<>();
        ObjectFeatures sample = features.frames().isEmpty() ? null : features.frames().getFirst();
        for (TrackedFeatures.Category c : features.categories()) {
            for (String f : c.features()) {
                if (sample == null || !sample.has(f)) {
                    continue;
                }
                String name = MamutFeatureNames.feature(f);
                for (int j = 0; j < sample.width(f); j++) {
                    out.add(new Column(name + "_" + j, name, f, j, c.float32()));
                }
            }
        }
        return out;
    }

    private static void declarations(XmlLines x, boolean any, List<Column> columns) {
        x.open("FeatureDeclarations").open("SpotFeatures");
        standard(x, SPOT_FEATURES);
        for (Column c : columns) {
            String shortName = MamutFeatureNames.shortName(c.feature()) + "_" + c.column();
            x.empty("Feature", "dimension", "NONE", "feature", c.attribute(), "name", c.feature(), "shortname",
                    shortName, "isint", "false");
        }
        if (any) {
            x.empty("Feature", "dimension", "NONE", "feature", "LabelimageId", "name", "LabelimageId", "shortname",
                    "labelid", "isint", "false");
            x.empty("Feature", "dimension", "NONE", "feature", "Track_color", "name", "Track_color", "shortname",
                    "trackcol", "isint", "false");
        }
        x.close("SpotFeatures").open("EdgeFeatures");
        standard(x, EDGE_FEATURES);
        x.close("EdgeFeatures").open("TrackFeatures");
        standard(x, TRACK_FEATURES);
        if (any) {
            x.empty("Feature", "dimension", "NONE", "feature", "Track_color", "name", "Track_color", "shortname",
                    "trackcol", "isint", "false");
        }
        x.close("TrackFeatures").close("FeatureDeclarations");
    }

    private static void standard(XmlLines x, String[][] rows) {
        for (String[] r : rows) {
            x.empty("Feature", "feature", r[0], "name", r[1], "shortname", r[2], "dimension", r[3], "isint", r[4]);
        }
    }

    private static void spots(XmlLines x, List<MamutGraph.Spot> spots, TrackedFeatures features) {
        if (spots.isEmpty()) {
            x.empty("AllSpots", "nspots", "0");
            return;
        }
        List<Column> columns = columns(features);
        x.open("AllSpots", "nspots", Integer.toString(spots.size()));
        // ilastik groups spots by frame in order of each frame's first spot (graph order is frame-major, so the
        // frames ascend; resolved merger parts at the end of the graph join their frame's group)
        Map<Integer, List<MamutGraph.Spot>> byFrame = new LinkedHashMap<>();
        for (MamutGraph.Spot s : spots) {
            byFrame.computeIfAbsent(s.frame(), k -> new ArrayList<>()).add(s);
        }
        for (var e : byFrame.entrySet()) {
            x.open("SpotsInFrame", "frame", Integer.toString(e.getKey()));
            for (MamutGraph.Spot s : e.getValue()) {
                x.empty("Spot", MamutSpotAttributes.of(s, features.frames().get(s.frame()), columns));
            }
            x.close("SpotsInFrame");
        }
        x.close("AllSpots");
    }

    private static void tracks(XmlLines x, List<MamutGraph.Link> links) {
        Map<Integer, List<MamutGraph.Link>> byTrack = new LinkedHashMap<>();
        for (MamutGraph.Link l : links) {
            byTrack.computeIfAbsent(l.trackId(), k -> new ArrayList<>()).add(l);
        }
        if (byTrack.isEmpty()) {
            x.empty("AllTracks").empty("FilteredTracks");
            return;
        }
        x.open("AllTracks");
        for (var e : byTrack.entrySet()) {
            String id = Integer.toString(e.getKey());
            x.open("Track", "TRACK_ID", id, "name", "Track_" + id, "TRACK_INDEX", id, "Track_color",
                    PyJson.pyFloat(trackColor(e.getKey())));
            for (MamutGraph.Link l : e.getValue()) {
                x.empty("Edge", "SPOT_SOURCE_ID", Integer.toString(l.source()), "SPOT_TARGET_ID",
                        Integer.toString(l.target()), "LINK_COST", "0.0", "VELOCITY", "0.0", "DISPLACEMENT", "0.0");
            }
            x.close("Track");
        }
        x.close("AllTracks");
        x.open("FilteredTracks");
        for (Integer id : byTrack.keySet()) {
            x.empty("TrackID", "TRACK_ID", Integer.toString(id));
        }
        x.close("FilteredTracks");
    }

    // Python's os.path.dirname of a path whose last part was cut off: trailing slashes go unless it is all slashes
    private static String dirname(String head) {
        if (head.isEmpty() || head.chars().allMatch(c -> c == '/')) {
            return head;
        }
        int end = head.length();
        while (end > 0 && head.charAt(end - 1) == '/') {
            end--;
        }
        return head.substring(0, end);
    }
}
