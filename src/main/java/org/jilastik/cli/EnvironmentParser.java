package org.jilastik.cli;

import java.util.Map;
import java.util.regex.Pattern;
import org.jilastik.app.ResourceOptions;
import org.jilastik.error.JilastikException;

/**
 * Validates the resource environment variables ilastik reads (spec cli-and-io §4): {@code LAZYFLOW_THREADS}
 * and {@code LAZYFLOW_TOTAL_RAM_MB}. ilastik crashes with a traceback on a non-integer; jilastik gives a usage
 * error (exit code 2). Stateless; thread safe.
 */
public final class EnvironmentParser {
    /** Worker threads; 0 = run in the calling thread. */
    public static final String THREADS = "LAZYFLOW_THREADS";
    /** RAM budget in MiB; empty or 0 = default. */
    public static final String TOTAL_RAM_MB = "LAZYFLOW_TOTAL_RAM_MB";

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

    private EnvironmentParser() {
    }

    /**
     * Reads the resource settings from {@code env}.
     *
     * @throws JilastikException (usage) for a value that is not a whole number, a negative value, or a RAM value of
     *                           1..499 (which ilastik takes for a value given in GB)
     */
    public static ResourceOptions parse(Map<String, String> env) {
        Long threads = wholeNumber(env, THREADS);
        if (threads != null && (threads < 0 || threads > Integer.MAX_VALUE)) {
            throw JilastikException.usage(THREADS + "=" + env.get(THREADS).trim()
                    + " is not valid; give a number of threads of at least 0 (0 = no worker threads)");
        }
        Long ram = wholeNumber(env, TOTAL_RAM_MB);
        if (ram != null && ram < 0) {
            throw JilastikException.usage(TOTAL_RAM_MB + "=" + ram + " is not valid; give the RAM budget in MB");
        }
        if (ram != null && ram > 0 && ram < 500) {
            throw JilastikException.usage(TOTAL_RAM_MB + "=" + ram
                    + " is too small; specify RAM in MB, not GB (e.g. " + ram * 1000 + ")");
        }
        return new ResourceOptions(threads == null ? null : threads.intValue(), ram == null || ram == 0 ? null : ram);
    }

    private static Long wholeNumber(Map<String, String> env, String name) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String v = raw.trim();
        if (INTEGER.matcher(v).matches()) {
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                // out of range: reported below
            }
        }
        throw JilastikException.usage(name + "=" + v + " is not valid; give a whole number");
    }
}
