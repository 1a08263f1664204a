package org.jilastik.export.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jilastik.error.JilastikException;
import org.jilastik.workflow.objects.ObjectFeatures;
import org.jilastik.workflow.tracking.ConservationTracker;
import org.jilastik.workflow.tracking.TrackingResult;
import org.jilastik.workflow.tracking.graph.FinalGraph;
import org.jilastik.workflow.tracking.graph.HypothesesGraph;
import org.jilastik.workflow.tracking.graph.TrackNode;
import org.jilastik.workflow.tracking.solver.Solution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The Fiji-MaMuT writer on a hand-built result: a track through three frames, a division (track 3 → 4, 5), a
 * merger (tracks 2 and 4 into one spot of frame 2) and a single-spot track 6; exact element lines, attribute
 * values as Python prints them, the track/edge grouping by source track, the BDV reference, and the graph walk
 * that names spots by hytra uuid.
 */
class MamutXmlExportTest {
    private static final double THIRD = 10 + 1.0 / 3;

    private static ObjectFeatures frame(int count, double[] center, double[] radii, double[] mean) {
        Map<String, double[]> v = new HashMap<>();
        v.put("RegionCenter", center);
        v.put("RegionRadii", radii);
        v.put("Mean", mean);
        v.put("Coord<Minimum>", new double[2 * (count + 1)]);
        return new ObjectFeatures(count, v);
    }

    private static TrackedFeatures features() {
        List<ObjectFeatures> frames = List.of(
                frame(2, new double[] {0, 0, THIRD, 20.5, 30.1, 40}, new double[] {0, 0, 2.773215, 1, 3, 2},
                        new double[] {0, 1.0 / 3, Double.NaN}),
                frame(3, new double[] {0, 0, 11, 21, 32, 41, 34, 45}, new double[] {0, 0, 2, 1, 2, 1, 2, 1},
                        new double[] {0, 5, 6, 7}),
                frame(2, new double[] {0, 0, 20, 30, 60, 70}, new double[] {0, 0, 4, 3, 1.5, 1},
                        new double[] {0, 8, Double.POSITIVE_INFINITY}));
        return new TrackedFeatures(frames, List.of(
                new TrackedFeatures.Category("Standard Object Features", List.of("Mean", "RegionRadii"), true),
                new TrackedFeatures.Category(TrackedFeatures.DEFAULT, List.of("Coord<Minimum>", "RegionCenter"),
                        false)));
    }

    private static MamutGraph graph() {
        return new MamutGraph(List.of(new MamutGraph.Spot(0, 0, 1, 2), new MamutGraph.Spot(1, 0, 2, 3),
                new MamutGraph.Spot(2, 1, 1, 2), new MamutGraph.Spot(3, 1, 2, 4), new MamutGraph.Spot(4, 1, 3, 5),
                new MamutGraph.Spot(6, 2, 1, 2), new MamutGraph.Spot(7, 2, 2, 6)),
                List.of(new MamutGraph.Link(0, 2, 2), new MamutGraph.Link(1, 3, 3), new MamutGraph.Link(1, 4, 3),
                        new MamutGraph.Link(2, 6, 2), new MamutGraph.Link(3, 6, 4)));
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> elements(Element parent, String tag) {
        NodeList l = parent.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < l.getLength(); i++) {
            out.add((Element) l.item(i));
        }
        return out;
    }

    private static List<String> lines(String xml) {
        return xml.lines().map(String::strip).toList();
    }

