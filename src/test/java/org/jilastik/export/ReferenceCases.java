package org.jilastik.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jilastik.array.Axes;
import org.jilastik.array.DType;

/** The export-options projects' sources, lanes and the CLI layer of a README variant. */
final class ReferenceCases {
    private ReferenceCases() {
    }

    static boolean is3d(ExportOptionsReadme.Variant v) {
        return v.project().startsWith("ex3d");
    }

    /** The source the workflow would describe for this variant's export source. */
    static ExportSourceInfo source(ExportOptionsReadme.Variant v) {
        String name = v.flag("export_source") == null ? "Probabilities" : v.flag("export_source");
        boolean d3 = is3d(v);
        Axes axes = Axes.of(d3 ? "zyxc" : "yxc");
        long[] spatial = d3 ? new long[] {5, 40, 48} : new long[] {60, 80};
        return switch (name) {
            case "Probabilities" -> new ExportSourceInfo(name, DType.FLOAT32, axes, withC(spatial, 3), 0.0, 1.0);
            case "Simple Segmentation" -> new ExportSourceInfo(name, DType.UINT8, axes, withC(spatial, 1), 0.0, 1.0);
            case "Uncertainty" -> new ExportSourceInfo(name, DType.FLOAT32, axes, withC(spatial, 1), 0.0, 1.0);
            case "Features" -> new ExportSourceInfo(name, DType.FLOAT32, axes, withC(spatial, 8), 0L, 255L);
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static long[] withC(long[] spatial, long c) {
        long[] s = java.util.Arrays.copyOf(spatial, spatial.length + 1);
        s[spatial.length] = c;
        return s;
    }

    /** One lane per input: nickname as ilastik derives it, the input's directory, the project's training axes. */
    static List<LaneExportFacts> lanes(ExportOptionsReadme.Variant v) {
        List<LaneExportFacts> out = new ArrayList<>();
        for (String input : v.inputs()) {
            String nickname = input.endsWith(".h5/data") ? input.replace(".h5/data", "-data")
                    : input.substring(0, input.lastIndexOf('.'));
            out.add(new LaneExportFacts(nickname, ExportOptionsReadme.DIR.toString(),
                    Axes.of(is3d(v) ? "zyx" : "yx")));
        }
        return out;
    }

    /** The command line's export flags as the CLI layer. */
    static ExportChoices cli(ExportOptionsReadme.Variant v) {
        Long[][] cutout = v.flag("cutout_subregion") == null ? null : cutout(v.flag("cutout_subregion"));
        Number[] in = range(v.flag("pipeline_result_drange"));
        Number[] out = range(v.flag("export_drange"));
        boolean ranges = in != null && out != null;
        return new ExportChoices(v.flag("output_format"), v.flag("output_filename_format"),
                v.flag("output_internal_path"), cutout == null ? null : cutout[0], cutout == null ? null : cutout[1],
                ranges ? in[0] : null, ranges ? in[1] : null, ranges ? out[0] : null, ranges ? out[1] : null,
                v.flag("export_dtype") == null ? null : DType.fromNumpyName(v.flag("export_dtype")),
                v.flag("output_axis_order"));
    }

    private static Number[] range(String s) {
        if (s == null) {
            return null;
        }
        String[] p = s.replace("(", "").replace(")", "").split(",");
        return new Number[] {number(p[0]), number(p[1])};
    }

    private static Number number(String s) {
        s = s.trim();
        return s.contains(".") ? (Number) Double.valueOf(s) : (Number) Long.valueOf(s);
    }

    private static Long[][] cutout(String s) {
        String[] corners = s.replace("[", "").replace("]", "").split("\\),\\s*\\(");
        Long[][] out = new Long[2][];
        for (int k = 0; k < 2; k++) {
            String[] p = corners[k].replace("(", "").replace(")", "").split(",");
            out[k] = new Long[p.length];
            for (int i = 0; i < p.length; i++) {
                out[k][i] = p[i].trim().equals("None") ? null : Long.valueOf(p[i].trim());
            }
        }
        return out;
    }

    static Path cwd() {
        return ExportOptionsReadme.DIR;
    }
}
