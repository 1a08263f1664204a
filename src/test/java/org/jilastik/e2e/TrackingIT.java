package org.jilastik.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jilastik.io.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every command of the tracking-2dt reference case (README "Commands"; BASE written out), run through the jar, and
 * every file it writes compared with ilastik's: the three label images exactly (values and metadata), the CSV-Table
 * by column name as text, CellTrackingChallenge, Contours and Multi-Worm-Tracker byte for byte (masks by value),
 * JSON as parsed values and H5-Event-Sequence dataset by dataset; Fiji-MaMuT (no ilastik reference) against the
 * CSV-Table and JSON; the refusal of Contours-With-Head on 1-channel raw data (exit 1, one sentence); the default
 * output names. Passes once the conservation-tracking solver
 * and the 2-D skeleton features are in the build.
 */
class TrackingIT {
    private static final String CASE = "tracking-2dt";
    private static final Path REF = CaseReadme.CASES.resolve(CASE).resolve("out");
    private static final List<String> BASE = List.of("--headless", "--project=trk2d_tracking.ilp",
            "--raw_data=trk2d_raw.h5/data", "--segmentation_image=trk2d_seg.h5/data");

    private static List<String> args(String... more) {
        List<String> a = new ArrayList<>(BASE);
        a.addAll(List.of(more));
        return a;
    }

