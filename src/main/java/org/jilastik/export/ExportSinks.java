package org.jilastik.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jilastik.array.Axes;
import org.jilastik.array.DType;
import org.jilastik.error.JilastikException;
import org.jilastik.io.ImageSink;
import org.jilastik.io.hdf5.Hdf5DatasetWriter;

/**
 * Opens the {@link ImageSink} an {@link ExportPlan} calls for, with the metadata ilastik writes: for HDF5 the
 * attributes {@code axistags} (vigra JSON, UTF-8 string), {@code DIMENSION_LABELS} (one ASCII string per axis),
 * {@code display_mode} and, when the range is known, {@code drange} (two values of the export dtype). The
 * output's parent directory is created first ({@code mkdir -p}, as ilastik does for every local format).
 * Stateless, thread safe.
 */
public final class ExportSinks {
    private ExportSinks() {
    }

    /**
     * Creates the sink for {@code plan}.
     *
     * @throws JilastikException when the directory or file cannot be created
     */
    public static ImageSink open(ExportPlan plan) {
        String refusal = plan.format().refusal();
        if (refusal != null) {
            throw JilastikException.usage(refusal); // before anything is created
        }
        Path parent = plan.file().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            Path blocker = parent;
            while (blocker != null && !Files.exists(blocker)) {
                blocker = blocker.getParent();
            }
            if (blocker != null && !Files.isDirectory(blocker)) {
                throw JilastikException.processing("cannot create the output directory " + parent + " because "
                        + blocker + " is a file, not a directory; choose another --output_filename_format", e);
            }
            throw JilastikException.processing("cannot create the output directory " + parent + " ("
                    + e.getMessage() + "); check the --output_filename_format and write permission", e);
        }
        Axes axes = plan.outputAxes();
        long[] shape = plan.outputShape();
        DType dtype = plan.exportDtype();
        return switch (plan.format().kind()) {
            case HDF5 -> Hdf5DatasetWriter.create(plan.file(), plan.internalPath(), axes, shape, dtype,
                    plan.chunkShape(), plan.compressionLevel(), hdf5Attributes(plan));
            case IMAGE_2D -> ImageExportSinks.image2d(plan);
            case IMAGE_2D_SEQUENCE -> ImageExportSinks.imageSequence(plan);
            case MULTIPAGE_TIFF -> ImageExportSinks.multipageTiff(plan);
            case MULTIPAGE_TIFF_SEQUENCE -> ImageExportSinks.multipageTiffSequence(plan);
            case N5 -> ContainerSinks.n5(plan);
            case OME_ZARR -> ContainerSinks.omeZarr(plan);
            case NUMPY -> ContainerSinks.numpy(plan);
            default -> throw new IllegalStateException(plan.format().name() + " is marked supported in ExportFormat "
                    + "but ExportSinks has no sink for it");
        };
    }

    /**
     * The attributes ilastik's N5 export puts on the dataset ({@code axistags}, {@code axes}, {@code display_mode},
     * {@code drange}, {@code axis_units}), without the N5 metadata ({@code dimensions} …). A new mutable map.
     */
    public static java.util.Map<String, Object> n5Attributes(ExportPlan plan) {
        return ContainerSinks.n5Attributes(plan);
    }

    /** The OME-Zarr layout and metadata of an OME-Zarr plan, as its single-process export writes them. */
    public static org.jilastik.io.zarr.OmeZarrOptions omeZarrOptions(ExportPlan plan) {
        return ContainerSinks.omeZarrOptions(plan);
    }

    /** The attributes ilastik's HDF5 export puts on the dataset. */
    static List<Hdf5DatasetWriter.Attribute> hdf5Attributes(ExportPlan plan) {
        Axes axes = plan.outputAxes();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < axes.size(); i++) {
            labels.add(String.valueOf(axes.get(i)));
        }
        List<Hdf5DatasetWriter.Attribute> attrs = new ArrayList<>();
        attrs.add(new Hdf5DatasetWriter.StringListAttribute("DIMENSION_LABELS", labels));
        attrs.add(new Hdf5DatasetWriter.StringAttribute("axistags", VigraAxisTags.json(axes, a -> plan.resolution(a))));
        if (plan.source().displayMode() != null) {
            attrs.add(new Hdf5DatasetWriter.StringAttribute("display_mode", plan.source().displayMode()));
        }
        String units = axisUnits(plan);
        if (units != null) {
            attrs.add(new Hdf5DatasetWriter.StringAttribute("axis_units", units));
        }
        double[] drange = plan.drange();
        if (drange != null) {
            attrs.add(new Hdf5DatasetWriter.NumericAttribute("drange", plan.exportDtype(), drange));
        }
        return attrs;
    }

    // ilastik's axis_units: a JSON object (Python json.dumps spacing) of the input's units, in output axis order;
    // absent when the input states no units.
    static String axisUnits(ExportPlan plan) {
        Axes axes = plan.outputAxes();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < axes.size(); i++) {
            String u = plan.unit(axes.get(i));
            if (u != null) {
                b.append(b.isEmpty() ? "{" : ", ").append('"').append(axes.get(i)).append("\": \"")
                        .append(u.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        }
        return b.isEmpty() ? null : b.append('}').toString();
    }
}
