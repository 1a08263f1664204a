package org.jilastik.workflow.objects;

import java.util.Map;

/**
 * The object features of one frame: per feature (vigra name) a row-major {@code (count+1)·k} array of doubles,
 * row 0 (background) zero. Plain data; arrays must not be modified.
 *
 * @param count  objects 1..count
 * @param values feature name → values
 */
public record ObjectFeatures(int count, Map<String, double[]> values) {
    /** Values per object of {@code feature}. */
    public int width(String feature) {
        return values.get(feature).length / (count + 1);
    }

    /** Whether {@code feature} was computed. */
    public boolean has(String feature) {
        return values.containsKey(feature);
    }
}