    @Test
    void spotsCarryIlastiksAttributesInItsOrder() {
        String xml = MamutXmlExport.xml(graph(), features(), "bdv/raw.xml");
        // POSITION_X/Y float32 (numpy str), RADIUS the float32 product as a double, features float32 or double,
        // NaN -> 0.0, then Track_color (fraction of 3 x 0.618...) and LabelimageId
        assertThat(lines(xml)).contains("<Spot ID=\"0\" name=\"track-2\" VISIBILITY=\"1\" POSITION_T=\"0.0\" "
                + "POSITION_Z=\"0.0\" POSITION_Y=\"20.5\" RADIUS=\"5.5464301109313965\" FRAME=\"0\" "
                + "POSITION_X=\"10.333333\" QUALITY=\"3.0\" Mean_0=\"0.33333334\" RegionRadii_0=\"2.773215\" "
                + "RegionRadii_1=\"1.0\" Coord_Minimum_0=\"0.0\" Coord_Minimum_1=\"0.0\" "
                + "RegionCenter_0=\"10.333333333333334\" RegionCenter_1=\"20.5\" Track_color=\"0.2360679774997898\" "
                + "LabelimageId=\"1\" />");
        assertThat(lines(xml)).contains("<Spot ID=\"1\" name=\"track-3\" VISIBILITY=\"1\" POSITION_T=\"0.0\" "
                + "POSITION_Z=\"0.0\" POSITION_Y=\"40.0\" RADIUS=\"6.0\" FRAME=\"0\" POSITION_X=\"30.1\" "
                + "QUALITY=\"3.0\" Mean_0=\"0.0\" RegionRadii_0=\"3.0\" RegionRadii_1=\"2.0\" Coord_Minimum_0=\"0.0\" "
                + "Coord_Minimum_1=\"0.0\" RegionCenter_0=\"30.1\" RegionCenter_1=\"40.0\" "
                + "Track_color=\"0.8541019662496847\" LabelimageId=\"2\" />");
        // +inf in a float32 feature becomes float32's largest value (numpy.nan_to_num)
        assertThat(xml).contains("POSITION_T=\"2.0\"").contains("Mean_0=\"3.4028235e+38\"");
    }

    @Test
    void declarationsFollowTheTemplateThenTheFeatureColumns() {
        List<String> l = lines(MamutXmlExport.xml(graph(), features(), "raw.xml"));
        int first = l.indexOf("<Feature feature=\"MANUAL_COLOR\" name=\"Manual spot color\" shortname=\"Spot color\" "
                + "dimension=\"NONE\" isint=\"true\" />");
        assertThat(first).isPositive();
        assertThat(l.subList(first + 1, first + 10)).containsExactly(
                "<Feature dimension=\"NONE\" feature=\"Mean_0\" name=\"Mean\" shortname=\"Mean_0\" isint=\"false\" />",
                "<Feature dimension=\"NONE\" feature=\"RegionRadii_0\" name=\"RegionRadii\" shortname=\"RegionRadii_0\""
                        + " isint=\"false\" />",
                "<Feature dimension=\"NONE\" feature=\"RegionRadii_1\" name=\"RegionRadii\" shortname=\"RegionRadii_1\""
                        + " isint=\"false\" />",
                "<Feature dimension=\"NONE\" feature=\"Coord_Minimum_0\" name=\"Coord_Minimum\" "
                        + "shortname=\"CoordMinimum_0\" isint=\"false\" />",
                "<Feature dimension=\"NONE\" feature=\"Coord_Minimum_1\" name=\"Coord_Minimum\" "
                        + "shortname=\"CoordMinimum_1\" isint=\"false\" />",
                "<Feature dimension=\"NONE\" feature=\"RegionCenter_0\" name=\"RegionCenter\" "
                        + "shortname=\"RegionCenter_0\" isint=\"false\" />",
                "<Feature dimension=\"NONE\" feature=\"RegionCenter_1\" name=\"RegionCenter\" "
                        + "shortname=\"RegionCenter_1\" isint=\"false\" />",
                "<Feature dimension=\"NONE\" feature=\"LabelimageId\" name=\"LabelimageId\" shortname=\"labelid\" "
                        + "isint=\"false\" />",
                "<Feature dimension=\"NONE\" feature=\"Track_color\" name=\"Track_color\" shortname=\"trackcol\" "
                        + "isint=\"false\" />");
        assertThat(l.get(first + 10)).isEqualTo("</SpotFeatures>");
        int tracks = l.indexOf("</TrackFeatures>");
        assertThat(l.get(tracks - 1)).isEqualTo("<Feature dimension=\"NONE\" feature=\"Track_color\" "
                + "name=\"Track_color\" shortname=\"trackcol\" isint=\"false\" />");
    }

