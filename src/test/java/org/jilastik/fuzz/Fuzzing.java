package org.jilastik.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jilastik.cli.Main;
import org.jilastik.error.JilastikException;

/**
 * What every fuzz property checks, and the byte mutations they share.
 *
 * <p>The rule: a hostile input ends in a result or a {@link JilastikException} (a one-sentence message with exit
 * code 1 or 2) — never another exception or error (jilastik's {@code Main} would print "internal error"), never a
 * hang (each try runs under {@link #TIMEOUT_S}), never a memory blow-up (an {@link OutOfMemoryError} fails the
 * try like any other error). Tries run in this JVM, one at a time, on a daemon thread so that a hanging try can
 * be abandoned.
 */
public final class Fuzzing {
    /** Seconds one try may take before it counts as a hang. */
    public static final long TIMEOUT_S = 30;

    private static final ExecutorService RUNNER = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fuzz-try");
        t.setDaemon(true);
        return t;
    });

    private Fuzzing() {
    }

    /** A piece of work that may throw anything. */
    public interface Attempt {
        void run() throws Exception;
    }

    /**
     * Runs {@code attempt}; returns normally when it completed or threw a {@link JilastikException}.
     *
     * @throws AssertionError for a hang or any other throwable (the cause), naming {@code what}
     */
    public static void endsCleanly(String what, Attempt attempt) {
        Future<?> f = RUNNER.submit(() -> {
            try {
                attempt.run();
            } catch (JilastikException e) {
                if (e.exitCode() != 1 && e.exitCode() != 2) {
                    throw new AssertionError(what + ": exit code " + e.exitCode() + " for " + e.getMessage());
                }
                if (e.getMessage() == null || e.getMessage().isBlank()) {
                    throw new AssertionError(what + ": JilastikException without a message", e);
                }
            }
            return null;
        });
        try {
            f.get(TIMEOUT_S, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new AssertionError(what + ": no result within " + TIMEOUT_S + " s (hang)");
        } catch (ExecutionException e) {
            throw new AssertionError(what + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

    /**
     * Runs the command in this JVM through {@link Main#run(String[], Map, PrintStream, PrintStream)} and checks
     * that it ends with exit code 0, 1 or 2 and, when it fails, with exactly one line that is not an internal
     * error (Main reports any throwable other than {@link JilastikException} as "internal error").
     */
    public static void commandEndsCleanly(String what, List<String> args) {
        endsCleanly(what, () -> {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int code;
            try (PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
                    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8)) {
                code = Main.run(args.toArray(String[]::new), Map.of("LAZYFLOW_THREADS", "1"), o, e);
            }
            String text = err.toString(StandardCharsets.UTF_8);
            if (text.contains("internal error") || code < 0 || code > 2) {
                throw new AssertionError(what + ": exit " + code + ": " + text);
            }
            if (code != 0 && text.lines().count() != 1) {
                throw new AssertionError(what + ": exit " + code + " with " + text.lines().count() + " lines: " + text);
            }
        });
    }

    /**
     * Applies {@code edits} to a copy of {@code original}: each edit is {@code {kind, position, value}} with kind
     * 0 = overwrite a byte, 1 = flip one bit, 2 = truncate, 3 = insert a byte, 4 = delete a run of up to 64 bytes,
     * 5 = overwrite 8 bytes with an extreme little-endian number; positions are taken modulo the length.
     */
    public static byte[] mutate(byte[] original, List<int[]> edits) {
        byte[] b = original.clone();
        for (int[] e : edits) {
            if (b.length == 0) {
                break;
            }
            int pos = Math.floorMod(e[1], b.length);
            switch (Math.floorMod(e[0], 6)) {
                case 0 -> b[pos] = (byte) e[2];
                case 1 -> b[pos] ^= (byte) (1 << Math.floorMod(e[2], 8));
                case 2 -> b = Arrays.copyOf(b, pos);
                case 3 -> {
                    byte[] n = new byte[b.length + 1];
                    System.arraycopy(b, 0, n, 0, pos);
                    n[pos] = (byte) e[2];
                    System.arraycopy(b, pos, n, pos + 1, b.length - pos);
                    b = n;
                }
                case 4 -> {
                    int len = Math.min(b.length - pos, 1 + Math.floorMod(e[2], 64));
                    byte[] n = new byte[b.length - len];
                    System.arraycopy(b, 0, n, 0, pos);
                    System.arraycopy(b, pos + len, n, pos, b.length - pos - len);
                    b = n;
                }
                default -> {
                    long[] extremes = {-1L, 0L, 0x7fffffffL, 0xffffffffL, Long.MAX_VALUE, Long.MIN_VALUE,
                            1L << 40, 0x100000000L};
                    long v = extremes[Math.floorMod(e[2], extremes.length)];
                    for (int i = 0; i < 8 && pos + i < b.length; i++) {
                        b[pos + i] = (byte) (v >>> (8 * i));
                    }
                }
            }
        }
        return b;
    }
}
