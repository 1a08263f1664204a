package org.jilastik.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.function.IntConsumer;
import org.jilastik.distributed.DistributedExport;
import org.jilastik.distributed.LauncherEnvironment;
import org.jilastik.export.ExportChoices;
import org.jilastik.export.ExportPlan;
import org.jilastik.export.SourceComputer;
import org.jilastik.project.Project;

/**
 * The {@code --distributed} variant of one lane's export: the export is planned as N5 (ilastik ignores
 * {@code --output_format} here and names the container after the file name template with its last suffix replaced
 * by {@code .n5}; {@code compressed n5} keeps its gzip), and this process writes its share of the blocks
 * ({@link DistributedExport}). Stateless.
 */
final class DistributedLane {
    private DistributedLane() {
    }

    /** The command line's export choices with the format forced to N5 ({@code compressed n5} when chosen). */
    static ExportChoices n5Choices(ExportChoices cli, ExportChoices stored) {
        String chosen = cli.format() != null ? cli.format() : stored.format();
        String format = "compressed n5".equals(chosen) ? "compressed n5" : "n5";
        return new ExportChoices(format, cli.filenameTemplate(), cli.internalPath(), cli.regionStart(),
                cli.regionStop(), cli.inputMin(), cli.inputMax(), cli.exportMin(), cli.exportMax(), cli.exportDtype(),
                cli.outputAxisOrder(), cli.regionAxes(), cli.clip(), cli.existingOutput());
    }

    /** Runs this process's share of the lane's blocks; returns the N5 container. */
    static Path run(RunRequest request, Project project, String[] lane, ExportPlan plan, SourceComputer computer,
            long[] tileShape, ExecutorService pool, IntConsumer progress, PrintStream log) {
        BlockRoi roi = request.distributed().blockRoi() == null ? BlockRoi.DEFAULT : request.distributed().blockRoi();
        long[] blockShape = DistributedExport.blockShape(plan.outputAxes(), plan.outputShape(), roi::size);
        DistributedExport.Result r = DistributedExport.run(plan, blockShape, runKey(project, lane, plan),
                LauncherEnvironment.current(), computer, tileShape, pool, progress, request.quiet() ? null : log);
        return r.file();
    }

    // What must agree for two processes (or a re-run) to share a dataset: the project file as it is on disk, the
    // lane's inputs and the export source. Shape, dtype, axes and block layout are in the N5 metadata anyway.
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