    @Test
    void tracksGroupLinksBySourceTrackAndSkipTracksWithoutLinks() throws Exception {
        String xml = MamutXmlExport.xml(graph(), features(), "data/bdv/raw.xml");
        Element root = parse(xml).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("TrackMate");
        assertThat(root.getAttribute("version")).isEqualTo("3.4.0");
        Element allSpots = elements(root, "AllSpots").getFirst();
        assertThat(allSpots.getAttribute("nspots")).isEqualTo("7");
        List<String> frames = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Element f : elements(allSpots, "SpotsInFrame")) {
            frames.add(f.getAttribute("frame"));
            for (Element s : elements(f, "Spot")) {
                ids.add(f.getAttribute("frame") + ":" + s.getAttribute("ID") + ":" + s.getAttribute("FRAME"));
            }
        }
        assertThat(frames).containsExactly("0", "1", "2");
        assertThat(ids).containsExactly("0:0:0", "0:1:0", "1:2:1", "1:3:1", "1:4:1", "2:6:2", "2:7:2");
        List<String> tracks = new ArrayList<>();
        for (Element t : elements(root, "Track")) {
            StringBuilder b = new StringBuilder(t.getAttribute("TRACK_ID") + "/" + t.getAttribute("name") + "/"
                    + t.getAttribute("TRACK_INDEX") + ":");
            for (Element e : elements(t, "Edge")) {
                b.append(' ').append(e.getAttribute("SPOT_SOURCE_ID")).append("->")
                        .append(e.getAttribute("SPOT_TARGET_ID")).append(e.getAttribute("LINK_COST"));
            }
            tracks.add(b.toString());
        }
        // the division (1 -> 3, 1 -> 4) sits in the parent's track 3; the merger spot 6 is the target of track 2's
        // and track 4's links; tracks 5 and 6 have no link and no Track element
        assertThat(tracks).containsExactly("2/Track_2/2: 0->20.0 2->60.0", "3/Track_3/3: 1->30.0 1->40.0",
                "4/Track_4/4: 3->60.0");
        assertThat(elements(root, "TrackID").stream().map(e -> e.getAttribute("TRACK_ID")).toList())
                .containsExactly("2", "3", "4");
        Element image = elements(root, "ImageData").getFirst();
        assertThat(image.getParentNode().getNodeName()).isEqualTo("Settings");
        assertThat(image.getAttribute("filename")).isEqualTo("raw.xml");
        assertThat(image.getAttribute("folder")).isEqualTo("data/bdv");
        assertThat(lines(xml)).contains("<Track TRACK_ID=\"2\" name=\"Track_2\" TRACK_INDEX=\"2\" "
                + "Track_color=\"0.2360679774997898\">");
    }

    @Test
    void bdvFolderIsPythonsDirnameAndValuesAreEscaped() throws Exception {
        Map<String, String[]> cases = Map.of("raw.xml", new String[] {"", "raw.xml"}, "/raw.xml",
                new String[] {"/", "raw.xml"}, "a//b/raw.xml", new String[] {"a//b", "raw.xml"},
                "/d&<\"é/r.xml", new String[] {"/d&<\"é", "r.xml"});
        for (var c : cases.entrySet()) {
            String xml = MamutXmlExport.xml(graph(), features(), c.getKey());
            assertThat(xml.chars().allMatch(ch -> ch < 0x80)).isTrue();
            Element image = elements(parse(xml).getDocumentElement(), "ImageData").getFirst();
            assertThat(image.getAttribute("folder")).as(c.getKey()).isEqualTo(c.getValue()[0]);
            assertThat(image.getAttribute("filename")).as(c.getKey()).isEqualTo(c.getValue()[1]);
        }
    }

    @Test
    void noActiveNodeGivesEmptyCollectionsAndNoFeatureDeclarations() throws Exception {
        String xml = MamutXmlExport.xml(new MamutGraph(List.of(), List.of()), features(), "raw.xml");
        Element root = parse(xml).getDocumentElement();
        assertThat(elements(root, "AllSpots").getFirst().getAttribute("nspots")).isEqualTo("0");
        assertThat(elements(root, "Spot")).isEmpty();
        assertThat(elements(root, "Track")).isEmpty();
        assertThat(elements(root, "Feature")).hasSize(11 + 6 + 14);
    }

    @Test
    void missingRegionRadiiIsOneSentence() {
        TrackedFeatures f = features();
        List<ObjectFeatures> frames = new ArrayList<>();
        for (ObjectFeatures o : f.frames()) {
            Map<String, double[]> v = new HashMap<>(o.values());
            v.remove("RegionRadii");
            frames.add(new ObjectFeatures(o.count(), v));
        }
        TrackedFeatures without = new TrackedFeatures(frames, List.of(f.categories().get(1)));
        assertThatThrownBy(() -> MamutXmlExport.xml(graph(), without, "raw.xml"))
                .isInstanceOf(JilastikException.class).hasMessageContaining("RegionRadii")
                .hasMessageContaining("Fiji-MaMuT");
    }

    @Test
    void writesUnderTheFinalNameOnly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("x_mamut.xml");
        assertThat(MamutXmlExport.write(file, graph(), features(), "raw.xml")).isEqualTo(file);
        assertThat(Files.readString(file)).isEqualTo(MamutXmlExport.xml(graph(), features(), "raw.xml"));
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("x_mamut.xml");
        }
    }

    @Test
    void shortNamesAbbreviateAsIlastik() {
        assertThat(MamutFeatureNames.feature("Coord<Minimum>")).isEqualTo("Coord_Minimum");
        assertThat(MamutFeatureNames.feature("Kurtosis in neighborhood")).isEqualTo("Kurtosisinneighborhood");
        assertThat(MamutFeatureNames.shortName("Coord_Minimum")).isEqualTo("CoordMinimum");
        assertThat(MamutFeatureNames.shortName("RegionCenter")).isEqualTo("RegionCenter");
        assertThat(MamutFeatureNames.shortName("Kurtosisinneighborhood")).isEqualTo("Ku");
        assertThat(MamutFeatureNames.shortName("ChildrenRatio_SquaredDistances")).isEqualTo("ChSqu");
        assertThat(MamutFeatureNames.shortName("Weighted_RegionCenter")).isEqualTo("WeRegCen");
        assertThat(MamutFeatureNames.shortName("AverageLength_ab")).isEqualTo("Avab");
    }

    @Test
    void graphNamesSpotsByUuidAndFilesLinksUnderTheSourceTrack() {
        HypothesesGraph g = new HypothesesGraph();
        int[][] nodes = {{0, 1}, {0, 2}, {1, 1}, {1, 2}, {1, 3}, {1, 4}};
        for (int[] n : nodes) {
            g.addNode(new TrackNode(n[0], n[1], new double[] {0, 0}, null, Double.NaN));
        }
        g.addLink(0, 2);
        g.addLink(0, 3);
        g.addLink(1, 3);
        g.addLink(1, 4);
        g.addLink(1, 5);
        Solution s = new Solution(new int[] {1, 1, 1, 1, 1, 0}, new int[] {1, 0, 1, 1, 0},
                new boolean[] {false, true, false, false, false, false});
        FinalGraph fin = new FinalGraph(g, new int[] {10, 11, 12, 13, 14, 15}, s, new int[6]);
        List<TrackingResult.Node> rn = List.of(new TrackingResult.Node(0, 1, 1, 2, 2, 0, 0),
                new TrackingResult.Node(0, 2, 1, 3, 3, 0, 0), new TrackingResult.Node(1, 1, 1, 2, 2, 0, 0),
                new TrackingResult.Node(1, 2, 1, 4, 3, 3, 0), new TrackingResult.Node(1, 3, 1, 5, 3, 3, 0),
                new TrackingResult.Node(1, 4, 0, -1, -1, 0, 0));
        TrackingResult result = new TrackingResult(rn, null, List.of(), List.of(), List.of());
        MamutGraph m = MamutGraph.of(new ConservationTracker.Tracked(result, fin, null, null));
        assertThat(m.spots()).containsExactly(new MamutGraph.Spot(10, 0, 1, 2), new MamutGraph.Spot(11, 0, 2, 3),
                new MamutGraph.Spot(12, 1, 1, 2), new MamutGraph.Spot(13, 1, 2, 4), new MamutGraph.Spot(14, 1, 3, 5));
        assertThat(m.links()).containsExactly(new MamutGraph.Link(10, 12, 2), new MamutGraph.Link(11, 13, 3),
                new MamutGraph.Link(11, 14, 3));
    }
}
