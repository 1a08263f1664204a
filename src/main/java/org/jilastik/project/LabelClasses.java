package org.jilastik.project;

import java.util.ArrayList;
import java.util.List;

/**
 * The label classes of a classifier group: class {@code v} (1-based label value) is {@code names.get(v - 1)}.
 *
 * @param names      class names in label-value order
 * @param colors     display colour per class, {@code [r, g, b]} 0..255 ({@code LabelColors})
 * @param pmapColors probability-map colour per class ({@code PmapColors})
 */
public record LabelClasses(List<String> names, List<int[]> colors, List<int[]> pmapColors) {
    private static final int[][] DEFAULT_COLORS = {{255, 0, 0}, {0, 255, 0}, {0, 0, 255}, {255, 255, 0},
        {255, 0, 255}, {0, 255, 255}, {128, 128, 128}, {255, 105, 180}, {255, 165, 0}, {240, 230, 140}};

    /** No classes. */
    public static final LabelClasses NONE = new LabelClasses(List.of(), List.of(), List.of());

    /** Number of classes. */
    public int count() {
        return names.size();
    }

    /** ilastik's default colour of class index {@code i} (0-based), cycling through its ten defaults. */
    public static int[] defaultColor(int i) {
        return DEFAULT_COLORS[i % DEFAULT_COLORS.length].clone();
    }

    /** Classes {@code "Label 1" .. "Label n"} with default colours (very old projects without names). */
    public static LabelClasses defaults(int n) {
        List<String> names = new ArrayList<>();
        List<int[]> colors = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add("Label " + (i + 1));
            colors.add(defaultColor(i));
        }
        return new LabelClasses(List.copyOf(names), List.copyOf(colors), List.copyOf(colors));
    }
}
