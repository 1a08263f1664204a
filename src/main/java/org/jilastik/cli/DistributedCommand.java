package org.jilastik.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jilastik.distributed.DistributedExport;
import org.jilastik.distributed.DistributedStep;
import org.jilastik.distributed.LauncherEnvironment;
import org.jilastik.project.Project;
import org.jilastik.project.ProjectReader;

/**
 * A jilastik command line run as one part of a distributed export whose place and step the caller chooses instead
 * of a launcher's environment: the entry point of schedulers that keep their own books (the {@code jilastik-spark}
 * module runs every Spark task as {@link DistributedStep#COMPUTE} with its own rank, and the driver as
 * {@link DistributedStep#FINALIZE}). {@code --distributed} is added when missing. Errors are reported as the
 * {@code jilastik} command reports them (one line on {@code err}) and give the exit code. A project file is read
 * once per JVM while its size and modification time stay the same, so the tasks of one executor share it (a
 * {@link Project} is only read after loading). Thread safe.
 */
public final class DistributedCommand {
    private static final Map<Path, CachedProject> PROJECTS = new ConcurrentHashMap<>();

    private DistributedCommand() {
    }

    /**
     * How the command ended.
     *
     * @param exitCode the exit code the {@code jilastik} command would have (0, 1 processing, 2 usage)
     * @param lanes    each exported lane's outcome, in lane order (empty when it failed before exporting)
     */
    public record Outcome(int exitCode, List<DistributedExport.Result> lanes) {
    }

    private record CachedProject(long size, long modified, Project project) {
    }

    /**
     * Runs {@code args} as the given part of the distributed export.
     *
     * @param args  jilastik's command line ({@code --distributed} is added when absent)
     * @param env   the environment (for {@code LAZYFLOW_THREADS}, {@code LAZYFLOW_TOTAL_RAM_MB}; launcher variables
     *              are ignored: {@code place} counts)
     * @param place this part's rank and the number of parts
     * @param step  what this part does
     * @param err   where the log and error lines go (stdout gets the written paths, as for the command)
     */
    public static Outcome run(String[] args, Map<String, String> env, LauncherEnvironment place, DistributedStep step,
            PrintStream err) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        if (!all.contains("--distributed")) {
            all.add("--distributed");
        }
        List<DistributedExport.Result> lanes = Collections.synchronizedList(new ArrayList<>());
        int code = Main.run(all.toArray(String[]::new), env, System.out, err, DistributedCommand::project,
                r -> r.withDistributed(r.distributed().with(place, step, lanes::add)));
        return new Outcome(code, List.copyOf(lanes));
    }

    private static Project project(Path path) {
        Path key = path.toAbsolutePath().normalize();
        long size;
        long modified;
        try {
            size = Files.size(key);
            modified = Files.getLastModifiedTime(key).toMillis();
        } catch (IOException e) {
            return ProjectReader.read(path); // reports the problem as the command does
        }
        CachedProject c = PROJECTS.get(key);
        if (c == null || c.size() != size || c.modified() != modified) {
            c = new CachedProject(size, modified, ProjectReader.read(path));
            PROJECTS.put(key, c);
        }
        return c.project();
    }
}
