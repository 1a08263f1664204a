package org.jilastik.export;

import java.nio.file.Path;
import java.util.List;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;

/**
 * Everything decided before an export of one source of one lane starts (made by {@link ExportPlanner}): which
 * region of the source, how values are converted, the output's axes and shape, the file and dataset names and
 * the format's options.
 *
 * <p>Coordinates: source boxes are absolute, in the source's pipeline axis order ({@link #source()}); output
 * boxes are relative to the output array ({@code [0, outputShape)}) in {@link #outputAxes()}. A workflow
 * computes the source for {@link #sourceBoxFor(Box)} of an output block and hands the result to
 * {@link #toOutput(Block)}, whose result goes to the sink ({@link ExportRunner} does exactly this).
 *
 * <p>Immutable and thread safe.
 */
public final class ExportPlan {
    private final ExportSourceInfo source;
    private final ExportFormat format;
    private final Box cutout;
    private final PixelConverter converter;
    private final Axes ilastikOutputAxes;
    private final AxisReorder reorder;
    private final long[] outputShape;
    private final Path file;
    private final String internalPath;
    private final long[] chunkShape;
    private final double[] drange;
    private final List<String> warnings;
    private final java.util.function.ToDoubleFunction<Character> resolution;
    private final java.util.function.Function<Character, String> unit;
    private final ExistingOutput existingOutput;
    private final long sliceOffset;

    ExportPlan(ExportSourceInfo source, ExportFormat format, Box cutout, PixelConverter converter,
            Axes ilastikOutputAxes, AxisReorder reorder, Path file, String internalPath, long[] chunkShape,
            double[] drange, List<String> warnings, java.util.function.ToDoubleFunction<Character> resolution,
            java.util.function.Function<Character, String> unit, ExistingOutput existingOutput, long sliceOffset) {
        this.existingOutput = existingOutput;
        this.sliceOffset = sliceOffset;
        this.resolution = resolution;
        this.unit = unit;
        this.source = source;
        this.format = format;
        this.cutout = cutout;
        this.converter = converter;
        this.ilastikOutputAxes = ilastikOutputAxes;
        this.reorder = reorder;
        this.outputShape = reorder.targetShape(cutout.shape());
        this.file = file;
        this.internalPath = internalPath;
        this.chunkShape = chunkShape;
        this.drange = drange;
        this.warnings = List.copyOf(warnings);
    }

    /** The export source as the workflow described it. */
    public ExportSourceInfo source() {
        return source;
    }

    public ExportFormat format() {
        return format;
    }

    /** The exported region of the source (absolute, pipeline order). */
    public Box cutout() {
        return cutout;
    }

    /** The dtype conversion and normalisation. */
    public PixelConverter converter() {
        return converter;
    }

    /** Element type of the output. */
    public DType exportDtype() {
        return converter.targetDtype();
    }

    /**
     * The axis order ilastik exports in ({@code --output_axis_order}, the stored order, or the input's), which
     * the {@code {roi}} fields of stage C and the HDF5 {@code axistags} use. Equals {@link #outputAxes()} except
     * for 2-D image formats.
     */
    public Axes ilastikOutputAxes() {
        return ilastikOutputAxes;
    }

    /**
     * Axes of the written array, per format kind: HDF5, N5, numpy: ilastik's order ({@link #ilastikOutputAxes()});
     * a 2-D image: {@code (row, column, c)}; multipage TIFF: {@code tzcyx} (5-D, singletons included; ilastik
     * ignores the requested order); OME-Zarr: {@code tczyx} (5-D); a sequence: the step axis first
     * ({@link #sliceCount()} slices), then one slice's axes ({@code (row, column, c)} for images, the rest of
     * {@code tzcyx} for multipage TIFF).
     */
    public Axes outputAxes() {
        return reorder.target();
    }

    /** Extents of the written array. */
    public long[] outputShape() {
        return outputShape.clone();
    }

    /**
     * Absolute output file (or directory for directory formats); for a sequence the name still holds the
     * {@code {slice_index}} field, see {@link #sliceFile(long)}.
     */
    public Path file() {
        return file;
    }

    /** Dataset path inside the file (HDF5, N5), else {@code null}. */
    public String internalPath() {
        return internalPath;
    }

