package org.jilastik.project;

/**
 * Stored data-export settings (spec pixel-classification §6.1) of the workflow's export group
 * ({@code Prediction Export}, {@code Data Export}, {@code Density Export}, {@code Object Information Export},
 * {@code Tracking Result Export}). Every field is verbatim and null when not stored; the {@code ...OrDefault}
 * methods apply ilastik's defaults. Plain data; treat arrays as read-only.
 *
 * @param groupPath            HDF5 path of the export group
 * @param outputFilenameFormat {@code OutputFilenameFormat}
 * @param outputFormat         {@code OutputFormat}, e.g. {@code hdf5}, {@code tif}
 * @param outputInternalPath   {@code OutputInternalPath}
 * @param exportDtype          {@code ExportDtype} (numpy name)
 * @param outputAxisOrder      {@code OutputAxisOrder}, e.g. {@code tzyxc}
 * @param regionStart          {@code RegionStart} in the source's axis order; {@code -1} means "from 0"
 * @param regionStop           {@code RegionStop}; {@code -1} means "to the end"
 * @param inputMin             {@code InputMin}
 * @param inputMax             {@code InputMax}
 * @param exportMin            {@code ExportMin}
 * @param exportMax            {@code ExportMax}
 * @param inputSelection       {@code InputSelection}: index of the export source
 * @param selectedPlugin       {@code SelectedPlugin} (tracking export plugins)
 */
public record ExportSettings(String groupPath, String outputFilenameFormat, String outputFormat,
                             String outputInternalPath, String exportDtype, String outputAxisOrder,
                             long[] regionStart, long[] regionStop, Double inputMin, Double inputMax,
                             Double exportMin, Double exportMax, Integer inputSelection, String selectedPlugin) {
    /** ilastik's default file name template. */
    public static final String DEFAULT_FILENAME_FORMAT = "{dataset_dir}/{nickname}_{result_type}";
    /** ilastik's default output format (from its configuration). */
    public static final String DEFAULT_FORMAT = "compressed hdf5";
    /** ilastik's default HDF5 dataset name. */
    public static final String DEFAULT_INTERNAL_PATH = "exported_data";

    /** The file name template, or ilastik's default. */
    public String filenameFormatOrDefault() {
        return outputFilenameFormat == null ? DEFAULT_FILENAME_FORMAT : outputFilenameFormat;
    }

    /** The output format, or ilastik's default. */
    public String formatOrDefault() {
        return outputFormat == null ? DEFAULT_FORMAT : outputFormat;
    }

    /** The HDF5 internal path, or ilastik's default. */
    public String internalPathOrDefault() {
        return outputInternalPath == null ? DEFAULT_INTERNAL_PATH : outputInternalPath;
    }

    /** Whether a range normalisation is stored (only when all four bounds are). */
    public boolean normalizes() {
        return inputMin != null && inputMax != null && exportMin != null && exportMax != null;
    }
}
