package org.jilastik.spark;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.jilastik.cli.DistributedCommand;
import org.jilastik.distributed.DistributedExport;
import org.jilastik.distributed.DistributedStep;
import org.jilastik.distributed.LauncherEnvironment;
import org.jilastik.error.JilastikException;

/**
 * jilastik's distributed export as a Spark application: {@code spark-submit --class org.jilastik.spark.SparkJilastik
 * jilastik-spark-VERSION-all.jar JILASTIK-ARGUMENTS}, on any cluster manager whose executors share a file system
 * with the driver (the project, the inputs and the output directory must be reachable under the same paths).
 *
 * <ol>
 *   <li>The driver runs the command as {@link DistributedStep#PLAN}: it parses and checks the arguments, reads the
 *       project, plans each lane's export and its blocks exactly as {@code --distributed} does, and creates (or
 *       joins, or with {@code --overwrite} replaces, or with {@code --no-overwrite} refuses) the shared N5 or
 *       OME-Zarr dataset — so a usage error ends the application before any task starts.</li>
 *   <li>One Spark task per block: task {@code k} of {@code n} (the largest block count of any lane) runs the
 *       command as {@link DistributedStep#COMPUTE} with rank {@code k} of {@code n}, so it owns block {@code k}
 *       of each lane, skips it when it is already on disk (a restart, a retried task), and writes it atomically.
 *       Spark balances the tasks over the executors and retries a failed one
 *       ({@code spark.task.maxFailures}); each task uses {@code spark.task.cpus} threads
 *       ({@code LAZYFLOW_THREADS}, unless the executor's environment sets it). An executor reads the project once
 *       for all its tasks.</li>
 *   <li>The driver runs the command as {@link DistributedStep#FINALIZE}: it checks that every block is present
 *       and writes the completion marker, then prints each output's path on stdout.</li>
 * </ol>
 * Exit code: 0 done, 1 processing error (a block failed after Spark's retries, or blocks are missing), 2 usage
 * error; messages as the {@code jilastik} command gives them.
 */
public final class SparkJilastik {
    private SparkJilastik() {
    }

    /** Runs the application on the Spark context spark-submit configures. */
    public static void main(String[] args) {
        SparkConf conf = new SparkConf().setAppName("jilastik");
        int code;
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            code = run(sc, args, System.getenv(), System.err);
        }
        System.exit(code);
    }

    /**
     * Runs {@code args} on {@code sc}; returns the exit code.
     *
     * @param env the driver's environment ({@code LAZYFLOW_*} for the driver's own steps)
     * @param err where the driver's log and error lines go
     */
    public static int run(JavaSparkContext sc, String[] args, Map<String, String> env, PrintStream err) {
        LauncherEnvironment driver = new LauncherEnvironment(0, 1, "Spark driver");
        DistributedCommand.Outcome plan = DistributedCommand.run(args, env, driver, DistributedStep.PLAN, err);
        if (plan.exitCode() != 0) {
            return plan.exitCode();
        }
        int tasks = plan.lanes().stream().mapToInt(DistributedExport.Result::total).max().orElse(0);
        int missing = plan.lanes().stream().mapToInt(DistributedExport.Result::missing).sum();
        if (missing > 0) {
            err.println("jilastik: spark: " + missing + " missing blocks in " + plan.lanes().size() + " outputs; "
                    + tasks + " tasks");
            int cpus = sc.getConf().getInt("spark.task.cpus", 1);
            List<Integer> ranks = new ArrayList<>(IntStream.range(0, tasks).boxed().toList());
            try {
                sc.parallelize(ranks, tasks).foreach(k -> BlockTask.run(args, k, tasks, cpus));
            } catch (Exception e) { // SparkException, thrown undeclared through Scala
                err.println("jilastik: spark: blocks failed after Spark's retries (" + firstLine(e) + "); run the "
                        + "same command again to compute the missing blocks");
                return JilastikException.PROCESSING;
            }
        }
        return DistributedCommand.run(args, env, driver, DistributedStep.FINALIZE, err).exitCode();
    }

    private static String firstLine(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String m = String.valueOf(t.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** The executor side: one block (rank {@code k} of {@code n}) of every lane. */
    static final class BlockTask {
        private BlockTask() {
        }

        static void run(String[] args, int k, int n, int cpus) {
            Map<String, String> env = new HashMap<>(System.getenv());
            env.putIfAbsent("LAZYFLOW_THREADS", Integer.toString(cpus));
            DistributedCommand.Outcome o = DistributedCommand.run(args, env,
                    new LauncherEnvironment(k, n, "Spark task"), DistributedStep.COMPUTE, System.err);
            if (o.exitCode() != 0) {
                // Spark retries the task; the message is on the executor's stderr
                throw new IllegalStateException("jilastik block task " + k + " of " + n + " failed with exit code "
                        + o.exitCode());
            }
        }
    }
}
