package org.jilastik.distributed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jilastik.error.JilastikException;
import org.jilastik.io.json.Json;
import org.jilastik.io.json.PyJson;

/**
 * The mark of a finished distributed output: the dataset attribute {@code "jilastik_complete": true}, added (by an
 * atomic rewrite of {@code attributes.json}) by whichever process finds every block present after writing its own.
 * Since each process checks after its last write, the process whose last write comes last always sees all blocks,
 * so a finished output is always marked; a partial one (a process crashed) never is. Several processes may mark
 * at once: they write the same bytes. Readers that do not know the key ignore it. Stateless, thread safe.
 */
public final class CompletionMarker {
    /** The attribute key. */
    public static final String KEY = "jilastik_complete";

    private CompletionMarker() {
    }

    /** Marks {@code dataset} complete. */
    public static void mark(SharedN5Dataset dataset) {
        try {
            Map<String, Object> attrs = dataset.storedAttributes();
            attrs.put(KEY, Boolean.TRUE);
            SharedN5Dataset.atomicWrite(dataset.datasetDir().resolve("attributes.json"),
                    PyJson.dumps(attrs).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw JilastikException.processing("cannot mark the N5 dataset " + dataset.datasetDir() + " complete ("
                    + e.getMessage() + "); check free disk space and write permission", e);
        }
    }

    /** Whether the N5 dataset directory {@code datasetDir} carries the mark (false when it has no attributes). */
    public static boolean isComplete(Path datasetDir) {
        Path f = datasetDir.resolve("attributes.json");
        try {
            return Files.isRegularFile(f) && Boolean.TRUE.equals(Json.parseObject(Files.readString(f)).get(KEY));
        } catch (IOException e) {
            return false;
        }
    }
}
