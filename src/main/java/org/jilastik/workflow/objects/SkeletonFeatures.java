package org.jilastik.workflow.objects;

import java.util.List;
import java.util.Map;
import org.jilastik.error.JilastikException;

/**
 * ilastik's "2D Skeleton Features" plugin (vigra {@code extractSkeletonFeatures(labels, pruning_threshold=0.2)} on
 * the frame's label image): per object {@code Diameter}, {@code Euclidean Diameter}, {@code Total Length},
 * {@code Average Length}, {@code Branch Count}, {@code Hole Count} (one value each) and {@code Skeleton Center},
 * {@code Terminal 1}, {@code Terminal 2} (two values each, frame pixel coordinates in vigra order x, y).
 *
 * <p>vigra skeletonizes the whole label image at once; every step it takes for one region depends only on that
 * region's pixels and on where other pixels are, so this class computes each object on a cut-out of its bounding
 * box enlarged by one pixel (clipped to the frame) — the same numbers, object by object, in bounded memory.
 * Objects whose cut-out exceeds {@link #MAX_CUTOUT_PIXELS} are refused; cut-outs above
 * {@link #LARGE_CUTOUT_PIXELS} are computed one at a time, so the extra memory stays below about
 * threads × 34 MB + 550 MB. Stateless and thread safe; objects are
 * independent and may be computed in parallel by the caller. 2-D frames only (ilastik offers the plugin for 2-D
 * data only).
 */
public final class SkeletonFeatures {
    /** The plugin's name in ilastik projects. */
    public static final String PLUGIN = "2D Skeleton Features";
    /** The plugin's features (vigra names). */
    public static final List<String> NAMES = List.of("Average Length", "Branch Count", "Diameter",
            "Euclidean Diameter", "Hole Count", "Skeleton Center", "Terminal 1", "Terminal 2", "Total Length");
    /** ilastik's display names (table columns) of the plugin's features; the others display their own name. */
    public static final Map<String, String> DISPLAY = Map.of("Average Length", "Average Branch Length",
            "Branch Count", "Number of Branches", "Hole Count", "Number of Holes", "Skeleton Center",
            "Center of the Skeleton", "Total Length", "Length of the Skeleton");
    /** The largest cut-out (pixels) computed; the kernel needs about 130 bytes per cut-out pixel. */
    public static final long MAX_CUTOUT_PIXELS = 1L << 22;
    /** Cut-outs above this size (about 34 MB of work arrays) are computed one at a time across threads. */
    static final long LARGE_CUTOUT_PIXELS = 1L << 18;
    private static final Object LARGE = new Object();

    private SkeletonFeatures() {
    }

    /** Whether {@code name} is a feature of this plugin. */
    public static boolean handles(String name) {
        return NAMES.contains(name);
    }

    /** Values per object of {@code name}. */
    public static int width(String name) {
        return name.equals("Skeleton Center") || name.startsWith("Terminal ") ? 2 : 1;
    }

    /**
     * Computes the requested features for objects {@code first..last}.
     *
     * @param acc   the frame's region accumulator (bounding boxes and pixel counts; pass 1 done)
     * @param names features to compute (each must satisfy {@link #handles})
     * @param out   per feature name {@code (count+1)·width} values; rows first..last are written (arrays created on
     *              first use when absent)
     * @throws JilastikException (processing) for a 3-D frame or an object too large to cut out
     */
    public static void compute(FrameAccess frame, RegionAccumulator acc, List<String> names, int first, int last,
            Map<String, double[]> out) {
        int[] shape = frame.shape();
        if (shape[0] > 1) {
            throw JilastikException.processing("the project selects \"" + PLUGIN + "\", which ilastik computes for "
                    + "2-D images only, but this image is 3-D; deselect the plugin in ilastik and retrain");
        }
        for (String n : names) {
            out.computeIfAbsent(n, k -> new double[(acc.count() + 1) * width(k)]);
        }
        SkeletonKernel kernel = new SkeletonKernel();
        for (int o = first; o <= last; o++) {
            if (acc.pixels[o] == 0) {
                continue;
            }
            int[] start = acc.boxStart(o);
            int[] stop = acc.boxStop(o);
            start[1] = Math.max(0, start[1] - 1);
            start[2] = Math.max(0, start[2] - 1);
            stop[1] = Math.min(shape[1], stop[1] + 1);
            stop[2] = Math.min(shape[2], stop[2] + 1);
            int h = stop[1] - start[1];
            int w = stop[2] - start[2];
            if ((long) w * h > MAX_CUTOUT_PIXELS) {
                throw JilastikException.processing("object " + o + " spans " + w + " x " + h + " pixels, more than "
                        + "the " + MAX_CUTOUT_PIXELS + " pixels jilastik computes \"" + PLUGIN + "\" for; "
                        + "deselect the plugin in ilastik and retrain, or split the object");
            }
            int[] labels = frame.labels(start, stop);
            for (int i = 0; i < labels.length; i++) {
                labels[i] = labels[i] == o ? 1 : 0;
            }
            double[] f;
            if ((long) w * h > LARGE_CUTOUT_PIXELS) {
                synchronized (LARGE) { // bounds the memory of several threads meeting large objects at once
                    f = kernel.compute(labels, w, h, shape[2], shape[1]);
                }
            } else {
                f = kernel.compute(labels, w, h, shape[2], shape[1]);
            }
            boolean any = f[SkeletonKernel.HAS_SKELETON] != 0;
            for (String n : names) {
                double[] dst = out.get(n);
                switch (n) {
                    case "Diameter" -> dst[o] = f[SkeletonKernel.DIAMETER];
                    case "Euclidean Diameter" -> dst[o] = f[SkeletonKernel.EUCLIDEAN_DIAMETER];
                    case "Total Length" -> dst[o] = f[SkeletonKernel.TOTAL_LENGTH];
                    case "Average Length" -> dst[o] = f[SkeletonKernel.AVERAGE_LENGTH];
                    case "Branch Count" -> dst[o] = f[SkeletonKernel.BRANCH_COUNT];
                    case "Hole Count" -> dst[o] = f[SkeletonKernel.HOLE_COUNT];
                    case "Skeleton Center" -> point(dst, o, f, SkeletonKernel.CENTER_X, start, any);
                    case "Terminal 1" -> point(dst, o, f, SkeletonKernel.TERMINAL1_X, start, any);
                    case "Terminal 2" -> point(dst, o, f, SkeletonKernel.TERMINAL2_X, start, any);
                    default -> throw new IllegalArgumentException(n);
                }
            }
        }
    }

    /** A cut-out point in frame coordinates; vigra reports (0, 0) for a region without skeleton. */
    private static void point(double[] dst, int o, double[] f, int at, int[] start, boolean any) {
        dst[2 * o] = any ? f[at] + start[2] : 0;
        dst[2 * o + 1] = any ? f[at + 1] + start[1] : 0;
    }
}
