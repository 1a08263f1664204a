package org.jilastik.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reusable checks of image-format exports (2-D images, sequences, multi-page TIFF) against the files ilastik
 * wrote: the same set of file names, and per file the same dtype, shape, tags / OME-XML (TIFF) and values within
 * the export source's tolerance ({@link ReferenceOutputs}, {@link Tolerance}); and for runs ilastik refuses, one
 * line on stderr and no file left behind. Stateless.
 */
final class ImageOutputs {
    private ImageOutputs() {
    }

    /**
     * The value scale of an 8-bit image of probabilities: vigra stretches a float image's own range (0..1 in the
     * reference data) to 0..255 for 8-bit-only codecs; an explicit {@code --export_drange} does the same for
     * integer exports. 1 for anything else.
     */
    static double scale(CaseReadme.Command cmd, String file) {
        String source = cmd.flag("export_source");
        String drange = cmd.flag("export_drange");
        if (!source.equals("Probabilities")) {
            return 1.0;
        }
        if (drange != null) {
            return Double.parseDouble(drange.replaceAll("[()\\s]", "").split(",")[1]);
        }
        return file.endsWith(".png") ? 255.0 : 1.0;
    }

    /**
     * Asserts that {@code outDir} holds exactly {@code files}, each agreeing with ilastik's file of the same name
     * under {@code refDir}.
     */
    static void assertMatchesIlastik(CaseReadme.Command cmd, Path outDir, Path refDir, List<String> files,
            Path project) throws IOException {
        assertThat(Workspace.filesUnder(outDir)).as("files written").containsExactlyInAnyOrderElementsOf(files);
        for (String f : files) {
            ReferenceOutputs.compare(outDir.resolve(f), refDir.resolve(f), "exported_data",
                    cmd.flag("export_source"), null, scale(cmd, f), project);
        }
    }

    /** Asserts a refused run: a usage error (exit 2) in one line on stderr, and no file under {@code outDir}. */
    static void assertRefusedCleanly(Jilastik.Result r, Path outDir, String mentions) throws IOException {
        assertThat(r.exitCode()).as(r.describe()).isEqualTo(2);
        assertThat(r.stderr()).as(r.describe()).hasSize(1);
        assertThat(r.stderr().getFirst()).startsWith("jilastik: ").contains(mentions);
        assertThat(Workspace.filesUnder(outDir)).as("files left behind").isEmpty();
    }
}
