package org.jilastik.project;

/**
 * Where a lane's dataset comes from, as ilastik's {@code DatasetInfo} classes say (or, before ~1.3.3, as the
 * legacy {@code location} field implies).
 */
public enum DatasetKind {
    /** An absolute filesystem path ({@code FilesystemDatasetInfo}). */
    FILESYSTEM("FilesystemDatasetInfo"),
    /** A path relative to the {@code .ilp}'s directory ({@code RelativeFilesystemDatasetInfo}). */
    RELATIVE_FILESYSTEM("RelativeFilesystemDatasetInfo"),
    /** Data copied into the {@code .ilp} ({@code ProjectInternalDatasetInfo}). */
    PROJECT_INTERNAL("ProjectInternalDatasetInfo"),
    /** An in-memory array of the saving session; cannot be loaded ({@code PreloadedArrayDatasetInfo}). */
    PRELOADED_ARRAY("PreloadedArrayDatasetInfo"),
    /** A remote dataset ({@code UrlDatasetInfo}). */
    URL("UrlDatasetInfo"),
    /** A remote multiscale dataset ({@code MultiscaleUrlDatasetInfo}). */
    MULTISCALE_URL("MultiscaleUrlDatasetInfo"),
    /** A placeholder without data ({@code DummyDatasetInfo}). */
    DUMMY("DummyDatasetInfo");

    private final String className;

    DatasetKind(String className) {
        this.className = className;
    }

    /** ilastik's class name, as stored in {@code __class__}. */
    public String className() {
        return className;
    }

    /** The kind stored as {@code __class__}, or null if the name is unknown. */
    public static DatasetKind fromClassName(String name) {
        for (DatasetKind k : values()) {
            if (k.className.equals(name.trim())) {
                return k;
            }
        }
        return null;
    }

    /**
     * The kind of a pre-1.3.3 info without {@code __class__}: {@code FileSystem} with a URL, an absolute or a
     * relative {@code filePath}, {@code ProjectInternal}, anything else a preloaded array.
     */
    public static DatasetKind fromLegacyLocation(String location, String filePath) {
        String loc = location == null ? "" : location.trim();
        if (loc.equals("ProjectInternal")) {
            return PROJECT_INTERNAL;
        }
        if (!loc.equals("FileSystem")) {
            return PRELOADED_ARRAY;
        }
        String p = filePath == null ? "" : filePath.trim();
        if (p.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
            return URL;
        }
        boolean absolute = p.startsWith("/") || p.startsWith("\\") || p.matches("^[a-zA-Z]:[\\\\/].*");
        return absolute ? FILESYSTEM : RELATIVE_FILESYSTEM;
    }
}
