package org.jilastik.error;

/**
 * A failure the user can cause or fix: its message is one sentence naming the thing and what to do, and it
 * carries the process exit code (2 for usage errors, 1 for processing errors).
 *
 * <p>The command line prints only the message unless {@code --debug} is given.
 */
public class JilastikException extends RuntimeException {
    /** Exit code for a bad command line. */
    public static final int USAGE = 2;
    /** Exit code for a failure while reading, computing or writing. */
    public static final int PROCESSING = 1;

    private final int exitCode;

    public JilastikException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public JilastikException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** A usage error (exit code 2). */
    public static JilastikException usage(String message) {
        return new JilastikException(USAGE, message);
    }

    /** A processing error (exit code 1). */
    public static JilastikException processing(String message) {
        return new JilastikException(PROCESSING, message);
    }

    /** A processing error (exit code 1) with its cause, shown under {@code --debug}. */
    public static JilastikException processing(String message, Throwable cause) {
        return new JilastikException(PROCESSING, message, cause);
    }

    /** 2 for usage errors, 1 for processing errors. */
    public int exitCode() {
        return exitCode;
    }
}
