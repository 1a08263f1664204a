package org.jilastik.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.jilastik.error.JilastikException;
import org.jilastik.io.StagedOutput;
import org.jilastik.io.hdf5.Hdf5Editor;

/**
 * Writes {@code .ilp} files that ilastik opens: a trained classifier saved into an existing project
 * ({@link #saveClassifiers}), or a whole new Pixel Classification project ({@link #create}, see
 * {@link NewProject}). Both are staged: the file is written (or copied and edited) under a hidden temporary name
 * beside the target and moved over it only when complete, so an interrupted run never leaves a half-written
 * project. Stateless.
 */
public final class ProjectWriter {
    /** The classifier group of a stage, as ilastik names it inside {@code PixelClassification*}. */
    public static final String CLASSIFIER_FORESTS = "ClassifierForests";
    /** The factory dataset inside {@code PixelClassification*}. */
    public static final String CLASSIFIER_FACTORY = "ClassifierFactory";

    private ProjectWriter() {
    }

    /**
     * A retrained classifier of one stage.
     *
     * @param groupPath the stage's classifier group, e.g. {@code PixelClassification} or {@code PixelClassification01}
     * @param forests   the encoded {@code ClassifierForests} group
     * @param factory   the {@code ClassifierFactory} pickle text (see {@link ClassifierFactoryPickle})
     */
    public record ClassifierUpdate(String groupPath, StoredGroup forests, String factory) {
    }

    /**
     * Replaces the classifiers of {@code updates} in {@code project} (a copy is edited and moved over the original,
     * so the other groups stay byte for byte as they were).
     *
     * @throws JilastikException (processing) when the project or its directory is not writable, or writing fails;
     *                           the original project is then unchanged
     */
    public static void saveClassifiers(Path project, List<ClassifierUpdate> updates) {
        Path target = project.toAbsolutePath();
        if (!Files.isWritable(target) || !Files.isWritable(target.getParent())) {
            throw JilastikException.processing("the project " + project + " is not writable, so the retrained "
                    + "classifier was not saved into it; make the file and its directory writable to save it");
        }
        staged(target, true, out -> {
            for (ClassifierUpdate u : updates) {
                StoredGroupWriter.write(out, u.groupPath() + "/" + CLASSIFIER_FORESTS, u.forests());
                out.writeString(u.groupPath() + "/" + CLASSIFIER_FACTORY, u.factory());
            }
        });
    }

    /**
     * Writes a new project at {@code target}, replacing an existing file only once the new one is complete.
     *
     * @throws JilastikException (processing) when the directory is not writable or writing fails
     */
    public static void create(Path target, NewProject project) {
        Path abs = target.toAbsolutePath();
        if (abs.getParent() == null || !Files.isDirectory(abs.getParent())) {
            throw JilastikException.processing("the directory of " + target + " does not exist; create it first");
        }
        staged(abs, false, project::writeTo);
    }

    private static void staged(Path target, boolean copyFirst, Consumer<Hdf5Editor> edit) {
        Path temp = StagedOutput.temporarySibling(target);
        try {
            if (copyFirst) {
                Files.copy(target, temp);
            }
            try (Hdf5Editor out = copyFirst ? Hdf5Editor.openReadWrite(temp) : Hdf5Editor.create(temp)) {
                edit.accept(out);
            }
            StagedOutput.moveIntoPlace(temp, target);
        } catch (IOException e) {
            StagedOutput.deleteQuietly(temp);
            throw JilastikException.processing("cannot write the project " + target + " (" + e.getMessage()
                    + "); check the free disk space and the directory's permissions", e);
        } catch (RuntimeException e) {
            StagedOutput.deleteQuietly(temp);
            throw e;
        }
    }
}
