package org.jilastik.export;

import java.util.Arrays;
import org.jilastik.array.DType;

/**
 * One layer of export settings, every field {@code null} when that layer does not set it: the command line's
 * flags, or the settings stored in the project (spec cli-and-io §3.2). {@link ExportPlanner} merges the layers,
 * CLI over project over ilastik's defaults.
 *
 * <p>Range bounds are {@link Long} when they were integers (typed without a decimal point, or stored as an
 * integer) and {@link Double} otherwise: NumPy treats the two differently with integer data (§3.9). The four
 * range bounds apply only together (normalisation needs all four). Region entries are {@code null} for
 * ilastik's {@code None}. Immutable; arrays are copied.
 *
 * @param format           {@code --output_format} / {@code OutputFormat}
 * @param filenameTemplate {@code --output_filename_format} / {@code OutputFilenameFormat}, verbatim
 * @param internalPath     {@code --output_internal_path} / {@code OutputInternalPath}
 * @param regionStart      {@code --cutout_subregion} start / {@code RegionStart}, pipeline axis order
 * @param regionStop       cutout stop (exclusive), same order; {@code null} entries and 0 mean "to the end"
 * @param inputMin         {@code --pipeline_result_drange} low / {@code InputMin}
 * @param inputMax         {@code --pipeline_result_drange} high / {@code InputMax}
 * @param exportMin        {@code --export_drange} low / {@code ExportMin}
 * @param exportMax        {@code --export_drange} high / {@code ExportMax}
 * @param exportDtype      {@code --export_dtype} / {@code ExportDtype}
 * @param outputAxisOrder  {@code --output_axis_order} / {@code OutputAxisOrder}, letters of {@code tzyxc}
 * @param regionAxes       the axis letters {@code regionStart}/{@code regionStop} are given in (jilastik's named
 *                         cutout {@code x=10:60,y=10:60}, or ilastik's 5-entry {@code tczyx} form); {@code null}
 *                         = ilastik's positional form in the source's pipeline order
 * @param clip             jilastik's {@code --clip}: clip to the export range and dtype before the cast
 *                         ({@code null} = not set = no clipping)
 * @param existingOutput   {@code --overwrite} / {@code --no-overwrite} ({@code null} = not set =
 *                         {@link ExistingOutput#ILASTIK})
 */
public record ExportChoices(String format, String filenameTemplate, String internalPath, Long[] regionStart,
        Long[] regionStop, Number inputMin, Number inputMax, Number exportMin, Number exportMax, DType exportDtype,
        String outputAxisOrder, String regionAxes, Boolean clip, ExistingOutput existingOutput) {

    /** A layer that sets nothing. */
    public static final ExportChoices NONE =
            new ExportChoices(null, null, null, null, null, null, null, null, null, null, null);

    /** A layer of ilastik's settings only (positional cutout, no jilastik extras). */
    public ExportChoices(String format, String filenameTemplate, String internalPath, Long[] regionStart,
            Long[] regionStop, Number inputMin, Number inputMax, Number exportMin, Number exportMax, DType exportDtype,
            String outputAxisOrder) {
        this(format, filenameTemplate, internalPath, regionStart, regionStop, inputMin, inputMax, exportMin,
                exportMax, exportDtype, outputAxisOrder, null, null, null);
    }

    /** A copy with jilastik's extras set. */
    public ExportChoices withExtras(String newRegionAxes, Boolean newClip, ExistingOutput newExistingOutput) {
        return new ExportChoices(format, filenameTemplate, internalPath, regionStart, regionStop, inputMin, inputMax,
                exportMin, exportMax, exportDtype, outputAxisOrder, newRegionAxes, newClip, newExistingOutput);
    }

    /** Copies the arrays; range bounds must be Long, Double or null. */
    public ExportChoices {
        regionStart = regionStart == null ? null : regionStart.clone();
        regionStop = regionStop == null ? null : regionStop.clone();
        for (Number n : new Number[] {inputMin, inputMax, exportMin, exportMax}) {
            if (n != null && !(n instanceof Long) && !(n instanceof Double)) {
                throw new IllegalArgumentException("a range bound must be a Long or a Double, not " + n);
            }
        }
    }

    /** Whether all four range bounds are set (normalisation applies). */
    public boolean normalizes() {
        return inputMin != null && inputMax != null && exportMin != null && exportMax != null;
    }

    @Override
    public Long[] regionStart() {
        return regionStart == null ? null : regionStart.clone();
    }

    @Override
    public Long[] regionStop() {
        return regionStop == null ? null : regionStop.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExportChoices c && java.util.Objects.equals(format, c.format)
                && java.util.Objects.equals(filenameTemplate, c.filenameTemplate)
                && java.util.Objects.equals(internalPath, c.internalPath)
                && Arrays.equals(regionStart, c.regionStart) && Arrays.equals(regionStop, c.regionStop)
                && java.util.Objects.equals(inputMin, c.inputMin) && java.util.Objects.equals(inputMax, c.inputMax)
                && java.util.Objects.equals(exportMin, c.exportMin)
                && java.util.Objects.equals(exportMax, c.exportMax) && exportDtype == c.exportDtype
                && java.util.Objects.equals(outputAxisOrder, c.outputAxisOrder)
                && java.util.Objects.equals(regionAxes, c.regionAxes) && java.util.Objects.equals(clip, c.clip)
                && existingOutput == c.existingOutput;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(format, filenameTemplate, internalPath, Arrays.hashCode(regionStart),
                Arrays.hashCode(regionStop), inputMin, inputMax, exportMin, exportMax, exportDtype, outputAxisOrder,
                regionAxes, clip, existingOutput);
    }
}
