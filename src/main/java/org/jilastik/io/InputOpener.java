package org.jilastik.io;

import io.jhdf.HdfFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jilastik.error.JilastikException;
import org.jilastik.io.hdf5.Hdf5Datasets;
import org.jilastik.io.hdf5.Hdf5Source;
import org.jilastik.io.imageio.ImageIoSource;
import org.jilastik.io.n5.N5Source;
import org.jilastik.io.npy.NpySource;
import org.jilastik.io.tiff.TiffSource;
import org.jilastik.io.zarr.ZarrSource;

/**
 * The entry point from a command-line input string to an opened image: expands lists and globs
 * ({@link InputPaths}), picks a reader by extension (HDF5/.ilp, N5, Zarr, npy, TIFF, PNG/JPEG/BMP/GIF/PNM),
 * expands internal-path globs of HDF5 files against their 2- to 5-D datasets, stacks several files along
 * {@code stackAlong}, and computes the nickname and dataset directory. Only metadata is read here. Errors are
 * one-sentence processing errors. Stateless, thread safe.
 */
public final class InputOpener {
    private static final String SUPPORTED = ".h5, .hdf5, .ilp, .n5, .zarr, .npy, .tif, .tiff, .png, .jpg, .jpeg, "
            + ".bmp, .gif, .pnm, .pgm, .ppm, .pbm";

    private InputOpener() {
    }

    /**
     * Opens {@code argument} (a path, glob, {@code :}-list, with optional internal path).
     *
     * @param cwd directory relative paths are resolved against
     * @param stackAlong axis letter for multi-file inputs ({@code --stack_along}, default {@code z})
     */
    public static OpenedInput open(String argument, Path cwd, char stackAlong) {
        List<ContainerPath> files = expandInternalGlobs(InputPaths.expand(argument, cwd));
        List<ImageSource> sources = new ArrayList<>();
        try {
            for (ContainerPath f : files) {
                ImageSource one = openOne(f);
                sources.add(one);
                if (java.util.Arrays.stream(one.shape()).anyMatch(n -> n <= 0)) {
                    throw JilastikException.processing(f + " holds no pixels (shape "
                            + java.util.Arrays.toString(one.shape()) + ", axes " + one.axes() + "); select a "
                            + "dataset that holds an image.");
                }
            }
            ImageSource source = sources.size() == 1 ? sources.get(0)
                    : StackSource.of(sources, files.stream().map(ContainerPath::toString).toList(), stackAlong);
            return new OpenedInput(argument, source, Nicknames.of(files), Nicknames.datasetDir(files), files);
        } catch (RuntimeException e) {
            for (ImageSource s : sources) {
                s.close();
            }
            throw e;
        }
    }

    /** Opens one file with the reader its extension selects. */
    public static ImageSource openOne(ContainerPath f) {
        String ext = f.extension();
        String internal = f.internal();
        switch (ext) {
            case "h5", "hdf5", "ilp" -> {
                return Hdf5Source.open(f.external(), internal, f.toString());
            }
            case "n5" -> {
                return N5Source.open(f.external(), internal);
            }
            case "zarr" -> {
                return ZarrSource.open(f.external(), internal);
            }
            case "npz" -> throw JilastikException.processing("cannot read " + f.external() + ": .npz archives are "
                    + "not supported yet; save the array as .npy, HDF5 or TIFF.");
            default -> { }
        }
        if (internal != null) {
            throw JilastikException.processing(f.external() + " is not a container, so " + internal
                    + " cannot name a dataset inside it; remove the internal path.");
        }
        if (ext.equals("npy")) {
            return NpySource.open(f.external());
        }
        if (ext.equals("tif") || ext.equals("tiff")) {
            return TiffSource.open(f.external());
        }
        if (ImageIoSource.EXTENSIONS.contains(ext)) {
            return ImageIoSource.open(f.external());
        }
        throw JilastikException.processing("cannot read " + f.external() + ": the extension '"
                + (ext.isEmpty() ? "(none)" : "." + ext) + "' is not a supported image format (supported: "
                + SUPPORTED + ").");
    }

    /** For HDF5 files, an internal path with glob characters selects every matching 2- to 5-D dataset. */
    private static List<ContainerPath> expandInternalGlobs(List<ContainerPath> files) {
        List<ContainerPath> out = new ArrayList<>();
        for (ContainerPath f : files) {
            String ext = f.extension();
            if (f.internal() == null || !InputPaths.hasGlob(f.internal())
                    || !(ext.equals("h5") || ext.equals("hdf5") || ext.equals("ilp"))) {
                out.add(f);
                continue;
            }
            Pattern p = fnmatch(f.internal().replaceAll("^/+", ""));
            List<String> matched = new ArrayList<>();
            try (HdfFile h = new HdfFile(f.external())) {
                for (String d : Hdf5Datasets.imageDatasets(h)) {
                    if (p.matcher(d.substring(1)).matches()) {
                        matched.add(d);
                    }
                }
            } catch (RuntimeException e) {
                throw JilastikException.processing("cannot read " + f.external() + " as HDF5 (" + e.getMessage()
                        + ").", e);
            }
            if (matched.isEmpty()) {
                throw JilastikException.processing("no dataset in " + f.external() + " matches " + f.internal()
                        + "; check the internal path.");
            }
            matched.sort(null);
            for (String d : matched) {
                out.add(new ContainerPath(f.external(), d));
            }
        }
        return out;
    }

    /** Python fnmatch: {@code *} matches anything (also {@code /}), {@code ?} one character, {@code [..]} a set. */
    static Pattern fnmatch(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                case '[' -> {
                    int end = glob.indexOf(']', i + 1);
                    if (end < 0) {
                        re.append("\\[");
                    } else {
                        String set = glob.substring(i + 1, end);
                        re.append('[').append(set.startsWith("!") ? "^" + set.substring(1) : set).append(']');
                        i = end;
                    }
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
