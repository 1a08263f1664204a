package org.jilastik.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jilastik.array.Axes;
import org.jilastik.error.JilastikException;

/**
 * The axis order a workflow computes in (spec cli-and-io §2.8, pixel-classification §1.3): from an ordered
 * list of allowed orders, the shortest one containing every non-singleton axis of the input, first in list
 * order on ties. Singleton axes are dropped; every allowed order ends in {@code c}. Stateless, thread safe.
 */
public final class PipelineAxisOrder {
    /**
     * Pixel classification and autocontext: {@code yxc}, {@code xyc}, then the 3-letter permutations of
     * {@code tzyx} plus {@code c}, then the 4-letter ones plus {@code c}, in Python's itertools order.
     */
    public static final List<Axes> PIXEL_CLASSIFICATION = pixelClassificationOrders();

    /** Cell density counting: 2-D only. */
    public static final List<Axes> COUNTING = List.of(Axes.of("yxc"), Axes.of("xyc"));

    private PipelineAxisOrder() {
    }

    /**
     * Chooses the pipeline order for data with {@code axes} and {@code shape} among {@code allowed}.
     *
     * @param what names the input in the error message
     * @throws JilastikException (processing) if no allowed order holds all non-singleton axes
     */
    public static Axes choose(Axes axes, long[] shape, List<Axes> allowed, String what) {
        Axes best = null;
        for (Axes candidate : allowed) {
            if (containsAllNonSingleton(candidate, axes, shape)
                    && (best == null || candidate.size() < best.size())) {
                best = candidate;
            }
        }
        if (best == null) {
            StringBuilder sizes = new StringBuilder();
            for (int i = 0; i < shape.length; i++) {
                sizes.append(i == 0 ? "" : ", ").append(axes.get(i)).append('=').append(shape[i]);
            }
            throw JilastikException.processing(what + " has axes " + sizes + " but this workflow accepts only "
                    + allowed + " (singleton axes ignored); select a suitable image or fix its axes with --input_axes.");
        }
        return best;
    }

    /** {@link #choose} with {@link #PIXEL_CLASSIFICATION}. */
    public static Axes pixelClassification(Axes axes, long[] shape) {
        return choose(axes, shape, PIXEL_CLASSIFICATION, "the input");
    }

    private static boolean containsAllNonSingleton(Axes candidate, Axes axes, long[] shape) {
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] != 1 && !candidate.has(axes.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static List<Axes> pixelClassificationOrders() {
        List<Axes> out = new ArrayList<>();
        out.add(Axes.of("yxc"));
        out.add(Axes.of("xyc"));
        for (int k = 3; k <= 4; k++) {
            permutations("tzyx", k, "", new boolean[4], out);
        }
        return Collections.unmodifiableList(out);
    }

    /** itertools.permutations order: positions chosen left to right in index order. */
    private static void permutations(String pool, int k, String prefix, boolean[] used, List<Axes> out) {
        if (prefix.length() == k) {
            out.add(Axes.of(prefix + "c"));
            return;
        }
        for (int i = 0; i < pool.length(); i++) {
            if (!used[i]) {
                used[i] = true;
                permutations(pool, k, prefix + pool.charAt(i), used, out);
                used[i] = false;
            }
        }
    }
}
