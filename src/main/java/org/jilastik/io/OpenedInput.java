package org.jilastik.io;

import java.nio.file.Path;
import java.util.List;

/**
 * An input opened from a command-line string: the lazy source (with the file's own axes; apply
 * {@link AxisResolver} next), ilastik's nickname, the {@code {dataset_dir}}, and the files it was made from.
 * The caller owns {@code source} and must close it.
 *
 * @param argument the string as given on the command line
 * @param source the image (a {@link StackSource} for several files)
 * @param nickname ilastik's {@code {nickname}}
 * @param datasetDir ilastik's {@code {dataset_dir}}
 * @param files the expanded files in stacking order
 */
public record OpenedInput(String argument, ImageSource source, String nickname, Path datasetDir,
        List<ContainerPath> files) {
}
