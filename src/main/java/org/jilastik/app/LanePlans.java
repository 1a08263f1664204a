package org.jilastik.app;

import java.io.PrintStream;
import java.nio.file.Path;
import org.jilastik.export.ExportChoices;
import org.jilastik.export.ExportPlan;
import org.jilastik.export.ExportPlanner;
import org.jilastik.export.ExportSourceInfo;
import org.jilastik.export.LaneExportFacts;
import org.jilastik.io.ImageSource;
import org.jilastik.project.Project;

/**
 * The export plan of one lane, the same for every workflow: the command line's export choices over the project's
 * stored ones (in a distributed run, redirected to the shared dataset), the lane's file-name facts taken from its
 * raw data, and the plan's warnings printed unless {@code --quiet}. Stateless.
 */
final class LanePlans {
    private LanePlans() {
    }

    /**
     * Plans the export of {@code info} for the lane whose raw data is {@code raw} (opened as {@code rawImage}).
     *
     * @param log where the plan's warnings go
     */
    static ExportPlan plan(RunRequest request, Project project, ExportSourceInfo info, LaneInputs.OpenedRole raw,
            ImageSource rawImage, Path cwd, PrintStream log) {
        LaneExportFacts facts = new LaneExportFacts(raw.input().nickname(),
                raw.input().datasetDir().toAbsolutePath().toString(), rawImage.axes(), rawImage::resolution,
                rawImage::unit);
        ExportChoices cli = ExportChoicesAdapter.fromCli(request.export());
        ExportChoices stored = ExportChoicesAdapter.fromProject(project.exportSettings().orElse(null));
        if (request.distributed().distributed()) {
            cli = DistributedLane.sharedChoices(cli, stored);
        }
        ExportPlan plan = ExportPlanner.plan(cli, stored, info, facts, cwd, project.path().toAbsolutePath().getParent());
        if (!request.quiet()) {
            plan.warnings().forEach(w -> log.println("jilastik: warning: " + w));
        }
        return plan;
    }
}
