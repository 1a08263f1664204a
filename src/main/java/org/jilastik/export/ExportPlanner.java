package org.jilastik.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jilastik.array.Axes;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.jilastik.error.JilastikException;

/**
 * Resolves the export settings of one source of one lane into an {@link ExportPlan}, refusing impossible plans
 * up front with one sentence (exit code 2).
 *
 * <p>Precedence (spec cli-and-io §3.2): a command-line setting, else the one stored in the project, else
 * ilastik's default ({@code {dataset_dir}/{nickname}_{result_type}}, {@code compressed hdf5},
 * {@code exported_data}, the source's dtype, the input's axis order with {@code c} appended). The four range
 * bounds count as one setting (the command line sets all four or none). A relative file name template is
 * resolved against the current directory when it came from the command line, else against the project's
 * directory. Stateless, thread safe.
 */
public final class ExportPlanner {
    /** ilastik's default file name template. */
    public static final String DEFAULT_TEMPLATE = "{dataset_dir}/{nickname}_{result_type}";
    /** ilastik's default format (its configuration default). */
    public static final String DEFAULT_FORMAT = "compressed hdf5";
    /** ilastik's default HDF5 dataset. */
    public static final String DEFAULT_INTERNAL_PATH = "exported_data";

    private ExportPlanner() {
    }

    /**
     * Plans the export.
     *
     * @param cli        settings from the command line ({@link ExportChoices#NONE} if none)
     * @param stored     settings stored in the project ({@link ExportChoices#NONE} if none)
     * @param source     the export source of this lane
     * @param lane       nickname, dataset directory and input axes of this lane
     * @param cwd        the current working directory
     * @param projectDir the directory of the project file
     * @throws JilastikException (usage) for settings that cannot work
     */
    public static ExportPlan plan(ExportChoices cli, ExportChoices stored, ExportSourceInfo source,
            LaneExportFacts lane, Path cwd, Path projectDir) {
        List<String> warnings = new ArrayList<>();
        ExportFormat format = ExportFormat.of(first(cli.format(), stored.format(), DEFAULT_FORMAT));
        String template = first(cli.filenameTemplate(), stored.filenameTemplate(), DEFAULT_TEMPLATE);
        Path workingDir = cli.filenameTemplate() != null ? cwd : projectDir;
        String internalTemplate = first(cli.internalPath(), stored.internalPath(), DEFAULT_INTERNAL_PATH);

        Box cutout = CutoutRegion.resolve(first(cli.regionStart(), stored.regionStart(), null),
                first(cli.regionStop(), stored.regionStop(), null), source.displayName(), source.axes(),
                source.shape(), warnings);
        DType dtype = first(cli.exportDtype(), stored.exportDtype(), source.dtype());
        ExportChoices ranges = cli.normalizes() ? cli : stored.normalizes() ? stored : null;
        PixelConverter converter = ranges == null ? PixelConverter.cast(source.dtype(), dtype)
                : PixelConverter.normalize(source.dtype(), dtype, ranges.inputMin(), ranges.inputMax(),
                        ranges.exportMin(), ranges.exportMax());

        Axes ilastikAxes = outputOrder(first(cli.outputAxisOrder(), stored.outputAxisOrder(), null), lane, warnings);
        long[] cutoutShape = cutout.shape();
        requireOnlySingletonsDropped(source, cutoutShape, ilastikAxes);
        long[] ilastikShape = new AxisReorder(source.axes(), cutoutShape, ilastikAxes).targetShape(cutoutShape);

        Axes writtenAxes = ilastikAxes;
        long[] chunks = null;
        requireFormatFits(format, template, source, ilastikAxes, ilastikShape);
        if (!format.supported()) {
            throw JilastikException.usage("the output format \"" + format.name() + "\" is not supported yet in "
                    + "jilastik; use one of " + ExportFormat.supportedNames());
        }
        switch (format.kind()) {
            case HDF5 -> chunks = ChunkShapes.hdf5(ilastikAxes, ilastikShape, dtype);
            case IMAGE_2D -> writtenAxes = imageAxes(ilastikAxes, ilastikShape);
            case N5 -> chunks = ChunkShapes.hdf5(ilastikAxes, ilastikShape, dtype);
            case OME_ZARR -> {
                writtenAxes = Axes.of("tczyx"); // ilastik ignores --output_axis_order here
                chunks = ChunkShapes.omeZarr(new AxisReorder(source.axes(), cutoutShape, writtenAxes)
                        .targetShape(cutoutShape), dtype);
            }
            case NUMPY -> { }
            default -> throw JilastikException.usage("the output format \"" + format.name() + "\" is not supported "
                    + "yet in jilastik; use one of " + ExportFormat.supportedNames());
        }
        AxisReorder reorder = new AxisReorder(source.axes(), cutoutShape, writtenAxes);

        OutputPaths.Result paths = OutputPaths.build(template, internalTemplate, format,
                new OutputPaths.Fields(lane.nickname(), lane.datasetDir(), source.displayName(), source.axes(), cutout,
                        ilastikAxes, ilastikShape), workingDir);
        if (paths.internalPath() != null && paths.internalPath().replace("/", "").isEmpty()) {
            throw JilastikException.usage("the output internal path \"" + internalTemplate + "\" names no dataset; "
                    + "give --output_internal_path a name such as exported_data");
        }
        return new ExportPlan(source, format, cutout, converter, ilastikAxes, reorder, paths.file(),
                paths.internalPath(), chunks, drange(source, ranges, converter), warnings, lane.resolution(), lane.unit());
    }

