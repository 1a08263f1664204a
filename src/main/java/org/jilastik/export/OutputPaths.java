package org.jilastik.export;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.jilastik.array.Axes;
import org.jilastik.array.Box;
import org.jilastik.error.JilastikException;
import org.jilastik.export.PyFormat.MalformedTemplate;
import org.jilastik.export.PyFormat.PyText;

/**
 * Builds the output file path and HDF5 internal path from the templates in ilastik's stages (spec cli-and-io
 * §3.3):
 * <ol>
 *   <li>A: {@code {dataset_dir}}, {@code {nickname}} (without {@code *}), {@code {result_type}}; a malformed
 *       template is an error. A relative result is then placed under the working directory: the current
 *       directory when the template came from the command line, else the project's directory.</li>
 *   <li>B: {@code {roi}} and {@code {<axis>_start}}, {@code {<axis>_stop}} for the source's axes (absolute
 *       cutout coordinates); a malformed file template is left as it is.</li>
 *   <li>C: the last extension (Python {@code splitext}) is replaced by the format's, then the same fields again
 *       for the axes of the reordered output (filling in axes the reorder inserted).</li>
 * </ol>
 * Unknown fields stay literally in the name. Stateless.
 */
final class OutputPaths {
    private OutputPaths() {
    }

    /** Absolute normalised file path, and the internal path ({@code null} for formats without one). */
    record Result(Path file, String internalPath) {
    }

    /** Everything the templates can refer to. */
    record Fields(String nickname, String datasetDir, String resultType, Axes sourceAxes, Box cutout,
            Axes outputAxes, long[] outputShape) {
    }

    static Result build(String template, String internalTemplate, ExportFormat format, Fields f, Path workingDir) {
        Map<String, Object> stageA = new HashMap<>();
        stageA.put("dataset_dir", f.datasetDir);
        stageA.put("nickname", f.nickname.replace("*", ""));
        stageA.put("result_type", f.resultType);
        String path = strict(expandTilde(template), stageA, "output file name template");
        String internal = format.hasInternalPath() ? strict(internalTemplate, stageA, "output internal path") : null;
        if (!path.startsWith("/")) {
            path = workingDir.toAbsolutePath() + "/" + path;
        }

        Map<String, Object> stageB = roiFields(f.sourceAxes, f.cutout.start(), f.cutout.stop());
        path = lenient(path, stageB);
        if (internal != null) {
            internal = strict(internal, stageB, "output internal path");
        }

        if (!format.extension().isEmpty()) {
            path = splitextRoot(path) + "." + format.extension();
        }
        Map<String, Object> stageC = roiFields(f.outputAxes, outputStart(f), outputStop(f));
        path = lenient(path, stageC);
        if (internal != null) {
            internal = lenient(internal, stageC);
        }
        return new Result(Path.of(path).normalize(), internal);
    }

    /** ilastik's coordinate offset applies only when no axis was inserted (lengths then agree). */
    private static long[] outputStart(Fields f) {
        long[] start = new long[f.outputAxes.size()];
        boolean allPresent = true;
        for (int i = 0; i < start.length; i++) {
            int s = f.sourceAxes.indexOf(f.outputAxes.get(i));
            allPresent &= s >= 0;
            start[i] = s >= 0 ? f.cutout.start(s) : 0;
        }
        return allPresent ? start : new long[start.length];
    }

    private static long[] outputStop(Fields f) {
        long[] start = outputStart(f);
        long[] stop = new long[start.length];
        for (int i = 0; i < stop.length; i++) {
            stop[i] = start[i] + f.outputShape[i];
        }
        return stop;
    }

    private static Map<String, Object> roiFields(Axes axes, long[] start, long[] stop) {
        Map<String, Object> m = new HashMap<>();
        m.put("roi", new PyText(CutoutRegion.pythonRoi(start, stop)));
        for (int i = 0; i < axes.size(); i++) {
            m.put(axes.get(i) + "_start", start[i]);
            m.put(axes.get(i) + "_stop", stop[i]);
        }
        return m;
    }

    private static String strict(String template, Map<String, Object> fields, String what) {
        try {
            return PyFormat.formatKnown(template, fields, true);
        } catch (MalformedTemplate e) {
            throw JilastikException.usage("the " + what + " \"" + template + "\" is not a valid Python format string ("
                    + e.getMessage() + "); write a literal brace as {{ or }}");
        }
    }

    private static String lenient(String template, Map<String, Object> fields) {
        try {
            return PyFormat.formatKnown(template, fields, false);
        } catch (MalformedTemplate e) {
            throw new IllegalStateException(e); // lenient formatting never throws
        }
    }

    /**
     * Stage D of sequence formats: {@code {slice_index}} of {@code pattern} replaced by {@code sliceIndex};
     * without a spec zero-padded to {@code ceil(log10(maxSlice + 1))} digits, as ilastik's sequence writers do.
     */
    static Path sliceFile(Path pattern, long sliceIndex, long maxSlice) {
        int digits = (int) Math.ceil(Math.log10(maxSlice + 1));
        String text = pattern.toString().replace("{slice_index}", "{slice_index:0" + Math.max(1, digits) + "}");
        return Path.of(lenient(text, Map.of("slice_index", sliceIndex)));
    }

    /** A leading {@code ~} or {@code ~/} replaced by the home directory. */
    static String expandTilde(String p) {
        if (p.equals("~") || p.startsWith("~/")) {
            return System.getProperty("user.home") + p.substring(1);
        }
        return p;
    }

    /** Python's {@code os.path.splitext(p)[0]}: drops the last extension of the last component, if any. */
    static String splitextRoot(String p) {
        int sep = p.lastIndexOf('/');
        int dot = p.lastIndexOf('.');
        if (dot > sep) {
            for (int i = sep + 1; i < dot; i++) {
                if (p.charAt(i) != '.') {
                    return p.substring(0, dot);
                }
            }
        }
        return p;
    }
}
