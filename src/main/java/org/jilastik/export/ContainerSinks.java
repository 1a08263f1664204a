package org.jilastik.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.jilastik.array.Axes;
import org.jilastik.array.DType;
import org.jilastik.error.JilastikException;
import org.jilastik.io.ImageSink;
import org.jilastik.io.n5.N5DatasetWriter;
import org.jilastik.io.npy.NpyWriter;
import org.jilastik.io.zarr.Downsample;
import org.jilastik.io.zarr.OmeZarrOptions;
import org.jilastik.io.zarr.OmeZarrWriter;

/**
 * The sinks of the container formats with the metadata ilastik writes (spec cli-and-io §3.4, §3.11):
 * <ul>
 *   <li>{@code numpy}: a bare {@code .npy} (no metadata).</li>
 *   <li>{@code n5} / {@code compressed n5}: the dataset's {@code attributes.json} gets {@code axistags} (vigra
 *       JSON), {@code axes} (the axis letters reversed, one string, e.g. {@code "cxy"} for {@code yxc}),
 *       {@code display_mode}, {@code drange} when known and {@code axis_units} when the input has units; blocks
 *       as ilastik's HDF5 chunks (about 512,000 bytes, {@code t} and {@code c} of 1); raw or gzip level 1.</li>
 *   <li>OME-Zarr: axes {@code tczyx}; chunks of about 1,024,000 bytes; every level's array gets
 *       {@code axistags}, {@code display_mode}, {@code drange} and {@code axis_units} (an object) as ilastik's
 *       exporter writes them; pixel sizes, units and the cutout offset go into the NGFF transforms;
 *       {@code _creator} names jilastik and its version. Like ilastik, an existing output is refused (nothing is
 *       computed). Pyramids average floating-point sources and stride-sample integer sources (labels).</li>
 * </ul>
 * Stateless, thread safe.
 */
final class ContainerSinks {
    private static final String VERSION = version();

    private ContainerSinks() {
    }

    static ImageSink numpy(ExportPlan plan) {
        return NpyWriter.create(plan.file(), plan.outputAxes(), plan.outputShape(), plan.exportDtype());
    }

    static ImageSink n5(ExportPlan plan) {
        return N5DatasetWriter.create(plan.file(), plan.internalPath(), plan.outputAxes(), plan.outputShape(),
                plan.exportDtype(), ints(plan.chunkShape()), plan.compressionLevel() > 0, n5Attributes(plan));
    }

    /** The attributes ilastik's N5 export puts on the dataset, besides the N5 metadata itself. */
    static Map<String, Object> n5Attributes(ExportPlan plan) {
        Axes axes = plan.outputAxes();
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("axistags", VigraAxisTags.json(axes, plan::resolution));
        attrs.put("axes", axes.reversed().letters());
        if (plan.source().displayMode() != null) {
            attrs.put("display_mode", plan.source().displayMode());
        }
        Object drange = drange(plan);
        if (drange != null) {
            attrs.put("drange", drange);
        }
        String units = ExportSinks.axisUnits(plan);
        if (units != null) {
            attrs.put("axis_units", units);
        }
        return attrs;
    }

    static ImageSink omeZarr(ExportPlan plan) {
        if (Files.exists(plan.file())) {
            throw JilastikException.processing("the OME-Zarr output " + plan.file() + " already exists and is not "
                    + "overwritten (as in ilastik); delete it or choose another --output_filename_format");
        }
        return OmeZarrWriter.create(plan.file(), plan.outputShape(), plan.exportDtype(), ints(plan.chunkShape()),
                omeZarrOptions(plan));
    }

    /** The layout and metadata of the plan's OME-Zarr image, as ilastik describes it. */
    static OmeZarrOptions omeZarrOptions(ExportPlan plan) {
        Axes axes = plan.outputAxes();
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("axistags", VigraAxisTags.json(axes, plan::resolution));
        Map<String, Object> units = new LinkedHashMap<>();
        double[] pixel = new double[axes.size()];
        String[] unit = new String[axes.size()];
        long[] offset = new long[axes.size()];
        Axes sourceAxes = plan.source().axes();
        for (int i = 0; i < axes.size(); i++) {
            char a = axes.get(i);
            pixel[i] = plan.resolution(a);
            unit[i] = plan.unit(a);
            if (unit[i] != null && !unit[i].isEmpty()) {
                units.put(String.valueOf(a), unit[i]);
            }
            int s = sourceAxes.indexOf(a);
            offset[i] = s < 0 ? 0 : plan.cutout().start(s);
        }
        if (!units.isEmpty()) {
            attrs.put("axis_units", units);
        }
        if (plan.source().displayMode() != null) {
            attrs.put("display_mode", plan.source().displayMode());
        }
        Object drange = drange(plan);
        if (drange != null) {
            attrs.put("drange", drange);
        }
        ExportFormat f = plan.format();
        Downsample method = plan.source().dtype().isFloating() ? Downsample.MEAN : Downsample.NEAREST;
        return new OmeZarrOptions(f.zarrFormat(), f.multiscale(), method, attrs, pixel, unit, offset, "jilastik",
                VERSION);
    }

    /** The {@code drange} pair as JSON numbers of the export dtype (integers for integer types), or null. */
    private static Object drange(ExportPlan plan) {
        double[] d = plan.drange();
        if (d == null) {
            return null;
        }
        List<Object> out = new ArrayList<>();
        for (double v : d) {
            out.add(plan.exportDtype().isFloating() || plan.exportDtype() == DType.BOOL ? (Object) v : (Object) (long) v);
        }
        return out;
    }

    private static int[] ints(long[] a) {
        int[] out = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = Math.toIntExact(a[i]);
        }
        return out;
    }

    // the version resource the app layer reads too (export must not depend on app)
    private static String version() {
        try (InputStream in = ContainerSinks.class.getResourceAsStream("/org/jilastik/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown").trim();
            return v.isEmpty() || v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
