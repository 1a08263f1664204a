package org.jilastik.export;

import io.jhdf.HdfFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jilastik.error.JilastikException;

/**
 * Applies an {@link ExportPlan}'s {@link ExistingOutput} policy before anything is computed or written (spec
 * cli-and-io §3.6): refuses an existing target under {@code --no-overwrite} and, as ilastik does, for OME-Zarr by
 * default; removes an existing OME-Zarr directory under {@code --overwrite}. Every other replacement is done by
 * the sink at commit (so an interrupted run keeps the old output). Stateless.
 */
public final class ExistingOutputs {
    private ExistingOutputs() {
    }

    /**
     * Checks (and for {@code --overwrite} on OME-Zarr clears) the plan's target.
     *
     * @throws JilastikException (processing, exit 1) when the target exists and may not be replaced
     */
    public static void prepare(ExportPlan plan) {
        Path existing = existingTarget(plan);
        if (existing == null) {
            return;
        }
        String what = plan.internalPath() != null ? "dataset " + plan.internalPath() + " in " + plan.file()
                : existing.toString();
        boolean zarr = plan.format().kind() == ExportFormat.Kind.OME_ZARR;
        switch (plan.existingOutput()) {
            case REFUSE -> throw JilastikException.processing("the output " + what + " already exists and "
                    + "--no-overwrite was given; remove it, choose another --output_filename_format, or drop "
                    + "--no-overwrite");
            case ILASTIK -> {
                if (zarr) {
                    throw JilastikException.processing("the output " + what + " already exists and the OME-Zarr "
                            + "export does not replace it (as in ilastik); remove it or give --overwrite");
                }
            }
            case REPLACE -> {
                if (zarr) {
                    deleteTree(existing);
                }
            }
        }
    }

    /** The existing target (file, directory, or the container of an existing dataset), or null. */
    static Path existingTarget(ExportPlan plan) {
        Path file = plan.file();
        switch (plan.format().kind()) {
            case HDF5 -> {
                return Files.isRegularFile(file) && hdf5Has(file, plan.internalPath()) ? file : null;
            }
            case N5 -> {
                Path ds = file.resolve(plan.internalPath().replaceFirst("^/+", ""));
                return Files.isRegularFile(ds.resolve("attributes.json")) ? file : null;
            }
            case IMAGE_2D_SEQUENCE, MULTIPAGE_TIFF_SEQUENCE -> {
                for (Path p : plan.files()) {
                    if (Files.exists(p)) {
                        return p;
                    }
                }
                return null;
            }
            default -> {
                return Files.exists(file) ? file : null;
            }
        }
    }

    // A file that is not HDF5 counts as existing: replacing or appending to it would fail or destroy it.
    private static boolean hdf5Has(Path file, String internalPath) {
        try (HdfFile f = new HdfFile(file)) {
            f.getByPath("/" + internalPath.replaceFirst("^/+", ""));
            return true;
        } catch (io.jhdf.exceptions.HdfInvalidPathException e) {
            return false;
        } catch (RuntimeException e) {
            return true;
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw JilastikException.processing("cannot remove the existing output " + root + " for --overwrite ("
                    + e.getMessage() + "); remove it by hand", e);
        }
    }
}
