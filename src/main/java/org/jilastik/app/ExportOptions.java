package org.jilastik.app;

import org.jilastik.array.DType;

/**
 * Export flags as given on the command line. Every field is {@code null} (or {@code false}) when the flag was
 * not given, so settings stored in the project can apply later (spec cli-and-io §3.2).
 *
 * @param exportSource          {@code --export_source}: after project checks the workflow's canonical name
 * @param outputFormat          {@code --output_format}, one of {@link OutputFormats#ALL}, exact spelling
 * @param outputFilenameFormat  {@code --output_filename_format} template, verbatim
 * @param outputInternalPath    {@code --output_internal_path}, verbatim
 * @param cutoutSubregion       {@code --cutout_subregion}
 * @param pipelineResultDrange  {@code --pipeline_result_drange}
 * @param exportDrange          {@code --export_drange} (only together with the pipeline range)
 * @param exportDtype           {@code --export_dtype}
 * @param outputAxisOrder       {@code --output_axis_order}, lower-cased letters of {@code tzyxc}, no repeats
 * @param tableOnly             {@code --table_only}
 * @param exportPlugin          {@code --export_plugin} (tracking)
 * @param bigDataViewerXmlFile  {@code --big_data_viewer_xml_file} (tracking)
 * @param clip                  jilastik's {@code --clip}: clamp to the export range and dtype before the cast
 * @param overwrite             jilastik's {@code --overwrite} ({@code TRUE}) / {@code --no-overwrite}
 *                              ({@code FALSE}); {@code null} = ilastik's behaviour per format
 */
public record ExportOptions(String exportSource, String outputFormat, String outputFilenameFormat,
        String outputInternalPath, CutoutSubregion cutoutSubregion, DataRange pipelineResultDrange,
        DataRange exportDrange, DType exportDtype, String outputAxisOrder, boolean tableOnly, String exportPlugin,
        String bigDataViewerXmlFile, boolean clip, Boolean overwrite) {

    /** No export flag given. */
    public static final ExportOptions NONE =
            new ExportOptions(null, null, null, null, null, null, null, null, null, false, null, null);

    /** ilastik's export flags only (no {@code --clip}, no overwrite flag). */
    public ExportOptions(String exportSource, String outputFormat, String outputFilenameFormat,
            String outputInternalPath, CutoutSubregion cutoutSubregion, DataRange pipelineResultDrange,
            DataRange exportDrange, DType exportDtype, String outputAxisOrder, boolean tableOnly, String exportPlugin,
            String bigDataViewerXmlFile) {
        this(exportSource, outputFormat, outputFilenameFormat, outputInternalPath, cutoutSubregion,
                pipelineResultDrange, exportDrange, exportDtype, outputAxisOrder, tableOnly, exportPlugin,
                bigDataViewerXmlFile, false, null);
    }

    /** A copy with {@code exportSource} replaced (used to store the canonical source name). */
    public ExportOptions withExportSource(String source) {
        return new ExportOptions(source, outputFormat, outputFilenameFormat, outputInternalPath, cutoutSubregion,
                pipelineResultDrange, exportDrange, exportDtype, outputAxisOrder, tableOnly, exportPlugin,
                bigDataViewerXmlFile, clip, overwrite);
    }
}
