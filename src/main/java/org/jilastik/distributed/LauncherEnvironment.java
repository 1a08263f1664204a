package org.jilastik.distributed;

import java.util.Map;
import org.jilastik.error.JilastikException;

/**
 * This process's place in a distributed run, read from the environment its launcher sets (spec cli-and-io §5.3),
 * checked in this order:
 * <ol>
 *   <li>jilastik's own {@code JILASTIK_RANK} / {@code JILASTIK_SIZE}, for any other launcher (GNU parallel, a
 *       Kubernetes indexed job, a shell loop);</li>
 *   <li>Open MPI {@code mpirun}/{@code mpiexec}: {@code OMPI_COMM_WORLD_RANK} / {@code OMPI_COMM_WORLD_SIZE};</li>
 *   <li>MPICH Hydra (PMI-1) and srun's pmi2 plugin: {@code PMI_RANK} / {@code PMI_SIZE};</li>
 *   <li>Slurm {@code srun}: {@code SLURM_PROCID} / {@code SLURM_STEP_NUM_TASKS} (else {@code SLURM_NTASKS}),
 *       used when the step has more than one task;</li>
 *   <li>a Slurm job array: index {@code (SLURM_ARRAY_TASK_ID - MIN) / STEP} of
 *       {@code (MAX - MIN) / STEP + 1} tasks ({@code SLURM_ARRAY_TASK_MIN}, {@code _MAX}, {@code _STEP}, default
 *       step 1); without MIN/MAX, {@code SLURM_ARRAY_TASK_COUNT} tasks numbered from 0. An array with gaps
 *       ({@code --array=1,5,7}: COUNT disagrees with the range) is refused, since some blocks would have no
 *       owner;</li>
 *   <li>otherwise a single process (rank 0 of 1), which computes every block.</li>
 * </ol>
 * Immutable, thread safe.
 *
 * @param rank     this process's index, {@code 0 ≤ rank < size}
 * @param size     the number of processes sharing the work
 * @param launcher what the values were read from, for the log (e.g. {@code "Open MPI"})
 */
public record LauncherEnvironment(int rank, int size, String launcher) {
    /** A single process that owns every block. */
    public static final LauncherEnvironment SINGLE = new LauncherEnvironment(0, 1, "no launcher");

    /** Checks {@code 0 ≤ rank < size}. */
    public LauncherEnvironment {
        if (size < 1 || rank < 0 || rank >= size) {
            throw new IllegalArgumentException("rank " + rank + " of " + size + " is not a valid place");
        }
    }

    /** The place of the running process ({@link System#getenv()}). */
    public static LauncherEnvironment current() {
        return detect(System.getenv());
    }

    /**
     * The place described by {@code env}.
     *
     * @throws JilastikException (usage) when a launcher's variables are present but malformed or inconsistent
     */
    public static LauncherEnvironment detect(Map<String, String> env) {
        if (env.containsKey("JILASTIK_RANK")) {
            return pair(env, "JILASTIK_RANK", "JILASTIK_SIZE", "JILASTIK_RANK/SIZE");
        }
        if (env.containsKey("OMPI_COMM_WORLD_RANK")) {
            return pair(env, "OMPI_COMM_WORLD_RANK", "OMPI_COMM_WORLD_SIZE", "Open MPI");
        }
        if (env.containsKey("PMI_RANK") && env.containsKey("PMI_SIZE")) {
            return pair(env, "PMI_RANK", "PMI_SIZE", "PMI (MPICH Hydra)");
        }
        if (env.containsKey("SLURM_PROCID")) {
            String sizeVar = env.containsKey("SLURM_STEP_NUM_TASKS") ? "SLURM_STEP_NUM_TASKS" : "SLURM_NTASKS";
            if (env.containsKey(sizeVar) && number(env, sizeVar) > 1) {
                return pair(env, "SLURM_PROCID", sizeVar, "Slurm srun");
            }
        }
        if (env.containsKey("SLURM_ARRAY_TASK_ID")) {
            return array(env);
        }
        return SINGLE;
    }

    private static LauncherEnvironment array(Map<String, String> env) {
        long id = number(env, "SLURM_ARRAY_TASK_ID");
        long step = env.containsKey("SLURM_ARRAY_TASK_STEP") ? number(env, "SLURM_ARRAY_TASK_STEP") : 1;
        if (step < 1) {
            throw JilastikException.usage("SLURM_ARRAY_TASK_STEP is " + step + "; a job array needs a positive step");
        }
        long rank;
        long size;
        if (env.containsKey("SLURM_ARRAY_TASK_MIN") && env.containsKey("SLURM_ARRAY_TASK_MAX")) {
            long min = number(env, "SLURM_ARRAY_TASK_MIN");
            long max = number(env, "SLURM_ARRAY_TASK_MAX");
            if ((id - min) % step != 0) {
                throw JilastikException.usage("SLURM_ARRAY_TASK_ID " + id + " is not on the array's range " + min + "-"
                        + max + ":" + step + "; submit the array as one range (--array=MIN-MAX[:STEP])");
            }
            rank = (id - min) / step;
            size = (max - min) / step + 1;
            if (env.containsKey("SLURM_ARRAY_TASK_COUNT") && number(env, "SLURM_ARRAY_TASK_COUNT") != size) {
                throw JilastikException.usage("the job array " + min + "-" + max + " has " + number(env,
                        "SLURM_ARRAY_TASK_COUNT") + " tasks, so some blocks would have no owner; submit the array as "
                        + "one range without gaps (--array=MIN-MAX[:STEP])");
            }
        } else if (env.containsKey("SLURM_ARRAY_TASK_COUNT")) {
            rank = id;
            size = number(env, "SLURM_ARRAY_TASK_COUNT");
        } else {
            throw JilastikException.usage("SLURM_ARRAY_TASK_ID is set but neither SLURM_ARRAY_TASK_MIN/MAX nor "
                    + "SLURM_ARRAY_TASK_COUNT; run inside a Slurm job array or unset SLURM_ARRAY_TASK_ID");
        }
        return checked(rank, size, "Slurm job array");
    }

    private static LauncherEnvironment pair(Map<String, String> env, String rankVar, String sizeVar, String who) {
        if (!env.containsKey(sizeVar)) {
            throw JilastikException.usage(rankVar + " is set but " + sizeVar + " is not; start jilastik through the "
                    + "launcher or unset " + rankVar);
        }
        return checked(number(env, rankVar), number(env, sizeVar), who);
    }

    private static LauncherEnvironment checked(long rank, long size, String who) {
        if (size < 1 || size > Integer.MAX_VALUE || rank < 0 || rank >= size) {
            throw JilastikException.usage("the " + who + " environment gives rank " + rank + " of " + size
                    + " processes; check the launcher's variables");
        }
        return new LauncherEnvironment((int) rank, (int) size, who);
    }

    private static long number(Map<String, String> env, String name) {
        String v = env.get(name).trim();
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw JilastikException.usage("the environment variable " + name + "=\"" + v + "\" is not a whole "
                    + "number; check the launcher's variables");
        }
    }
}