    private static Jilastik.Result ok(Path work, List<String> args) {
        Jilastik.Result r = Jilastik.run(work, Map.of(), args);
        assertThat(r.exitCode()).as(r.describe()).isZero();
        return r;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Tracking-Result", "Merger-Result", "Object-Identities"})
    void labelImagesEqualIlastiks(String source, @TempDir Path dir) throws IOException {
        Path work = Workspace.of(CASE, dir);
        ok(work, args("--export_source=" + source, "--output_format=hdf5",
                "--output_filename_format=out/{nickname}_{result_type}.h5"));
        String name = "trk2d_raw-data_" + source + ".h5";
        assertThat(Workspace.filesUnder(work.resolve("out"))).containsExactly(name);
        ExportedFile ours = ExportedFile.read(work.resolve("out").resolve(name), "exported_data");
        ExportedFile theirs = ExportedFile.read(REF.resolve(name), "exported_data");
        Tolerance.sameMetadata(ours, theirs);
        Tolerance.identical(ours, theirs);
    }

    @Test
    void exactSolverGivesIlastiksTracksHere(@TempDir Path dir) throws IOException {
        // on tracking-2dt ilastik's flow-based answer is the unique optimum (spec tracking §6), so the exact solver
        // must paint the same lineages
        Path work = Workspace.of(CASE, dir);
        ok(work, args("--export_source=Tracking-Result", "--output_format=hdf5", "--tracking_solver=exact",
                "--output_filename_format=out/{nickname}_{result_type}.h5"));
        String name = "trk2d_raw-data_Tracking-Result.h5";
        Tolerance.identical(ExportedFile.read(work.resolve("out").resolve(name), "exported_data"),
                ExportedFile.read(REF.resolve(name), "exported_data"));
    }

    @Test
    void csvTableEqualsIlastiksByColumnName(@TempDir Path dir) throws IOException {
        Path work = Workspace.of(CASE, dir);
        ok(work, plugin("CSV-Table"));
        String name = "trk2d_raw-data_CSV-Table.csv";
        assertThat(Workspace.filesUnder(work.resolve("out"))).containsExactly(name);
        Map<String, List<String>> ours = columns(work.resolve("out").resolve(name));
        Map<String, List<String>> theirs = columns(REF.resolve(name));
        assertThat(ours.keySet()).isEqualTo(theirs.keySet());
        for (String c : theirs.keySet()) {
            assertThat(ours.get(c)).as(c).containsExactlyElementsOf(theirs.get(c));
        }
    }

    @Test
    void cellTrackingChallengeEqualsIlastiks(@TempDir Path dir) throws IOException {
        Path work = Workspace.of(CASE, dir);
        ok(work, plugin("CellTrackingChallenge"));
        String d = "trk2d_raw-data_CellTrackingChallenge";
        assertThat(Workspace.filesUnder(work.resolve("out"))).isEqualTo(Workspace.filesUnder(REF).stream()
                .filter(f -> f.startsWith(d + "/")).toList());
        assertThat(Files.readString(work.resolve("out").resolve(d).resolve("res_track.txt")))
                .isEqualTo(Files.readString(REF.resolve(d).resolve("res_track.txt")));
        for (int t = 0; t < 8; t++) {
            String mask = String.format("mask%03d.tif", t);
            Tolerance.identical(ExportedFile.read(work.resolve("out").resolve(d).resolve(mask), null),
                    ExportedFile.read(REF.resolve(d).resolve(mask), null));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Contours", "Multi-Worm-Tracker"})
    void textPluginsEqualIlastiksByteForByte(String plugin, @TempDir Path dir) throws IOException {
        Path work = Workspace.of(CASE, dir);
        ok(work, plugin(plugin));
        List<String> expected = Workspace.filesUnder(REF).stream()
                .filter(f -> f.startsWith("trk2d_raw-data_" + plugin + ".")).toList();
        assertThat(expected).isNotEmpty();
        assertThat(Workspace.filesUnder(work.resolve("out"))).isEqualTo(expected);
        for (String f : expected) {
            assertThat(Files.readString(work.resolve("out").resolve(f))).as(f).isEqualTo(Files.readString(REF
                    .resolve(f)));
        }
    }

    @Test
    void jsonEqualsIlastiksAsParsedValues(@TempDir Path dir) throws IOException {
        Path work = Workspace.of(CASE, dir);
        ok(work, plugin("JSON"));
        for (String f : List.of("trk2d_raw-data_JSON_graph.json", "trk2d_raw-data_JSON_result.json")) {
            Object ours = Json.parse(Files.readString(work.resolve("out").resolve(f)));
            Object theirs = Json.parse(Files.readString(REF.resolve(f)));
            assertSameJson(f, ours, theirs);
        }
    }

    @Test
    void h5EventSequenceEqualsIlastiksDatasetByDataset(@TempDir Path dir) throws IOException {
        Path work = Workspace.of(CASE, dir);
        ok(work, plugin("H5-Event-Sequence"));
        String d = "trk2d_raw-data_H5-Event-Sequence";
        List<String> expected = Workspace.filesUnder(REF).stream().filter(f -> f.startsWith(d + "/")).toList();
        assertThat(Workspace.filesUnder(work.resolve("out"))).isEqualTo(expected);
        for (String f : expected) {
            assertThat(datasets(work.resolve("out").resolve(f))).as(f).isEqualTo(datasets(REF.resolve(f)));
        }
    }

    @Test
    void contoursWithHeadOnOneChannelIsOneSentenceAndExitOne(@TempDir Path dir) throws IOException {
        Path work = Workspace.of(CASE, dir);
        Jilastik.Result r = Jilastik.run(work, Map.of(), plugin("Contours-With-Head"));
        assertThat(r.exitCode()).as(r.describe()).isEqualTo(1);
        assertThat(r.stderr()).as(r.describe()).hasSize(1);
        assertThat(r.stderr().getFirst()).contains("Contours-With-Head").contains("3 channels");
        assertThat(Workspace.filesUnder(work.resolve("out"))).isEmpty();
    }

    @Test
    void fijiMamutXmlAgreesWithIlastiksCsvAndGraph(@TempDir Path dir) throws Exception {
        // no ilastik reference for this plugin (mamutexport was not obtainable): the MaMuT XML is checked against
        // ilastik's CSV-Table (objects, frames, tracks, divisions, centres, sizes) and JSON (uuids, active links)
        Path work = Workspace.of(CASE, dir);
        Files.createDirectories(work.resolve("bdv"));
        Files.writeString(work.resolve("bdv/trk2d_bdv.xml"), "<SpimData version=\"0.2\"><BasePath type=\"relative\">"
                + ".</BasePath></SpimData>\n");
        List<String> a = plugin("Fiji-MaMuT");
        a.add("--big_data_viewer_xml_file=bdv/trk2d_bdv.xml");
        ok(work, a);
        String name = "trk2d_raw-data_Fiji-MaMuT_mamut.xml";
        assertThat(Workspace.filesUnder(work.resolve("out"))).containsExactly(name);
        Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(work.resolve("out").resolve(name).toFile()).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("TrackMate");

        Map<String, List<String>> csv = columns(REF.resolve("trk2d_raw-data_CSV-Table.csv"));
        Map<String, Integer> row = new HashMap<>(); // "frame:label" -> CSV row of a tracked object
        for (int i = 0; i < csv.get("frame").size(); i++) {
            if (!csv.get("trackId").get(i).equals("-1")) {
                row.put(csv.get("frame").get(i) + ":" + csv.get("labelimageId").get(i), i);
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Number>> uuids = (Map<String, Map<String, Number>>) ((Map<String, Object>) Json.parse(
                Files.readString(REF.resolve("trk2d_raw-data_JSON_graph.json")))).get("traxelToUniqueId");

        List<Element> spots = elements(root, "Spot");
        assertThat(elements(root, "AllSpots").getFirst().getAttribute("nspots"))
                .isEqualTo(Integer.toString(row.size()));
        assertThat(spots).hasSize(row.size());
        Map<String, Integer> rowOfSpot = new HashMap<>();
        for (Element s : spots) {
            String frame = s.getAttribute("FRAME");
            String key = frame + ":" + s.getAttribute("LabelimageId");
            Integer i = row.get(key);
            assertThat(i).as(key).isNotNull();
            assertThat(((Element) s.getParentNode()).getAttribute("frame")).isEqualTo(frame);
            assertThat(s.getAttribute("POSITION_T")).isEqualTo(frame + ".0");
            assertThat(s.getAttribute("ID")).as(key).isEqualTo(uuids.get(frame).get(s.getAttribute("LabelimageId"))
                    .toString());
            assertThat(s.getAttribute("name")).as(key).isEqualTo("track-" + csv.get("trackId").get(i));
            // CSV centres are truncated (%d); the spot keeps the float32 centre
            double x = Double.parseDouble(s.getAttribute("POSITION_X"));
            double y = Double.parseDouble(s.getAttribute("POSITION_Y"));
            assertThat((long) x).as(key).isEqualTo(Long.parseLong(csv.get("Center_of_the_object_0").get(i)));
            assertThat((long) y).as(key).isEqualTo(Long.parseLong(csv.get("Center_of_the_object_1").get(i)));
            assertThat(Float.parseFloat(s.getAttribute("POSITION_X"))).as(key)
                    .isEqualTo((float) Double.parseDouble(s.getAttribute("RegionCenter_0")));
            assertThat(s.getAttribute("POSITION_Z")).isEqualTo("0.0");
            // the CSV prints float32 features %f: the spot's float32 values printed so must give the same text
            // (RADIUS is twice the float32 RegionRadii, so halving it is exact)
            float radius = (float) (Double.parseDouble(s.getAttribute("RADIUS")) / 2);
            assertThat(String.format(Locale.ROOT, "%.6f", (double) radius)).as(key)
                    .isEqualTo(csv.get("Radii_of_the_object_0").get(i));
            float mean = Float.parseFloat(s.getAttribute("Mean_0"));
            assertThat(String.format(Locale.ROOT, "%.6f", (double) mean)).as(key)
                    .isEqualTo(csv.get("Mean_Intensity_0").get(i));
            assertThat(Double.parseDouble(s.getAttribute("Count_0"))).as(key)
                    .isEqualTo(Double.parseDouble(csv.get("Size_in_pixels_0").get(i)));
            assertThat(rowOfSpot.put(s.getAttribute("ID"), i)).as("unique ID " + key).isNull();
        }

        // every active link of ilastik's final graph is one Edge, filed under its source's track; the target
        // continues that track or starts a child track of it (division)
        List<Map<String, Object>> links = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> linking = (List<Map<String, Object>>) ((Map<String, Object>) Json.parse(
                Files.readString(REF.resolve("trk2d_raw-data_JSON_result.json")))).get("linkingResults");
        for (Map<String, Object> l : linking) {
            if (((Number) l.get("value")).intValue() > 0) {
                links.add(l);
            }
        }
        List<String> expectedEdges = links.stream().map(l -> l.get("src") + "->" + l.get("dest")).sorted().toList();
        List<String> edges = new ArrayList<>();
        java.util.Set<String> sourceTracks = new java.util.HashSet<>();
        for (Element t : elements(root, "Track")) {
            String track = t.getAttribute("TRACK_ID");
            assertThat(t.getAttribute("name")).isEqualTo("Track_" + track);
            sourceTracks.add(track);
            for (Element e : elements(t, "Edge")) {
                int src = rowOfSpot.get(e.getAttribute("SPOT_SOURCE_ID"));
                int dst = rowOfSpot.get(e.getAttribute("SPOT_TARGET_ID"));
                edges.add(e.getAttribute("SPOT_SOURCE_ID") + "->" + e.getAttribute("SPOT_TARGET_ID"));
                assertThat(csv.get("trackId").get(src)).isEqualTo(track);
                assertThat(Integer.parseInt(csv.get("frame").get(dst))).isEqualTo(
                        Integer.parseInt(csv.get("frame").get(src)) + 1);
                assertThat(csv.get("lineageId").get(dst)).isEqualTo(csv.get("lineageId").get(src));
                boolean continues = csv.get("trackId").get(dst).equals(track);
                boolean child = csv.get("parentTrackId").get(dst).equals(track);
                assertThat(continues || child).as(e.getAttribute("SPOT_SOURCE_ID") + "->"
                        + e.getAttribute("SPOT_TARGET_ID")).isTrue();
            }
        }
        assertThat(edges.stream().sorted().toList()).isEqualTo(expectedEdges);
        // spots - tracks + child tracks links: every object but the first of a root track has one incoming link
        long tracks = csv.get("trackId").stream().filter(v -> !v.equals("-1")).distinct().count();
        long children = csv.get("parentTrackId").stream().filter(v -> !v.equals("0")).count();
        assertThat(edges).hasSize((int) (row.size() - tracks + children));
        assertThat(elements(root, "TrackID").stream().map(e -> e.getAttribute("TRACK_ID")).toList())
                .containsExactlyInAnyOrderElementsOf(sourceTracks);
        Element image = elements(root, "ImageData").getFirst();
        assertThat(image.getAttribute("folder")).isEqualTo("bdv");
        assertThat(image.getAttribute("filename")).isEqualTo("trk2d_bdv.xml");
    }

    private static List<Element> elements(Element parent, String tag) {
        NodeList l = parent.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < l.getLength(); i++) {
            out.add((Element) l.item(i));
        }
        return out;
    }

    @Test
    void defaultNamesAreIlastiks(@TempDir Path dir) throws IOException {
        Path work = Workspace.of(CASE, dir);
        ok(work, args("--export_source=Tracking-Result"));
        assertThat(work.resolve("trk2d_raw-data_Tracking-Result.h5")).isRegularFile();
        Tolerance.identical(ExportedFile.read(work.resolve("trk2d_raw-data_Tracking-Result.h5"), "exported_data"),
                ExportedFile.read(REF.resolve("trk2d_raw-data_Tracking-Result.h5"), "exported_data"));
        ok(work, args("--export_source=Plugin", "--export_plugin=CSV-Table"));
        assertThat(columns(work.resolve("trk2d_raw-data_CSV-Table.csv")))
                .isEqualTo(columns(REF.resolve("trk2d_raw-data_CSV-Table.csv")));
    }

    private static List<String> plugin(String name) {
        return args("--export_source=Plugin", "--export_plugin=" + name,
                "--output_filename_format=out/{nickname}_{result_type}");
    }

    private static Map<String, List<String>> columns(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        String[] header = lines.getFirst().split(",");
        Map<String, List<String>> out = new HashMap<>();
        for (String h : header) {
            out.put(h, new ArrayList<>());
        }
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            for (int i = 0; i < header.length; i++) {
                out.get(header[i]).add(c[i]);
            }
        }
        return out;
    }

    // numbers within 1e-9 relative (JSON text of floats may differ in the last digit), everything else equal
    private static void assertSameJson(String at, Object ours, Object theirs) {
        if (theirs instanceof Number b && ours instanceof Number a) {
            double x = a.doubleValue();
            double y = b.doubleValue();
            assertThat(Math.abs(x - y)).as(at).isLessThanOrEqualTo(1e-9 * Math.max(1, Math.abs(y)));
        } else if (theirs instanceof Map<?, ?> mb && ours instanceof Map<?, ?> ma) {
            assertThat(ma.keySet()).as(at).isEqualTo(mb.keySet());
            for (Object k : mb.keySet()) {
                assertSameJson(at + "/" + k, ma.get(k), mb.get(k));
            }
        } else if (theirs instanceof List<?> lb0 && ours instanceof List<?> la0) {
            // links to two candidates at exactly the same distance come in the kd-tree's order in ilastik and in
            // object-id order in jilastik (docs/compatibility.md): compare link lists ordered by (src, dest)
            boolean links = at.endsWith("/linkingHypotheses") || at.endsWith("/linkingResults");
            List<?> la = links ? byLink(la0) : la0;
            List<?> lb = links ? byLink(lb0) : lb0;
            assertThat(la).as(at).hasSameSizeAs(lb);
            for (int i = 0; i < lb.size(); i++) {
                assertSameJson(at + "[" + i + "]", la.get(i), lb.get(i));
            }
        } else {
            assertThat(ours).as(at).isEqualTo(theirs);
        }
    }

    private static List<?> byLink(List<?> links) {
        List<Object> sorted = new ArrayList<>(links);
        sorted.sort(java.util.Comparator.<Object>comparingLong(o -> ((Number) ((Map<?, ?>) o).get("src")).longValue())
                .thenComparingLong(o -> ((Number) ((Map<?, ?>) o).get("dest")).longValue()));
        return sorted;
    }

    // every dataset of an HDF5 file, by path, as a printable value
    private static Map<String, String> datasets(Path file) {
        Map<String, String> out = new HashMap<>();
        try (HdfFile h = new HdfFile(file)) {
            collect(h, "", out);
        }
        return out;
    }

    private static void collect(Group g, String prefix, Map<String, String> out) {
        for (Map.Entry<String, Node> e : g.getChildren().entrySet()) {
            String path = prefix + "/" + e.getKey();
            if (e.getValue() instanceof Group sub) {
                collect(sub, path, out);
            } else if (e.getValue() instanceof Dataset d) {
                out.put(path, Arrays.toString(d.getDimensions()) + " " + d.getJavaType().getSimpleName() + " "
                        + (d.isEmpty() ? "empty" : Arrays.deepToString(new Object[] {d.getData()})));
            }
        }
    }
}
