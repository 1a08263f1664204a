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
        if (format.kind() == ExportFormat.Kind.DVID || format.kind() == ExportFormat.Kind.BLOCKWISE_HDF5) {
            throw JilastikException.usage(format.refusal());
        }
        String template = first(cli.filenameTemplate(), stored.filenameTemplate(), DEFAULT_TEMPLATE);
        Path workingDir = cli.filenameTemplate() != null ? cwd : projectDir;
        String internalTemplate = first(cli.internalPath(), stored.internalPath(), DEFAULT_INTERNAL_PATH);

        // the layer that gives the region also says in which axes it is given
        ExportChoices region = cli.regionStart() != null || cli.regionStop() != null ? cli : stored;
        Box cutout = CutoutRegion.resolve(region.regionStart(), region.regionStop(),
                region.regionAxes() == null ? null : Axes.of(region.regionAxes()), source.displayName(),
                source.axes(), source.shape(), warnings);
        DType dtype = first(cli.exportDtype(), stored.exportDtype(), source.dtype());
        ExportChoices ranges = cli.normalizes() ? cli : stored.normalizes() ? stored : null;
        PixelConverter converter = (ranges == null ? PixelConverter.cast(source.dtype(), dtype)
                : PixelConverter.normalize(source.dtype(), dtype, ranges.inputMin(), ranges.inputMax(),
                        ranges.exportMin(), ranges.exportMax()))
                .withClip(Boolean.TRUE.equals(first(cli.clip(), stored.clip(), Boolean.FALSE)));
        if (ranges == null && source.dtype().isFloating() && dtype.isInteger()) {
            // spec cli-and-io §6.14: ilastik's plain cast truncates (probabilities become 0 and 1); say so
            warnings.add("--export_dtype " + dtype.numpyName() + " without --export_drange casts the "
                    + source.displayName() + " values (" + source.dtype().numpyName() + ") without scaling, dropping "
                    + "their fractions; add --pipeline_result_drange and --export_drange to scale them");
        }
        ExistingOutput existing = first(cli.existingOutput(), stored.existingOutput(), ExistingOutput.ILASTIK);

        Axes ilastikAxes = outputOrder(first(cli.outputAxisOrder(), stored.outputAxisOrder(), null), lane, warnings);
        long[] cutoutShape = cutout.shape();
        requireOnlySingletonsDropped(source, cutoutShape, ilastikAxes);
        long[] ilastikShape = new AxisReorder(source.axes(), cutoutShape, ilastikAxes).targetShape(cutoutShape);

        requireFormatFits(format, template, source, ilastikAxes, ilastikShape);
        Axes writtenAxes = writtenAxes(format, ilastikAxes, ilastikShape);
        if (format.kind() == ExportFormat.Kind.IMAGE_2D || format.kind() == ExportFormat.Kind.IMAGE_2D_SEQUENCE) {
            inMemoryNote(format, ilastikShape, dtype, warnings);
            stretchNote(format, source.displayName(), dtype, warnings);
        }
        long[] chunks = switch (format.kind()) {
            case HDF5, N5 -> ChunkShapes.hdf5(ilastikAxes, ilastikShape, dtype);
            case OME_ZARR -> ChunkShapes.omeZarr(new AxisReorder(source.axes(), cutoutShape, writtenAxes)
                    .targetShape(cutoutShape), dtype);
            default -> null;
        };
        AxisReorder reorder = new AxisReorder(source.axes(), cutoutShape, writtenAxes);

        OutputPaths.Result paths = OutputPaths.build(template, internalTemplate, format,
                new OutputPaths.Fields(lane.nickname(), lane.datasetDir(), source.displayName(), source.axes(), cutout,
                        ilastikAxes, ilastikShape), workingDir);
        if (paths.internalPath() != null && paths.internalPath().replace("/", "").isEmpty()) {
            throw JilastikException.usage("the output internal path \"" + internalTemplate + "\" names no dataset; "
                    + "give --output_internal_path a name such as exported_data");
        }
        long sliceOffset = 0;
        if (format.isSequence()) {
            int k = source.axes().indexOf(writtenAxes.get(0));
            sliceOffset = k < 0 ? 0 : cutout.start(k);
        }
        return new ExportPlan(source, format, cutout, converter, ilastikAxes, reorder, paths.file(),
                paths.internalPath(), chunks, drange(source, ranges, converter), warnings, lane.resolution(),
                lane.unit(), existing, sliceOffset);
    }

    /**
     * The axes of the array the sink receives. HDF5, N5, numpy: ilastik's order. 2-D images: {@code (row,
     * column, c)} ({@link #imageAxes}). Multipage TIFF: {@code tzcyx}, 5-D with singletons (ilastik's fixed page
     * order, ignoring the requested order). OME-Zarr: {@code tczyx}, 5-D. Sequences: the step axis (the first
     * axis of size > 1 in ilastik's order) first, then one slice's axes: {@code (row, column, c)} for image
     * sequences, the rest of {@code tzcyx} for multipage TIFF sequences.
     */
    static Axes writtenAxes(ExportFormat format, Axes axes, long[] shape) {
        return switch (format.kind()) {
            case HDF5, N5, NUMPY, DVID, BLOCKWISE_HDF5 -> axes;
            case IMAGE_2D -> imageAxes(axes, shape);
            case MULTIPAGE_TIFF -> Axes.of("tzcyx");
            case OME_ZARR -> Axes.of("tczyx");
            case IMAGE_2D_SEQUENCE, MULTIPAGE_TIFF_SEQUENCE -> {
                int step = 0;
                while (step < shape.length - 1 && shape[step] == 1) {
                    step++;
                }
                char stepAxis = axes.get(step);
                if (format.kind() == ExportFormat.Kind.MULTIPAGE_TIFF_SEQUENCE) {
                    yield Axes.of(stepAxis + "tzcyx".replace(String.valueOf(stepAxis), ""));
                }
                StringBuilder rest = new StringBuilder();
                List<Long> restShape = new ArrayList<>();
                for (int i = 0; i < shape.length; i++) {
                    if (i != step) {
                        rest.append(axes.get(i));
                        restShape.add(shape[i]);
                    }
                }
                yield Axes.of(stepAxis + imageAxes(Axes.of(rest.toString()),
                        restShape.stream().mapToLong(Long::longValue).toArray()).letters());
            }
        };
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

    /** Images from this size on get a log line when their codec holds them whole in memory. */
    static final long IN_MEMORY_NOTE_BYTES = 256L << 20;

    /**
     * The log line for codecs that hold each whole image in memory (all 2-D formats except TIFF), for images of
     * {@link #IN_MEMORY_NOTE_BYTES} or more (for a sequence: per slice, the first axis of size > 1 stepped).
     */
    private static void inMemoryNote(ExportFormat format, long[] shape, DType dtype, List<String> warnings) {
        long bytes = dtype.byteSize();
        boolean stepped = format.kind() != ExportFormat.Kind.IMAGE_2D_SEQUENCE;
        for (long s : shape) {
            if (!stepped && s > 1) {
                stepped = true;
                continue;
            }
            bytes *= s;
        }
        if (bytes >= IN_MEMORY_NOTE_BYTES && !format.extension().startsWith("tif")) {
            warnings.add("the " + format.name() + " format holds each whole image (" + (bytes >> 20) + " MiB) in "
                    + "memory while writing it; use tif or hdf5 for images larger than memory");
        }
    }

    /**
     * The log line for a 2-D image codec that cannot store {@code dtype} (spec cli-and-io §6.15): vigra, and so
     * ilastik and jilastik, silently stretch each image's own minimum..maximum to 0..255.
     */
    private static void stretchNote(ExportFormat format, String sourceName, DType dtype, List<String> warnings) {
        org.jilastik.io.image.VigraImageFormat codec = org.jilastik.io.image.VigraImageFormat.ofExtension(
                format.extension());
        if (codec != null && !codec.pixelTypes().contains(dtype)) {
            warnings.add("the " + format.name() + " format cannot store " + dtype.numpyName() + ", so the "
                    + sourceName + " values are stretched from each image's minimum..maximum to 0..255 (as in "
                    + "ilastik); use tif or hdf5 to keep the values");
        }
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
