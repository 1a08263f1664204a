package org.jilastik.export;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One of ilastik's {@code --output_format} names (spec cli-and-io §3.4) with the facts the plan needs: the file
 * extension that replaces the template's, the kind of writer, and whether jilastik writes it yet.
 *
 * <p>Immutable, thread safe. Adding a format = giving its kind a sink in {@link ExportSinks} and marking it
 * supported here.
 */
public record ExportFormat(String name, String extension, Kind kind) {

    /** How a format lays the output out. */
    public enum Kind {
        /** One dataset in an HDF5 file ({@code hdf5}, {@code compressed hdf5}). */
        HDF5,
        /** One dataset in an N5 container. */
        N5,
        /** An OME-Zarr group. */
        OME_ZARR,
        /** One {@code .npy} file. */
        NUMPY,
        /** One 2-D image file through vigra ({@code tif}, {@code png}, ...). */
        IMAGE_2D,
        /** One 2-D image per index of the first non-singleton axis. */
        IMAGE_2D_SEQUENCE,
        /** One OME-TIFF with all pages. */
        MULTIPAGE_TIFF,
        /** One OME-TIFF per index of the first non-singleton axis. */
        MULTIPAGE_TIFF_SEQUENCE,
        /** A remote DVID volume. */
        DVID,
        /** Listed by ilastik but not implemented there. */
        BLOCKWISE_HDF5
    }

    private static final List<String> IMAGE_EXTENSIONS =
            List.of("bmp", "gif", "hdr", "jpeg", "jpg", "pbm", "pgm", "png", "pnm", "ppm", "ras", "tif", "tiff");

    /** Every format, in ilastik's order. */
    public static final List<ExportFormat> ALL;

    static {
        List<ExportFormat> all = new ArrayList<>();
        IMAGE_EXTENSIONS.forEach(e -> all.add(new ExportFormat(e, e, Kind.IMAGE_2D)));
        IMAGE_EXTENSIONS.forEach(e -> all.add(new ExportFormat(e + " sequence", e, Kind.IMAGE_2D_SEQUENCE)));
        all.add(new ExportFormat("multipage tiff", "tiff", Kind.MULTIPAGE_TIFF));
        all.add(new ExportFormat("multipage tiff sequence", "tiff", Kind.MULTIPAGE_TIFF_SEQUENCE));
        all.add(new ExportFormat("hdf5", "h5", Kind.HDF5));
        all.add(new ExportFormat("compressed hdf5", "h5", Kind.HDF5));
        all.add(new ExportFormat("n5", "n5", Kind.N5));
        all.add(new ExportFormat("compressed n5", "n5", Kind.N5));
        all.add(new ExportFormat("single-scale OME-Zarr", "zarr", Kind.OME_ZARR));
        all.add(new ExportFormat("multi-scale OME-Zarr", "zarr", Kind.OME_ZARR));
        // jilastik's own: OME-NGFF 0.5 on Zarr v3 (ilastik writes 0.4 on Zarr v2 only)
        all.add(new ExportFormat("single-scale OME-Zarr 0.5", "zarr", Kind.OME_ZARR));
        all.add(new ExportFormat("multi-scale OME-Zarr 0.5", "zarr", Kind.OME_ZARR));
        all.add(new ExportFormat("numpy", "npy", Kind.NUMPY));
        all.add(new ExportFormat("dvid", "", Kind.DVID));
        all.add(new ExportFormat("blockwise hdf5", "json", Kind.BLOCKWISE_HDF5));
        ALL = Collections.unmodifiableList(all);
    }

    /**
     * The format named exactly {@code name}.
     *
     * @throws org.jilastik.error.JilastikException (usage) naming the valid choices' kinds
     */
    public static ExportFormat of(String name) {
        for (ExportFormat f : ALL) {
            if (f.name.equals(name)) {
                return f;
            }
        }
        throw org.jilastik.error.JilastikException.usage("the output format \"" + name + "\" is not one of "
                + "ilastik's formats; use for example hdf5, compressed hdf5, tif or tiff");
    }

    /** Whether the output is gzip-compressed ({@code compressed hdf5}, {@code compressed n5}). */
    public boolean compressed() {
        return name.startsWith("compressed ");
    }

    /** Whether the file name template must contain {@code {slice_index}}. */
    public boolean isSequence() {
        return kind == Kind.IMAGE_2D_SEQUENCE || kind == Kind.MULTIPAGE_TIFF_SEQUENCE;
    }

    /** Whether the output lives inside a container at an internal path (HDF5, N5). */
    public boolean hasInternalPath() {
        return kind == Kind.HDF5 || kind == Kind.N5;
    }

    /**
     * Whether jilastik can write this format now: the single source of truth that {@code app.FeatureGate},
     * {@link ExportSinks} and the tests consult. A format helper that adds a sink marks its kind here.
     */
    public boolean supported() {
        return switch (kind) {
            case HDF5, N5, OME_ZARR, NUMPY -> true;
            case IMAGE_2D, IMAGE_2D_SEQUENCE, MULTIPAGE_TIFF, MULTIPAGE_TIFF_SEQUENCE -> true;
            case DVID, BLOCKWISE_HDF5 -> false; // never: see refusal()
        };
    }

    /**
     * The one-sentence reason why this format is refused ({@code null} when {@link #supported()}): {@code dvid}
     * needs a DVID server, {@code blockwise hdf5} is not implemented by ilastik either, any other format is not
     * written yet.
     */
    public String refusal(String version) {
        return refusal0(version == null || version.isEmpty() ? "" : " " + version);
    }

    /** {@link #refusal(String)} without a version number. */
    public String refusal() {
        return refusal0("");
    }

    private String refusal0(String versionSuffix) {
        if (supported()) {
            return null;
        }
        return switch (kind) {
            case DVID -> "the output format \"dvid\" writes to a DVID server, which jilastik does not support yet; "
                    + "export to n5 or hdf5 and upload the result with DVID's own tools";
            case BLOCKWISE_HDF5 -> "the output format \"blockwise hdf5\" is listed by ilastik but not implemented "
                    + "there either (ilastik raises NotImplementedError); use hdf5 or n5";
            default -> "the output format \"" + name + "\" is not supported yet in jilastik" + versionSuffix + "; use one of "
                    + supportedNames();
        };
    }

    /** For OME-Zarr: whether a 2× pyramid is written after {@code s0}. */
    public boolean multiscale() {
        return name.startsWith("multi-scale ");
    }

    /** For OME-Zarr: the Zarr format, 2 (OME-NGFF 0.4, ilastik's) or 3 (OME-NGFF 0.5). */
    public int zarrFormat() {
        return name.endsWith(" 0.5") ? 3 : 2;
    }

    /** Names of the formats jilastik writes, for messages. */
    public static String supportedNames() {
        return String.join(", ", ALL.stream().filter(ExportFormat::supported).map(ExportFormat::name).toList());
    }
}
