package org.jilastik.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the shaded jilastik jar in a child JVM, as a user would: {@code java --add-modules jdk.incubator.vector
 * --enable-native-access=ALL-UNNAMED -jar jilastik-VERSION-all.jar ARGS}, with the java binary of the JVM that runs
 * the test. The jar is the one failsafe names in the system property {@code jilastik.jar}. Stateless; thread safe.
 */
final class Jilastik {
    /** The one line the JVM prints for the incubator module; the launcher script filters exactly this line. */
    static final String INCUBATOR_WARNING = "WARNING: Using incubator modules: jdk.incubator.vector";
    private static final long TIMEOUT_S = 300;

    private Jilastik() {
    }

    /**
     * What a finished run left behind.
     *
     * @param exitCode the process exit status
     * @param stdout   everything written to stdout
     * @param stderr   stderr lines, without {@link #INCUBATOR_WARNING}
     */
    record Result(int exitCode, String stdout, List<String> stderr) {
        String describe() {
            return "exit " + exitCode + "\nstderr:\n" + String.join("\n", stderr) + "\nstdout:\n" + stdout;
        }
    }

    static Path jar() {
        String p = System.getProperty("jilastik.jar");
        if (p == null) {
            throw new IllegalStateException("system property jilastik.jar is not set (run through maven-failsafe)");
        }
        Path jar = Path.of(p);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the jilastik jar " + jar + " does not exist; run mvn package first");
        }
        return jar;
    }

    /**
     * Runs jilastik with {@code args} in {@code cwd}; {@code env} entries are added to (a value of {@code null}
     * removes a variable from) the inherited environment.
     */
    static Result run(Path cwd, Map<String, String> env, List<String> args) {
        return launched(List.of(), cwd, env, args);
    }

    /**
     * Like {@link #run(Path, Map, List)}, with the java command prefixed by {@code launcher} (e.g.
     * {@code mpiexec -n 2}); the result is the launcher's.
     */
    static Result launched(List<String> launcher, Path cwd, Map<String, String> env, List<String> args) {
        ProcessBuilder pb = builder(launcher, cwd, env, args);
        try {
            Path errFile = Files.createTempFile("jilastik-e2e-stderr", ".txt");
            Path outFile = Files.createTempFile("jilastik-e2e-stdout", ".txt");
            try {
                pb.redirectError(errFile.toFile()).redirectOutput(outFile.toFile());
                Process p = pb.start();
                if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError("jilastik " + args + " did not finish within " + TIMEOUT_S + " s");
                }
                return result(p, errFile, outFile);
            } finally {
                Files.deleteIfExists(errFile);
                Files.deleteIfExists(outFile);
            }
        } catch (IOException e) {
            throw new AssertionError("could not run jilastik: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * Starts jilastik without waiting (for tests that kill it): stdout and stderr go to the given files; the
     * caller waits for, kills and reads the process ({@link #result}).
     */
    static Process start(Path cwd, Map<String, String> env, List<String> args, Path stdout, Path stderr)
            throws IOException {
        return builder(List.of(), cwd, env, args).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .start();
    }

    /** The result of the finished process {@code p} whose stderr and stdout went to the given files. */
    static Result result(Process p, Path errFile, Path outFile) throws IOException {
        List<String> err = new ArrayList<>();
        for (String line : Files.readAllLines(errFile, StandardCharsets.UTF_8)) {
            if (!line.equals(INCUBATOR_WARNING)) {
                err.add(line);
            }
        }
        return new Result(p.exitValue(), Files.readString(outFile, StandardCharsets.UTF_8), err);
    }

    /** The process for {@code launcher java ... -jar jilastik.jar args} in {@code cwd} with {@code env} applied. */
    static ProcessBuilder builder(List<String> launcher, Path cwd, Map<String, String> env, List<String> args) {
        List<String> cmd = new ArrayList<>(launcher);
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--add-modules");
        cmd.add("jdk.incubator.vector");
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-jar");
        cmd.add(jar().toString());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
        // Resource variables of the test machine's shell must not leak into runs that assume the defaults.
        pb.environment().remove("LAZYFLOW_THREADS");
        pb.environment().remove("LAZYFLOW_TOTAL_RAM_MB");
        pb.environment().remove("JILASTIK_MAX_TILE_EDGE");
        env.forEach((k, v) -> {
            if (v == null) {
                pb.environment().remove(k);
            } else {
                pb.environment().put(k, v);
            }
        });
        return pb;
    }
}
