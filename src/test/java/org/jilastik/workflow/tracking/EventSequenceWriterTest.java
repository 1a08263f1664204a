package org.jilastik.workflow.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jilastik.workflow.tracking.export.EventSequenceWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The H5-Event-Sequence export of tracking-2dt against ilastik's eight files: the same datasets and groups, and
 * per dataset the same dtype, shape, values and {@code Format} attribute (labels in t,x,y,z,c order after merger
 * relabelling). Moves are compared in order except in frame 5, where the two moves out of the resolved merger's
 * parts follow a distance tie that sklearn's kd-tree orders differently; there they are compared as a set.
 */
class EventSequenceWriterTest {
    @TempDir
    Path tmp;

    @Test
    void writesIlastiksEventFiles() throws IOException {
        Trk2d in = new Trk2d();
        TrackingResult r = new ConservationTracker().track(in.frameLabels(), in.objects, Trk2d.PARAMS);
        EventSequenceWriter.write(r, tmp.resolve("events"));
        Path refDir = SolverIo.DIR.resolve("out/trk2d_raw-data_H5-Event-Sequence");
        try (Stream<Path> s = Files.list(tmp.resolve("events"))) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly("00000.h5",
                    "00001.h5", "00002.h5", "00003.h5", "00004.h5", "00005.h5", "00006.h5", "00007.h5");
        }
        for (int t = 0; t < Trk2d.T; t++) {
            String name = String.format("%05d.h5", t);
            try (HdfFile mine = new HdfFile(tmp.resolve("events").resolve(name));
                 HdfFile ref = new HdfFile(refDir.resolve(name))) {
                Map<String, Dataset> a = datasets(mine);
                Map<String, Dataset> b = datasets(ref);
                assertThat(a.keySet()).as("datasets of %s", name).containsExactlyElementsOf(b.keySet());
                assertThat(groups(mine)).as("groups of %s", name).isEqualTo(groups(ref));
                for (String path : b.keySet()) {
                    Dataset x = a.get(path);
                    Dataset y = b.get(path);
                    assertThat(x.getDataType().getJavaType()).as("%s %s", name, path)
                            .isEqualTo(y.getDataType().getJavaType());
                    assertThat(x.getDataType().getSize()).isEqualTo(y.getDataType().getSize());
                    assertThat(x.getDimensions()).as("%s %s", name, path).isEqualTo(y.getDimensions());
                    assertThat(x.getAttributes().keySet()).isEqualTo(y.getAttributes().keySet());
                    if (y.getAttributes().containsKey("Format")) {
                        assertThat(x.getAttribute("Format").getData()).isEqualTo(y.getAttribute("Format").getData());
                    }
                    List<Long> vx = values(x.getDataFlat());
                    List<Long> vy = values(y.getDataFlat());
                    if (t == 5 && path.equals("tracking/Moves")) {
                        assertThat(vx.subList(0, 20)).isEqualTo(vy.subList(0, 20));
                        assertThat(pairs(vx.subList(20, 24))).containsExactlyInAnyOrderElementsOf(
                                pairs(vy.subList(20, 24)));
                    } else {
                        assertThat(vx).as("%s %s", name, path).isEqualTo(vy);
                    }
                }
            }
        }
    }

    private static List<List<Long>> pairs(List<Long> v) {
        List<List<Long>> p = new ArrayList<>();
        for (int i = 0; i < v.size(); i += 2) {
            p.add(List.of(v.get(i), v.get(i + 1)));
        }
        return p;
    }

    private static List<Long> values(Object flat) {
        List<Long> l = new ArrayList<>();
        for (int i = 0; i < Array.getLength(flat); i++) {
            l.add(((Number) Array.get(flat, i)).longValue());
        }
        return l;
    }

    private static Map<String, Dataset> datasets(Group g) {
        Map<String, Dataset> m = new TreeMap<>();
        walk(g, m, new ArrayList<>());
        return m;
    }

    private static List<String> groups(Group g) {
        List<String> l = new ArrayList<>();
        walk(g, new TreeMap<>(), l);
        return l.stream().sorted().toList();
    }

    private static void walk(Group g, Map<String, Dataset> datasets, List<String> groups) {
        for (Node n : g.getChildren().values()) {
            String p = n.getPath().replaceFirst("^/", "");
            if (n instanceof Dataset d) {
                datasets.put(p, d);
            } else if (n instanceof Group c) {
                groups.add(p);
                walk(c, datasets, groups);
            }
        }
    }
}
