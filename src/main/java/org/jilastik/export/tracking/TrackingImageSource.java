package org.jilastik.export.tracking;

import java.util.Locale;

/**
 * The image export sources of the tracking workflows (spec tracking §3), all uint32 label images with the input's
 * axes plus {@code c}. {@code Plugin} is not an image; see {@link TrackingPlugin}. Plain constant data.
 */
public enum TrackingImageSource {
    /** Lineage id per tracked object, 1 for objects in the graph without a track, 0 elsewhere. */
    TRACKING_RESULT("Tracking-Result"),
    /** Lineage id on merger objects (resolved parts, or unresolved nodes of value > 1), 0 elsewhere. */
    MERGER_RESULT("Merger-Result"),
    /** The per-frame object ids after merger relabelling. */
    OBJECT_IDENTITIES("Object-Identities");

    private final String displayName;

    TrackingImageSource(String displayName) {
        this.displayName = displayName;
    }

    /** ilastik's name ({@code --export_source}, {@code {result_type}}). */
    public String displayName() {
        return displayName;
    }

    /** The source named {@code name} (case-insensitive), or null for {@code Plugin} and unknown names. */
    public static TrackingImageSource byName(String name) {
        for (TrackingImageSource s : values()) {
            if (s.displayName.toLowerCase(Locale.ROOT).equals(name.trim().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        return null;
    }
}
