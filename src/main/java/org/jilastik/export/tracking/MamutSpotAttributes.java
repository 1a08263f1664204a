package org.jilastik.export.tracking;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jilastik.error.JilastikException;
import org.jilastik.io.json.PyJson;
import org.jilastik.workflow.objects.ObjectFeatures;

/**
 * The attributes of one MaMuT {@code Spot} element (spec tracking §3, ilastik's {@code Fiji-MaMuT} plugin), in
 * ilastik's order: {@code ID, name, VISIBILITY, POSITION_T, POSITION_Z, POSITION_Y, RADIUS, FRAME, POSITION_X,
 * QUALITY}, one per feature component, {@code Track_color}, {@code LabelimageId}. Values are printed as Python
 * prints them: float32 features as numpy's {@code str}, double ones as {@code repr}, after {@code nan_to_num}.
 * Stateless, thread safe.
 */
final class MamutSpotAttributes {
    private MamutSpotAttributes() {
    }

    /**
     * Name/value pairs of spot {@code s}.
     *
     * @param frame   the features of the spot's frame (row = the spot's label)
     * @param columns the exported feature components ({@link MamutXmlExport#columns})
     * @throws JilastikException (processing) when RegionCenter or RegionRadii was not computed
     */
    static String[] of(MamutGraph.Spot s, ObjectFeatures frame, List<MamutXmlExport.Column> columns) {
        double[] center = required(frame, "RegionCenter");
        double[] radii = required(frame, "RegionRadii");
        int cw = frame.width("RegionCenter");
        int rw = frame.width("RegionRadii");
        int row = s.label();
        // ilastik reads RegionCenter and RegionRadii from the float32 "Standard Object Features"
        float x = (float) center[row * cw];
        float y = (float) center[row * cw + 1];
        String z = cw > 2 ? PyJson.pyFloat32((float) center[row * cw + 2]) : "0.0";
        float radius = 2f * (float) radii[row * rw];
        List<String> a = new ArrayList<>(List.of("ID", Integer.toString(s.id()), "name", "track-" + s.trackId(),
                "VISIBILITY", "1", "POSITION_T", s.frame() + ".0", "POSITION_Z", z, "POSITION_Y",
                PyJson.pyFloat32(y), "RADIUS", PyJson.pyFloat(radius), "FRAME", Integer.toString(s.frame()),
                "POSITION_X", PyJson.pyFloat32(x), "QUALITY", "3.0"));
        // a Python dict: a repeated name keeps its first place and takes the last value
        Map<String, String> features = new LinkedHashMap<>();
        for (MamutXmlExport.Column c : columns) {
            features.put(c.attribute(), value(frame, row, c));
        }
        features.put("Track_color", PyJson.pyFloat(MamutXmlExport.trackColor(s.trackId())));
        features.put("LabelimageId", Integer.toString(s.label()));
        for (var e : features.entrySet()) {
            a.add(e.getKey());
            a.add(e.getValue());
        }
        return a.toArray(String[]::new);
    }

    private static double[] required(ObjectFeatures frame, String feature) {
        if (!frame.has(feature)) {
            throw JilastikException.processing("--export_plugin=Fiji-MaMuT needs the object feature " + feature
                    + " (spot positions and radii), which this project's tracking feature selection does not "
                    + "compute; select it in the project's Standard Object Features or choose another plugin");
        }
        return frame.values().get(feature);
    }

    private static String value(ObjectFeatures frame, int row, MamutXmlExport.Column c) {
        if (!frame.has(c.vigraName()) || row > frame.count()) {
            // ilastik's fallback for an object missing from a feature table (IndexError)
            return c.vigraName().contains("SquaredDistances") ? "9999.0" : "0.0";
        }
        int width = frame.width(c.vigraName());
        double v = frame.values().get(c.vigraName())[row * width + c.column()];
        if (c.float32()) {
            float f = (float) v;
            f = Float.isNaN(f) ? 0f : Float.isInfinite(f) ? Math.copySign(Float.MAX_VALUE, f) : f;
            return PyJson.pyFloat32(f);
        }
        v = Double.isNaN(v) ? 0 : Double.isInfinite(v) ? Math.copySign(Double.MAX_VALUE, v) : v;
        return PyJson.pyFloat(v);
    }
}
