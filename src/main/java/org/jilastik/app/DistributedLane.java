package org.jilastik.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.function.IntConsumer;
import org.jilastik.distributed.DistributedExport;
import org.jilastik.distributed.DistributedStep;
import org.jilastik.error.JilastikException;
import org.jilastik.export.ExportChoices;
import org.jilastik.export.ExportFormat;
import org.jilastik.export.ExportPlan;
import org.jilastik.export.SourceComputer;
import org.jilastik.project.Project;

/**
 * The {@code --distributed} variant of one lane's export. The shared dataset is N5, as in ilastik (which ignores
 * {@code --output_format} here and names the container after the file name template with its last suffix replaced
 * by {@code .n5}; {@code compressed n5} keeps its gzip) — except that a single-scale OME-Zarr format
 * ({@code single-scale OME-Zarr}, {@code single-scale OME-Zarr 0.5}) writes that OME-Zarr image, named as the
 * single-process export names it. This process writes its share of the blocks ({@link DistributedExport}).
 * Stateless.
 */
final class DistributedLane {
    private DistributedLane() {
    }

    /** The command line's export choices with the format forced to N5 unless a single-scale OME-Zarr is chosen. */
    static ExportChoices sharedChoices(ExportChoices cli, ExportChoices stored) {
        String chosen = cli.format() != null ? cli.format() : stored.format();
        ExportFormat f = chosen == null ? null : ExportFormat.of(chosen);
        String format;
        if (f != null && f.kind() == ExportFormat.Kind.OME_ZARR) {
            if (f.multiscale()) {
                throw JilastikException.usage("--distributed writes single-scale OME-Zarr only; choose --output_format="
                        + "\"single-scale OME-Zarr\" (or \"single-scale OME-Zarr 0.5\") and build the pyramid "
                        + "afterwards");
            }
            format = chosen;
        } else {
            format = "compressed n5".equals(chosen) ? "compressed n5" : "n5";
        }
        return new ExportChoices(format, cli.filenameTemplate(), cli.internalPath(), cli.regionStart(),
                cli.regionStop(), cli.inputMin(), cli.inputMax(), cli.exportMin(), cli.exportMax(), cli.exportDtype(),
                cli.outputAxisOrder(), cli.regionAxes(), cli.clip(), cli.existingOutput());
    }

    /** Runs this process's share of the lane's blocks; returns what the user opens (N5 container, OME-Zarr). */
    static Path run(RunRequest request, Project project, String[] lane, ExportPlan plan, SourceComputer computer,
            long[] tileShape, ExecutorService pool, IntConsumer progress, PrintStream log) {
        DistributedOptions options = request.distributed();
        long[] blockShape = DistributedExport.blockShape(plan.outputAxes(), plan.outputShape(),
                options.blockRoiOrDefault()::size);
        DistributedExport.Result r = DistributedExport.run(plan, blockShape, runKey(project, lane, plan),
                options.placeOrCurrent(), options.step(), computer, tileShape, pool, progress,
                request.quiet() ? null : log);
        if (options.results() != null) {
            options.results().accept(r);
        }
        if (options.step() == DistributedStep.FINALIZE && !r.complete()) {
            throw JilastikException.processing(r.missing() + " of " + r.total() + " blocks of " + r.file() + " are "
                    + "missing, so it is not marked complete; run the same command again to compute them");
        }
        return r.file();
    }

    // What must agree for two processes (or a re-run) to share a dataset: the project file as it is on disk, the
    // lane's inputs and the export source. Shape, dtype, axes and block layout are in the metadata anyway.
    private static String runKey(Project project, String[] lane, ExportPlan plan) {
        Path p = project.path().toAbsolutePath();
        String stamp;
        try {
            stamp = Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            stamp = "?";
        }
        StringBuilder b = new StringBuilder(p + " (" + stamp + ")");
        for (String role : lane) {
            b.append(" | ").append(role);
        }
        return b.append(" | ").append(plan.source().displayName()).toString();
    }
}
