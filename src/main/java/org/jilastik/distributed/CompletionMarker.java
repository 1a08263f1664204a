package org.jilastik.distributed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jilastik.io.json.Json;

/**
 * Reads the mark of a finished distributed output, {@code "jilastik_complete": true} among the attributes of the
 * dataset's directory, whatever its format: N5 {@code attributes.json}, Zarr v2 {@code .zattrs}, Zarr v3
 * {@code zarr.json} ({@code attributes} member). Which process adds it is {@link DistributedExport}'s business:
 * the one that finds every block present after writing its own; a partial output (a process crashed) never has it.
 * Stateless, thread safe.
 */
public final class CompletionMarker {
    /** The attribute key. */
    public static final String KEY = SharedDataset.COMPLETE_KEY;

    private CompletionMarker() {
    }

    /** Whether the dataset directory {@code arrayDir} (N5 dataset, Zarr array) carries the mark. */
    public static boolean isComplete(Path arrayDir) {
        try {
            Path n5 = arrayDir.resolve("attributes.json");
            Path v2 = arrayDir.resolve(".zattrs");
            Path v3 = arrayDir.resolve("zarr.json");
            Map<String, Object> attrs;
            if (Files.isRegularFile(n5)) {
                attrs = Json.parseObject(Files.readString(n5));
            } else if (Files.isRegularFile(v2)) {
                attrs = Json.parseObject(Files.readString(v2));
            } else if (Files.isRegularFile(v3) && Json.parseObject(Files.readString(v3)).get("attributes")
                    instanceof Map<?, ?> m) {
                return Boolean.TRUE.equals(m.get(KEY));
            } else {
                return false;
            }
            return Boolean.TRUE.equals(attrs.get(KEY));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
