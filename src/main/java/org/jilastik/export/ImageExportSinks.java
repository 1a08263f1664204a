package org.jilastik.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jilastik.array.Axes;
import org.jilastik.array.DType;
import org.jilastik.error.JilastikException;
import org.jilastik.io.ImageSink;
import org.jilastik.io.SliceSequenceSink;
import org.jilastik.io.image.VigraImageFormat;
import org.jilastik.io.image.VigraImageWriter;
import org.jilastik.io.tiff.MultipageTiffWriter;
import org.jilastik.io.tiff.OmeTiffXml;
import org.jilastik.io.tiff.TiffImageWriter;

/**
 * The sinks of ilastik's image formats (spec cli-and-io §3.4, §3.5): one 2-D image ({@code tif}, {@code png}, ...),
 * a sequence of 2-D images ({@code <ext> sequence}), a multi-page OME-TIFF ({@code multipage tiff}) and a
 * sequence of those ({@code multipage tiff sequence}). Stateless, thread safe.
 *
 * <p>Sequences step along the first axis of size &gt; 1 of the exported array; the file of step index {@code i}
 * is the plan's file name with {@code {slice_index}} replaced by {@code i + cutout start} on that axis (stage D):
 * a bare {@code {slice_index}} is zero-padded to the digits of {@code start + count} (ilastik's
 * {@code ceil(log10(start + count + 1))}), a field with its own spec ({@code {slice_index:04}}) is formatted as
 * given, and any other field left in the name is an error, as Python's {@code str.format} raises for it.
 */
final class ImageExportSinks {
    /** Creator of the OME-XML and Software tag of multi-page TIFFs. */
    static final String SOFTWARE = "jilastik";

    private ImageExportSinks() {
    }

    /** A single 2-D image: TIFF (streamed) or a vigra codec (held in memory). */
    static ImageSink image2d(ExportPlan plan) {
        return image2d(plan.format().extension(), plan.file(), plan.outputAxes(), plan.outputShape(),
                plan.exportDtype());
    }

    private static ImageSink image2d(String extension, Path file, Axes axes, long[] shape, DType dtype) {
        VigraImageFormat codec = VigraImageFormat.ofExtension(extension);
        return codec == null ? new TiffImageWriter(file, axes, shape, dtype)
                : new VigraImageWriter(codec, file, axes, shape, dtype);
    }

    /** One 2-D image per index of the step axis. */
    static ImageSink imageSequence(ExportPlan plan) {
        Axes axes = plan.outputAxes();
        long[] shape = plan.outputShape();
        int step = stepAxis(axes, shape);
        Axes slice = sliceImageAxes(axes, shape, step);
        String ext = plan.format().extension();
        long[] sliceShape = new long[3];
        for (int i = 0; i < 3; i++) {
            int k = axes.indexOf(slice.get(i));
            sliceShape[i] = k < 0 ? 1 : shape[k];
        }
        // refuse what the codec cannot store before anything is computed
        VigraImageFormat codec = VigraImageFormat.ofExtension(ext);
        if (codec != null) {
            VigraImageWriter.requireStorable(codec, sliceShape, plan.exportDtype());
        }
        return new SliceSequenceSink(axes, shape, plan.exportDtype(), step, sliceFiles(plan, step), slice,
                (f, a, s, d) -> image2d(ext, f, a, s, d));
    }

    /** All pages in one OME-TIFF, axes {@code tzcyx}. */
    static ImageSink multipageTiff(ExportPlan plan) {
        return multipage(plan, plan.file(), plan.outputAxes(), plan.outputShape());
    }

    /** One OME-TIFF per index of the step axis, each in {@code tzcyx}. */
    static ImageSink multipageTiffSequence(ExportPlan plan) {
        Axes axes = plan.outputAxes();
        long[] shape = plan.outputShape();
        int step = stepAxis(axes, shape);
        Axes pages = Axes.of("tzcyx");
        return new SliceSequenceSink(axes, shape, plan.exportDtype(), step, sliceFiles(plan, step), pages,
                (f, a, s, d) -> multipage(plan, f, a, s));
    }

    private static ImageSink multipage(ExportPlan plan, Path file, Axes axes, long[] shape) {
        String xml = OmeTiffXml.of(shape, plan.exportDtype(), plan::resolution, plan::unit, SOFTWARE);
        return new MultipageTiffWriter(file, axes, shape, plan.exportDtype(), xml, SOFTWARE);
    }

    /** ilastik's step axis: the first axis of size &gt; 1. */
    static int stepAxis(Axes axes, long[] shape) {
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] > 1) {
                return i;
            }
        }
        throw JilastikException.usage("a sequence format needs an axis of size > 1 to step along, but the export has "
                + axes + " " + java.util.Arrays.toString(shape));
    }

    /**
     * The {@code (row, column, c)} axes of each slice: of the two other axes of size &gt; 1 besides {@code c},
     * the one first in {@code x y z t} becomes the columns (vigra writes by axis tags).
     */
    static Axes sliceImageAxes(Axes axes, long[] shape, int step) {
        String rank = "xyzt";
        List<Character> big = new ArrayList<>();
        for (int i = 0; i < shape.length; i++) {
            if (i != step && axes.get(i) != 'c' && shape[i] > 1) {
                big.add(axes.get(i));
            }
        }
        big.sort((p, q) -> Integer.compare(rank.indexOf(p), rank.indexOf(q)));
        if (big.size() != 2) {
            throw JilastikException.usage("the output format needs exactly 2 axes of size > 1 besides c in each "
                    + "slice, but the export has " + axes + " " + java.util.Arrays.toString(shape));
        }
        return Axes.of("" + big.get(1) + big.get(0) + "c");
    }

    /** The file of every step index (stage D of the file name). */
    static List<Path> sliceFiles(ExportPlan plan, int step) {
        Axes axes = plan.outputAxes();
        int count = (int) plan.outputShape()[step];
        int src = plan.source().axes().indexOf(axes.get(step));
        long offset = src < 0 ? 0 : plan.cutout().start(src);
        return sliceFiles(plan.file().toString(), offset, count);
    }

    /** Stage D on {@code pattern} for indices {@code offset .. offset + count - 1}. */
    static List<Path> sliceFiles(String pattern, long offset, int count) {
        long max = offset + count;
        int digits = 1;
        for (long p = 10; p < max + 1; p *= 10) {
            digits++;
        }
        String spec = "{slice_index:0" + digits + "}";
        String padded = pattern.replace("{slice_index}", spec);
        List<String> fields = PyFormat.fieldNames(padded);
        for (String f : fields) {
            if (!f.equals("slice_index")) {
                throw JilastikException.usage("the output file name \"" + pattern + "\" still contains {" + f
                        + "}, which a sequence format cannot fill; remove it from --output_filename_format");
            }
        }
        List<Path> out = new ArrayList<>();
        try {
            for (long i = offset; i < max; i++) {
                out.add(Path.of(PyFormat.formatKnown(padded, Map.of("slice_index", i), true)));
            }
        } catch (PyFormat.MalformedTemplate e) {
            throw JilastikException.usage("the output file name \"" + pattern + "\" is not a valid Python format "
                    + "string (" + e.getMessage() + "); write a literal brace as {{ or }}");
        }
        if (out.size() > 1 && out.get(0).equals(out.get(1))) {
            throw JilastikException.usage("the output file name \"" + pattern + "\" gives every slice the same "
                    + "name; put {slice_index} in --output_filename_format");
        }
        return out;
    }
}
