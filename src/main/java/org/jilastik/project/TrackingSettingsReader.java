package org.jilastik.project;

import io.jhdf.HdfFile;
import io.jhdf.api.Group;
import java.nio.file.Path;
import java.util.List;
import org.jilastik.error.JilastikException;
import org.jilastik.workflow.tracking.TrackingParameters;

/**
 * Reads {@link TrackingSettings} from a tracking project (spec tracking §4): group {@code ConservationTracking} or
 * {@code StructuredTracking} ({@code Parameters/…}, with ilastik's defaults for keys older projects lack), the
 * feature selections of {@code TrackingFeatureExtraction}, {@code CountClassification} and
 * {@code DivisionDetection}, and {@code ThresholdTwoLevels}. Structured-learning projects contribute their learned
 * weights ({@code DetectionWeight/0000}, …), which replace the stored cost parameters; no learning happens here.
 * Pickled blobs ({@code HypothesesGraph}, {@code ResolvedMergers}) are never read. Stateless, thread safe.
 */
public final class TrackingSettingsReader {
    private TrackingSettingsReader() {
    }

    /**
     * Reads the tracking settings of {@code ilp}.
     *
     * @throws JilastikException (processing) when the file cannot be read or holds no tracking parameters
     */
    public static TrackingSettings read(Path ilp) {
        try (HdfFile hdf = new HdfFile(ilp)) {
            Group structured = Hdf5Values.group(hdf, "StructuredTracking");
            Group conservation = Hdf5Values.group(hdf, "ConservationTracking");
            Group root = structured != null ? structured : conservation;
            if (root == null) {
                throw JilastikException.processing(ilp + " holds no tracking parameters (group ConservationTracking "
                        + "or StructuredTracking); open it in ilastik, run the tracking once and save the project");
            }
            Group p = Hdf5Values.group(root, "Parameters");
            int maxObj = (int) num(p, "maxObj", 1);
            double[] scales = Hdf5Values.doubles(p, "scales");
            if (scales == null || scales.length < 3) {
                scales = new double[] {1, 1, 1};
            }
            long[] size = Hdf5Values.longs(p, "size_range");
            long sizeMin = size != null && size.length == 2 ? size[0] : 4;
            long sizeMax = size != null && size.length == 2 ? size[1] : 10_000;
            Double k = Hdf5Values.number(p, "max_nearest_neighbors");
            if (k == null) {
                k = Hdf5Values.number(p, "maxNearestNeighbors");
            }
            double trans = num(p, "transWeight", 10);
            double div = num(p, "divWeight", 10);
            double app = num(p, "appearanceCost", 500);
            double dis = num(p, "disappearanceCost", 500);
            double det = TrackingParameters.DETECTION_WEIGHT;
            if (structured != null) {
                trans = learned(root, "TransitionWeight", trans);
                div = learned(root, "DivisionWeight", div);
                app = learned(root, "AppearanceWeight", app);
                dis = learned(root, "DisappearanceWeight", dis);
                det = learned(root, "DetectionWeight", det);
            }
            TrackingParameters params = new TrackingParameters(maxObj, bool(p, "withDivisions", true),
                    num(p, "divThreshold", 0.1), bool(p, "withMergerResolution", true),
                    bool(p, "withTracklets", true), num(p, "maxDist", 200), k == null ? 3 : k.intValue(),
                    (int) num(p, "borderAwareWidth", 10), app, dis, trans, div,
                    new double[] {scales[0], scales[1], scales[2]}, Math.max(sizeMin, maxObj), sizeMax,
                    (int) num(p, "numFramesPerSplit", 0));
            Group tfe = Hdf5Values.group(hdf, "TrackingFeatureExtraction");
            return new TrackingSettings(params, det, structured != null,
                    selection(tfe, "FeatureNamesVigra"), selection(tfe, "FeatureNamesDivision"),
                    selection(Hdf5Values.group(hdf, "CountClassification"), "SelectedFeatures"),
                    selection(Hdf5Values.group(hdf, "DivisionDetection"), "SelectedFeatures"),
                    bool(p, "withClassifierPrior", true),
                    ObjectSettingsReader.threshold(Hdf5Values.group(hdf, "ThresholdTwoLevels")));
        } catch (JilastikException e) {
            throw e;
        } catch (RuntimeException e) {
            throw JilastikException.processing(ilp + " is damaged and its tracking settings cannot be read ("
                    + e.getMessage() + "); save the project again in ilastik", e);
        }
    }

    private static List<ObjectSettings.ObjectFeatureSpec> selection(Group parent, String name) {
        return ObjectSettingsReader.features(Hdf5Values.group(parent, name));
    }

    // learned structured-learning weights: <name>/0000 (a scalar), or <name> itself as a dataset
    private static double learned(Group root, String name, double fallback) {
        Group g = Hdf5Values.group(root, name);
        Double v = g != null ? Hdf5Values.number(g, "0000") : Hdf5Values.number(root, name);
        if (v == null) {
            v = Hdf5Values.number(Hdf5Values.group(root, "Parameters"), name);
        }
        return v == null ? fallback : v;
    }

    private static double num(Group g, String name, double fallback) {
        Double v = Hdf5Values.number(g, name);
        return v == null ? fallback : v;
    }

    private static boolean bool(Group g, String name, boolean fallback) {
        Boolean v = Hdf5Values.bool(g, name);
        return v == null ? fallback : v;
    }
}
