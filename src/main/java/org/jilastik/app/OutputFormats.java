package org.jilastik.app;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The {@code --output_format} names ilastik accepts (spec cli-and-io §3.4), in ilastik's order, spelled
 * exactly as ilastik spells them (matching is case-sensitive, as argparse {@code choices}).
 */
public final class OutputFormats {
    /** The 2-D image extensions (vigra's list without {@code xv} and {@code exr}). */
    public static final List<String> IMAGE_EXTENSIONS =
            List.of("bmp", "gif", "hdr", "jpeg", "jpg", "pbm", "pgm", "png", "pnm", "ppm", "ras", "tif", "tiff");

    /** Every format name, in ilastik's order. */
    public static final List<String> ALL;

    static {
        List<String> all = new ArrayList<>(IMAGE_EXTENSIONS);
        IMAGE_EXTENSIONS.forEach(e -> all.add(e + " sequence"));
        all.addAll(List.of("multipage tiff", "multipage tiff sequence", "hdf5", "compressed hdf5", "n5",
                "compressed n5", "single-scale OME-Zarr", "multi-scale OME-Zarr", "numpy", "dvid", "blockwise hdf5",
                // jilastik's additions (OME-NGFF 0.5 on Zarr v3)
                "single-scale OME-Zarr 0.5", "multi-scale OME-Zarr 0.5"));
        ALL = Collections.unmodifiableList(all);
    }

    private OutputFormats() {
    }

    /** Whether {@code name} is one of {@link #ALL} (exact spelling). */
    public static boolean isKnown(String name) {
        return ALL.contains(name);
    }

    /** The known name equal to {@code name} ignoring case, or {@code null}: used for "did you mean". */
    public static String matchIgnoringCase(String name) {
        for (String f : ALL) {
            if (f.equalsIgnoreCase(name.trim())) {
                return f;
            }
        }
        return null;
    }
}
