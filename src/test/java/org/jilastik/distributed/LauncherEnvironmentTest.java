package org.jilastik.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.jilastik.error.JilastikException;
import org.junit.jupiter.api.Test;

class LauncherEnvironmentTest {
    private static LauncherEnvironment detect(String... kv) {
        java.util.Map<String, String> env = new java.util.HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            env.put(kv[i], kv[i + 1]);
        }
        return LauncherEnvironment.detect(env);
    }

    @Test
    void eachLauncherIsRead() {
        assertThat(detect("OMPI_COMM_WORLD_RANK", "3", "OMPI_COMM_WORLD_SIZE", "4", "PMI_RANK", "0", "PMI_SIZE", "9"))
                .isEqualTo(new LauncherEnvironment(3, 4, "Open MPI"));
        assertThat(detect("PMI_RANK", "1", "PMI_SIZE", "2")).isEqualTo(new LauncherEnvironment(1, 2,
                "PMI (MPICH Hydra)"));
        assertThat(detect("SLURM_PROCID", "5", "SLURM_NTASKS", "8")).isEqualTo(new LauncherEnvironment(5, 8,
                "Slurm srun"));
        // the step's task count wins over the allocation's
        assertThat(detect("SLURM_PROCID", "1", "SLURM_NTASKS", "8", "SLURM_STEP_NUM_TASKS", "2"))
                .isEqualTo(new LauncherEnvironment(1, 2, "Slurm srun"));
        assertThat(detect()).isEqualTo(LauncherEnvironment.SINGLE);
        // jilastik's own variables come first, for launchers that set nothing else (or set something misleading)
        assertThat(detect("JILASTIK_RANK", "2", "JILASTIK_SIZE", "3", "OMPI_COMM_WORLD_RANK", "0",
                "OMPI_COMM_WORLD_SIZE", "1")).isEqualTo(new LauncherEnvironment(2, 3, "JILASTIK_RANK/SIZE"));
        assertThatThrownBy(() -> detect("JILASTIK_RANK", "2")).hasMessageContaining("JILASTIK_SIZE is not");
        // PMI_ID alone (Hydra -pmi-port) gives no size: a single process
        assertThat(detect("PMI_ID", "1")).isEqualTo(LauncherEnvironment.SINGLE);
    }

    @Test
    void batchScriptOutsideSrunIsOneProcessUnlessAnArray() {
        assertThat(detect("SLURM_PROCID", "0", "SLURM_NTASKS", "1")).isEqualTo(LauncherEnvironment.SINGLE);
        assertThat(detect("SLURM_PROCID", "0", "SLURM_NTASKS", "1", "SLURM_ARRAY_TASK_ID", "12",
                "SLURM_ARRAY_TASK_MIN", "10", "SLURM_ARRAY_TASK_MAX", "13", "SLURM_ARRAY_TASK_COUNT", "4"))
                .isEqualTo(new LauncherEnvironment(2, 4, "Slurm job array"));
    }

    @Test
    void jobArrays() {
        assertThat(detect("SLURM_ARRAY_TASK_ID", "7", "SLURM_ARRAY_TASK_MIN", "1", "SLURM_ARRAY_TASK_MAX", "9",
                "SLURM_ARRAY_TASK_STEP", "2")).isEqualTo(new LauncherEnvironment(3, 5, "Slurm job array"));
        assertThat(detect("SLURM_ARRAY_TASK_ID", "0", "SLURM_ARRAY_TASK_COUNT", "3"))
                .isEqualTo(new LauncherEnvironment(0, 3, "Slurm job array"));
        assertThatThrownBy(() -> detect("SLURM_ARRAY_TASK_ID", "5", "SLURM_ARRAY_TASK_MIN", "1",
                "SLURM_ARRAY_TASK_MAX", "7", "SLURM_ARRAY_TASK_COUNT", "3")).isInstanceOf(JilastikException.class)
                .hasMessageContaining("has 3 tasks, so some blocks would have no owner");
        assertThatThrownBy(() -> detect("SLURM_ARRAY_TASK_ID", "5")).hasMessageContaining(
                "neither SLURM_ARRAY_TASK_MIN/MAX nor SLURM_ARRAY_TASK_COUNT");
    }

    @Test
    void malformedValuesAreUsageErrors() {
        assertThatThrownBy(() -> detect("OMPI_COMM_WORLD_RANK", "x", "OMPI_COMM_WORLD_SIZE", "2"))
                .isInstanceOf(JilastikException.class).hasMessage(
                        "the environment variable OMPI_COMM_WORLD_RANK=\"x\" is not a whole number; check the "
                                + "launcher's variables");
        assertThatThrownBy(() -> detect("OMPI_COMM_WORLD_RANK", "2", "OMPI_COMM_WORLD_SIZE", "2"))
                .hasMessageContaining("gives rank 2 of 2 processes");
        assertThatThrownBy(() -> detect("OMPI_COMM_WORLD_RANK", "0")).hasMessageContaining(
                "OMPI_COMM_WORLD_SIZE is not");
        assertThat(((JilastikException) org.assertj.core.api.Assertions.catchThrowable(
                () -> LauncherEnvironment.detect(Map.of("PMI_RANK", "-1", "PMI_SIZE", "2")))).exitCode()).isEqualTo(2);
    }
}
