package org.jilastik.app;

import java.util.List;

/**
 * What {@code jilastik train} was asked to do, parsed and checked by the {@code cli} package. Plain immutable data;
 * {@code null} = not given.
 *
 * @param project                the {@code .ilp} to create or update
 * @param rawData                the training images (one lane each), as typed (paths, {@code file.h5/internal})
 * @param labels                 one label image per training image (0 = unlabelled, 1..N = classes)
 * @param features               the {@code --features} value, or null for {@code all}
 * @param labelNames             class names ({@code --label-names}), or empty for {@code Label 1 .. Label N}
 * @param treeCount              {@code --tree-count}, or null (100, or the updated project's setting)
 * @param labelProportion        {@code --label-proportion}, or null
 * @param variableImportancePath {@code --variable-importance-path} (a directory), or null
 * @param seed                   {@code --seed}, or null for jilastik's default
 * @param inputAxes              {@code --input_axes} for the training images, or null (the files' own axes)
 * @param threads                worker threads (from {@code LAZYFLOW_THREADS}), or null for all cores
 * @param quiet                  {@code --quiet}
 */
public record TrainRequest(String project, List<String> rawData, List<String> labels, String features,
                           List<String> labelNames, Integer treeCount, Double labelProportion,
                           String variableImportancePath, Long seed, String inputAxes, Integer threads,
                           boolean quiet) {
    /** Copies the lists. */
    public TrainRequest {
        rawData = List.copyOf(rawData);
        labels = List.copyOf(labels);
        labelNames = List.copyOf(labelNames);
    }
}
