package org.jilastik.project;

import java.util.ArrayList;
import java.util.List;
import org.jilastik.array.Axes;

/**
 * The axis order in which ilastik's pixel workflows see a lane's image ("lane image order", spec
 * pixel-classification §1.3): singleton axes dropped, channel last, e.g. {@code yxc}, {@code zyxc}, {@code tyxc},
 * {@code tzyxc}.
 *
 * <p>Rule: the required axes are those of the raw data with extent &gt; 1; of the candidates {@code yxc},
 * {@code xyc}, then every 3-letter and then every 4-letter permutation of {@code tzyx} (itertools order) with
 * {@code c} appended, the first of the shortest that contain all required axes wins. Stateless, thread safe.
 */
public final class LaneImageOrder {
    private static final List<String> CANDIDATES = candidates();

    private LaneImageOrder() {
    }

    /**
     * The lane image axes for raw data with {@code axes} and {@code shape}.
     *
     * @throws IllegalArgumentException if the lengths differ
     */
    public static Axes of(Axes axes, long[] shape) {
        if (axes.size() != shape.length) {
            throw new IllegalArgumentException("axes " + axes + " do not match a shape of " + shape.length + " entries");
        }
        StringBuilder required = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] > 1 && axes.get(i) != 'c') {
                required.append(axes.get(i));
            }
        }
        for (String c : CANDIDATES) {
            boolean all = true;
            for (int i = 0; i < required.length() && all; i++) {
                all = c.indexOf(required.charAt(i)) >= 0;
            }
            if (all) {
                return Axes.of(c);
            }
        }
        throw new IllegalStateException("no candidate order holds " + required); // unreachable: tzyxc holds all
    }

    private static List<String> candidates() {
        List<String> out = new ArrayList<>(List.of("yxc", "xyc"));
        permutations("tzyx", 3, "", out);
        permutations("tzyx", 4, "", out);
        return List.copyOf(out);
    }

    /** Appends the k-permutations of {@code letters} in itertools order, each with {@code c} appended. */
    private static void permutations(String letters, int k, String prefix, List<String> out) {
        if (prefix.length() == k) {
            out.add(prefix + "c");
            return;
        }
        for (int i = 0; i < letters.length(); i++) {
            char ch = letters.charAt(i);
            if (prefix.indexOf(ch) < 0) {
                permutations(letters, k, prefix + ch, out);
            }
        }
    }
}