    /** The given order, or the input's interpreted order with {@code c} appended when absent. */
    private static Axes outputOrder(String given, LaneExportFacts lane, List<String> warnings) {
        if (given != null) {
            try {
                return Axes.of(given);
            } catch (IllegalArgumentException e) {
                warnings.add("Ignoring invalid axis order setting \"" + given + "\"");
            }
        }
        return lane.inputAxes().append('c');
    }

    private static void requireOnlySingletonsDropped(ExportSourceInfo source, long[] shape, Axes out) {
        for (int i = 0; i < shape.length; i++) {
            char a = source.axes().get(i);
            if (!out.has(a) && shape[i] != 1) {
                throw JilastikException.usage("the output axis order \"" + out + "\" leaves out axis " + a + " of size "
                        + shape[i] + " of the " + source.displayName() + " export (axes " + source.axes()
                        + "); include every axis whose size is not 1");
            }
        }
    }

    /** ilastik's own up-front checks and the dimension limits of its writers. */
    private static void requireFormatFits(ExportFormat format, String template, ExportSourceInfo source, Axes axes,
            long[] shape) {
        List<Character> big = nonSingletonNonChannel(axes, shape);
        if (format.isSequence() && !PyFormat.fieldNames(template).contains("slice_index")) {
            throw JilastikException.usage("the output format \"" + format.name() + "\" writes one file per slice, so "
                    + "the file name template \"" + template + "\" must contain {slice_index}");
        }
        if (format.kind() == ExportFormat.Kind.IMAGE_2D_SEQUENCE || format.kind() == ExportFormat.Kind.MULTIPAGE_TIFF_SEQUENCE) {
            // ilastik's rule counts the channel too: n axes of size > 1, or n + 1 with c among them but not first;
            // an image sequence must also leave 2-D slices (ilastik's writer fails later otherwise)
            int n = format.kind() == ExportFormat.Kind.IMAGE_2D_SEQUENCE ? 3 : 4;
            List<Character> all = nonSingleton(axes, shape);
            boolean fits = all.size() == n || (all.size() == n + 1 && all.indexOf('c') > 0);
            if (!fits || (n == 3 && big.size() != 3)) {
                throw JilastikException.usage("the output format \"" + format.name() + "\" needs exactly " + n
                        + " axes of size > 1 (a channel axis may come in addition, not first), but the "
                        + source.displayName() + " export has " + axes + " " + java.util.Arrays.toString(shape));
            }
        }
        if (format.kind() == ExportFormat.Kind.IMAGE_2D && big.size() > 2) {
            throw JilastikException.usage("the output format \"" + format.name() + "\" writes 2-D images, but the "
                    + source.displayName() + " export has " + big.size() + " axes of size > 1 besides c (" + axes
                    + " " + java.util.Arrays.toString(shape) + "); use hdf5 or \"" + format.name() + " sequence\"");
        }
    }

    private static List<Character> nonSingleton(Axes axes, long[] shape) {
        List<Character> out = new ArrayList<>();
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] > 1) {
                out.add(axes.get(i));
            }
        }
        return out;
    }

    private static List<Character> nonSingletonNonChannel(Axes axes, long[] shape) {
        List<Character> out = new ArrayList<>();
        for (int i = 0; i < shape.length; i++) {
            if (axes.get(i) != 'c' && shape[i] > 1) {
                out.add(axes.get(i));
            }
        }
        return out;
    }

    /**
     * The written axes of a 2-D image, {@code (row, column, c)}: vigra writes by axis tags, so the spatial axis
     * first in {@code x y z t} order becomes the columns whatever the requested order (a {@code cyx} order gives
     * the same file as {@code yxc}).
     */
    private static Axes imageAxes(Axes axes, long[] shape) {
        String rank = "xyzt";
        List<Character> big = nonSingletonNonChannel(axes, shape);
        big.sort((p, q) -> Integer.compare(rank.indexOf(p), rank.indexOf(q)));
        char column;
        char row;
        if (big.size() == 2) {
            column = big.get(0);
            row = big.get(1);
        } else if (big.size() == 1) {
            column = big.get(0);
            row = "yxzt".replace(String.valueOf(column), "").charAt(0);
        } else {
            column = 'x';
            row = 'y';
        }
        return Axes.of("" + row + column + "c");
    }

    /** The data range converted like the data: the normalisation's input range, else the source's. */
    private static double[] drange(ExportSourceInfo source, ExportChoices ranges, PixelConverter converter) {
        Number lo = ranges != null ? ranges.inputMin() : source.drangeLow();
        Number hi = ranges != null ? ranges.inputMax() : source.drangeHigh();
        if (lo == null || converter.targetDtype() == DType.BOOL) {
            return null;
        }
        boolean integers = lo instanceof Long && hi instanceof Long;
        Object pair = integers ? new long[] {lo.longValue(), hi.longValue()}
                : new double[] {lo.doubleValue(), hi.doubleValue()};
        Object converted = converter.withSource(integers ? DType.INT64 : DType.FLOAT64).convert(pair);
        org.jilastik.array.Block b = new org.jilastik.array.Block(Axes.of("c"), Box.ofShape(2L),
                converter.targetDtype(), converted);
        return new double[] {b.getDouble(0), b.getDouble(1)};
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
