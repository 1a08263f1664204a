package org.jilastik.export.tracking;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.io.hdf5.Hdf5Source;
import org.jilastik.project.ObjectSettings;
import org.jilastik.project.ObjectSettings.ObjectFeatureSpec;
import org.jilastik.project.TrackingSettings;
import org.jilastik.project.TrackingSettingsReader;
import org.jilastik.workflow.objects.FrameAccess;
import org.jilastik.workflow.objects.ObjectFeatureComputer;
import org.jilastik.workflow.objects.ObjectFeaturePlan;
import org.jilastik.workflow.objects.ObjectFeatures;
import org.jilastik.workflow.tracking.TrackingFrameLabels;
import org.jilastik.workflow.tracking.TrackingResult;

/**
 * A {@link TrackingResult} rebuilt from ilastik's tracking-2dt outputs, so the exports can be tested without the
 * solver: the nodes are the id columns of the reference CSV-Table (value 0 for rows without a track, else 1), the
 * object image is the reference Object-Identities, and the features are the Standard Object Features computed on
 * it (the 2-D skeleton and convex hull plugins are another branch's work).
 */
final class TrackingFixture {
    static final Path CASE = Path.of("../shared/testdata/ilastik-ref/tracking-2dt");
    static final Path OUT = CASE.resolve("out");
    static final int T = 8;
    static final int N = 128;

    final TrackingResult result;
    final List<int[]> identities;
    final TrackingSettings settings;

    private TrackingFixture() throws IOException {
        identities = frames(OUT.resolve("trk2d_raw-data_Object-Identities.h5"), "exported_data");
        List<TrackingResult.Node> nodes = new ArrayList<>();
        List<String> lines = Files.readAllLines(OUT.resolve("trk2d_raw-data_CSV-Table.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            int trackId = Integer.parseInt(c[2]);
            nodes.add(new TrackingResult.Node(Integer.parseInt(c[0]), Integer.parseInt(c[1]), trackId < 0 ? 0 : 1,
                    trackId, Integer.parseInt(c[3]), Integer.parseInt(c[4]), Integer.parseInt(c[5])));
        }
        result = new TrackingResult(nodes, new TrackingFrameLabels(identities, new long[] {N, N}), List.of(),
                List.of(), List.of());
        settings = TrackingSettingsReader.read(CASE.resolve("trk2d_tracking.ilp"));
    }

    static TrackingFixture load() {
        try {
            return new TrackingFixture();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The frames of a (t, y, x[, c]) dataset as flat int arrays. */
    static List<int[]> frames(Path file, String dataset) {
        List<int[]> out = new ArrayList<>();
        try (Hdf5Source s = Hdf5Source.open(file, dataset, null)) {
            long[] shape = s.shape();
            for (int t = 0; t < shape[0]; t++) {
                long[] start = new long[shape.length];
                long[] stop = shape.clone();
                start[0] = t;
                stop[0] = t + 1;
                Block b = s.read(new Box(start, stop));
                int[] f = new int[b.size()];
                for (int i = 0; i < f.length; i++) {
                    f[i] = (int) b.getDouble(i);
                }
                out.add(f);
            }
        }
        return out;
    }

    /** Standard Object Features (the project's selection) of the Object-Identities objects, per frame. */
    List<ObjectFeatures> standardFeatures() {
        List<ObjectFeatureSpec> standard = standardSpecs();
        ObjectFeaturePlan plan = ObjectFeaturePlan.of(new ObjectSettings(standard, List.of(),
                new long[] {512, 512, 512}, new long[] {64, 64, 64}, null, null));
        List<int[]> raw = frames(CASE.resolve("trk2d_raw.h5"), "data");
        List<ObjectFeatures> out = new ArrayList<>();
        for (int t = 0; t < T; t++) {
            int[] labels = identities.get(t);
            int count = 0;
            for (int v : labels) {
                count = Math.max(count, v);
            }
            float[] r = new float[raw.get(t).length];
            for (int i = 0; i < r.length; i++) {
                r[i] = raw.get(t)[i];
            }
            int[] shape = {1, N, N};
            out.add(new ObjectFeatureComputer(plan).compute(FrameAccess.inMemory(labels, r, 1, shape), count, shape,
                    null));
        }
        return out;
    }

    List<ObjectFeatureSpec> standardSpecs() {
        return settings.featuresVigra().stream().filter(f -> f.plugin().equals(ObjectFeaturePlan.STANDARD))
                .toList();
    }
}