    /** HDF5/N5 chunk shape in output axes (ilastik's), or {@code null} for other formats. */
    public long[] chunkShape() {
        return chunkShape == null ? null : chunkShape.clone();
    }

    /**
     * This plan with another chunk shape (output axes, each at least 1): the distributed export writes one chunk
     * per block of {@code --distributed_block_roi}.
     */
    public ExportPlan withChunkShape(long[] newChunkShape) {
        return new ExportPlan(source, format, cutout, converter, ilastikOutputAxes, reorder, file, internalPath,
                newChunkShape.clone(), drange, warnings, resolution, unit, existingOutput, sliceOffset);
    }

    /** gzip level: 1 for the compressed formats, 0 otherwise. */
    public int compressionLevel() {
        return format.compressed() ? 1 : 0;
    }

    /** The {@code drange} metadata converted to the export dtype (two values), or {@code null} when unknown. */
    public double[] drange() {
        return drange == null ? null : drange.clone();
    }

    /** Pixel size of the input along {@code axis} (0 = unknown), written into the {@code axistags}. */
    public double resolution(char axis) {
        return resolution.applyAsDouble(axis);
    }

    /** Unit of the input's pixel size along {@code axis}, or null when the input has none. */
    public String unit(char axis) {
        return unit.apply(axis);
    }

    /** What to do when the target exists ({@code --overwrite}, {@code --no-overwrite}, else ilastik's way). */
    public ExistingOutput existingOutput() {
        return existingOutput;
    }

    /** Number of files of a sequence format (the extent of the step axis, output axis 0); 1 otherwise. */
    public long sliceCount() {
        return format.isSequence() ? outputShape[0] : 1;
    }

    /**
     * The file of slice {@code index} (0-based along output axis 0) of a sequence format, as ilastik names it:
     * {@code {slice_index}} = {@code index} + the cutout's start on the step axis; without a format spec it is
     * zero-padded to {@code ceil(log10(offset + n + 1))} digits ({@code n} = {@link #sliceCount()}), a spec such
     * as {@code {slice_index:04}} is used as given. Other unknown fields stay literally in the name.
     *
     * @throws IllegalStateException for a format that is not a sequence
     */
    public Path sliceFile(long index) {
        if (!format.isSequence()) {
            throw new IllegalStateException(format.name() + " is not a sequence format");
        }
        return OutputPaths.sliceFile(file, index + sliceOffset, sliceOffset + sliceCount());
    }

    /** Every file the export writes: {@link #file()}, or each {@link #sliceFile(long)} of a sequence. */
    public List<Path> files() {
        if (!format.isSequence()) {
            return List.of(file);
        }
        List<Path> out = new java.util.ArrayList<>();
        for (long i = 0; i < sliceCount(); i++) {
            out.add(sliceFile(i));
        }
        return out;
    }

    /** Warnings for the log (clipped cutout, ignored axis order, ...). */
    public List<String> warnings() {
        return warnings;
    }

    /** The source box (absolute, pipeline order) whose data make the output block {@code outputBox}. */
    public Box sourceBoxFor(Box outputBox) {
        Box relative = reorder.toSource(outputBox, Box.ofShape(cutout.shape()));
        long[] a = relative.start();
        long[] b = relative.stop();
        for (int i = 0; i < a.length; i++) {
            a[i] += cutout.start(i);
            b[i] += cutout.start(i);
        }
        return new Box(a, b);
    }

    /**
     * Converts and reorders a computed source block (source dtype and axes, box inside {@link #cutout()}) into
     * the output block for the sink. The source block is not modified; the result may share its array when no
     * conversion and no permutation is needed.
     */
    public Block toOutput(Block sourceBlock) {
        if (!cutout.contains(sourceBlock.box())) {
            throw new IllegalArgumentException("source block " + sourceBlock.box() + " is outside the cutout "
                    + cutout);
        }
        Block converted = converter.convert(sourceBlock);
        Block relative = new Block(converted.axes(), converted.box().relativeTo(cutout.start()), converted.dtype(),
                converted.data());
        return reorder.apply(relative);
    }

    @Override
    public String toString() {
        return "ExportPlan[" + source.displayName() + " " + cutout + " " + converter + " → " + outputAxes() + " "
                + java.util.Arrays.toString(outputShape) + " " + format.name() + " " + file
                + (internalPath == null ? "" : "/" + internalPath) + "]";
    }
}
