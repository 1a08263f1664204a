package org.jilastik.workflow.objects;

/**
 * The objects of one frame (or one blockwise region) and what the classifier said about them. Plain data; arrays
 * must not be modified.
 *
 * @param labels        object ids 1..count per pixel, flat {@code [z][y][x]}
 * @param count         number of objects
 * @param features      the object features
 * @param probabilities {@code (count+1)·C} class probabilities, row 0 = 0
 * @param predicted     predicted class 1..C per object, 0 for the background row
 * @param originalIds   original label value per object (label-image variant), or null
 */
public record FrameResult(int[] labels, int count, ObjectFeatures features, float[] probabilities, int[] predicted,
                          long[] originalIds) {
}
