package org.jilastik.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** jilastik's version, read once from the Maven-filtered classpath resource {@code /org/jilastik/version.properties}. */
public final class JilastikVersion {
    private static final String VERSION = load();

    private JilastikVersion() {
    }

    /** The version string, e.g. {@code "0.1.0"}; {@code "unknown"} if the resource is missing. */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = JilastikVersion.class.getResourceAsStream("/org/jilastik/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown").trim();
            return v.isEmpty() || v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
