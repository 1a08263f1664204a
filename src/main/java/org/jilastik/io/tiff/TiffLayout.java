package org.jilastik.io.tiff;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jilastik.array.Axes;
import org.jilastik.io.AxesOrigin;
import org.jilastik.io.AxisGuess;

/**
 * How the pages of a TIFF file form an n-D array, following ilastik's tifffile-based reader (spec cli-and-io
 * §2.4): tifffile's series axes lower-cased with {@code s→c} and {@code i→t}; unknown ({@code q}) axes replaced
 * by the shape guess. The trailing axes are always {@code yx} (plus {@code c} for several samples per pixel);
 * the leading axes enumerate pages in C order.
 *
 * <ul>
 *   <li>ImageJ hyperstack description ({@code ImageJ=…}, {@code frames=}, {@code slices=}, {@code channels=}):
 *       {@code t}, {@code z}, {@code c} for the counts above 1, in that order;</li>
 *   <li>tifffile's 'shaped' description ({@code {"shape": […]}}): that shape, axes guessed from it;</li>
 *   <li>otherwise one page is {@code yx}, several pages {@code tyx} (ilastik reads plain stacks as time).</li>
 * </ul>
 *
 * @param axes the file's axes
 * @param shape extents, leading page axes first
 * @param origin where the axes came from
 * @param note a phrase explaining the decision for logs
 */
public record TiffLayout(Axes axes, long[] shape, AxesOrigin origin, String note) {
    private static final Pattern SHAPE_JSON = Pattern.compile("\"shape\"\\s*:\\s*\\[([0-9,\\s]*)\\]");
    private static final Pattern SHAPE_LEGACY = Pattern.compile("^shape=\\(([0-9,\\s]*)\\)");

    /** Works out the layout from the first page's tags and the page count. */
    public static TiffLayout of(TiffInfo info, String name) {
        boolean rgb = info.samplesPerPixel() > 1;
        String d = info.description();
        if (d != null && d.startsWith("ImageJ=")) {
            TiffLayout ij = imagej(info, d, rgb);
            if (ij != null) {
                return ij;
            }
        }
        if (d != null) {
            TiffLayout shaped = shaped(info, d, rgb, name);
            if (shaped != null) {
                return shaped;
            }
        }
        List<Long> lead = new ArrayList<>();
        String letters = "";
        if (info.pages() > 1) {
            lead.add((long) info.pages());
            letters = "t";
        }
        return build(letters, lead, info, rgb, AxesOrigin.FORMAT_CONVENTION, info.pages() > 1
                ? "plain multi-page TIFF: pages read as time (t), as ilastik does; use --input_axes to read them as z"
                : "single-page TIFF");
    }

    private static TiffLayout imagej(TiffInfo info, String d, boolean rgb) {
        long frames = 1;
        long slices = 1;
        long channels = 1;
        for (String line : d.split("\n")) {
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = line.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(eq + 1).trim();
            try {
                switch (key) {
                    case "frames" -> frames = Long.parseLong(value);
                    case "slices" -> slices = Long.parseLong(value);
                    case "channels" -> channels = Long.parseLong(value);
                    default -> { }
                }
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (frames * slices * channels != info.pages() || (rgb && channels > 1)) {
            return null;
        }
        StringBuilder letters = new StringBuilder();
        List<Long> lead = new ArrayList<>();
        long[] counts = {frames, slices, channels};
        String names = "tzc";
        for (int i = 0; i < 3; i++) {
            if (counts[i] > 1) {
                letters.append(names.charAt(i));
                lead.add(counts[i]);
            }
        }
        return build(letters.toString(), lead, info, rgb, AxesOrigin.METADATA, "ImageJ hyperstack metadata");
    }

    private static TiffLayout shaped(TiffInfo info, String d, boolean rgb, String name) {
        Matcher m = SHAPE_JSON.matcher(d.trim());
        if (!d.trim().startsWith("{") || !m.find()) {
            m = SHAPE_LEGACY.matcher(d.trim());
            if (!m.find()) {
                return null;
            }
        }
        String[] parts = m.group(1).split(",");
        List<Long> dims = new ArrayList<>();
        for (String p : parts) {
            if (!p.isBlank()) {
                dims.add(Long.parseLong(p.trim()));
            }
        }
        int trailing = rgb ? 3 : 2;
        int n = dims.size();
        if (n < trailing || dims.get(n - trailing) != info.height() || dims.get(n - trailing + 1) != info.width()
                || (rgb && dims.get(n - 1) != info.samplesPerPixel())) {
            return null;
        }
        long lead = 1;
        for (int i = 0; i < n - trailing; i++) {
            lead *= dims.get(i);
        }
        if (lead != info.pages()) {
            return null;
        }
        long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
        if (n == trailing) {
            return new TiffLayout(Axes.of(rgb ? "yxc" : "yx"), shape, AxesOrigin.FORMAT_CONVENTION,
                    "tifffile 'shaped' description");
        }
        return new TiffLayout(AxisGuess.guess(shape, name), shape, AxesOrigin.GUESSED,
                "tifffile 'shaped' description without axis names: axes guessed from the shape, as ilastik does");
    }

    private static TiffLayout build(String leadLetters, List<Long> lead, TiffInfo info, boolean rgb,
            AxesOrigin origin, String note) {
        long[] shape = new long[lead.size() + (rgb ? 3 : 2)];
        for (int i = 0; i < lead.size(); i++) {
            shape[i] = lead.get(i);
        }
        shape[lead.size()] = info.height();
        shape[lead.size() + 1] = info.width();
        if (rgb) {
            shape[lead.size() + 2] = info.samplesPerPixel();
        }
        return new TiffLayout(Axes.of(leadLetters + "yx" + (rgb ? "c" : "")), shape, origin, note);
    }
}
