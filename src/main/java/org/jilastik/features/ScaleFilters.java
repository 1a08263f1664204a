package org.jilastik.features;

import java.util.HashMap;
import java.util.Map;

/**
 * The numerics of one {@link ScaleStep} for one input channel: pre-smoothing, then all selected features of the
 * column from shared intermediate results.
 *
 * <p>Sharing: every separable filter at the feature scale is a tuple of per-axis kernels (G, D1 or D2), applied
 * x first, then y, then z (spec §2.3). Tuples with a common prefix share their partial passes, so e.g. the
 * x-pass {@code D2} feeds both the Laplacian and the Hessian, and the smoothing {@code G·G} feeds Gaussian
 * Smoothing and the Difference of Gaussians. Every result is the same float32 sequence of operations as a
 * stand-alone filter would do, so sharing changes no value.
 *
 * <p>Immutable (kernels only); {@link #compute} takes its work arrays from the caller's {@link Scratch} and gives
 * back all but the output planes, so one instance may serve many threads (each with its own Scratch).
 */
final class ScaleFilters {
    private static final int G = 0;
    private static final int D1 = 1;
    private static final int D2 = 2;

    private final ScaleStep step;
    private final boolean useZ;
    private final Kernel1D pre;
    private final Kernel1D[] feature;
    private final Kernel1D dogInner;
    private final Kernel1D[] gradient;

    ScaleFilters(ScaleStep step) {
        this.step = step;
        this.useZ = !step.in2d();
        double s = step.featureSigma();
        this.pre = Kernel1D.gaussian(0, step.preSigma(), 3.5);
        this.feature = new Kernel1D[] {Kernel1D.gaussian(0, s, 2.0), Kernel1D.gaussian(1, s, 2.0),
            Kernel1D.gaussian(2, s, 2.0)};
        this.dogInner = Kernel1D.gaussian(0, 0.66 * s, 2.0);
        // fastfilters swaps the structure tensor scales: gradient at s/2, tensor smoothing at s (spec §2.4)
        this.gradient = new Kernel1D[] {Kernel1D.gaussian(0, 0.5 * s, 2.0), Kernel1D.gaussian(1, 0.5 * s, 2.0)};
    }

    ScaleStep step() {
        return step;
    }

    /** Which of a column's features one call computes (see {@link #features}). */
    enum Part {
        /** Every selected feature. */
        ALL,
        /** Every selected feature except the structure tensor eigenvalues. */
        DERIVATIVES,
        /** Only the structure tensor eigenvalues. */
        TENSOR
    }

    /**
     * Computes this column's features of one input channel on {@code target}.
     *
     * @param raw          the input channel as float32 over {@code rawFrame}; must cover target grown by the step's
     *                     halo (clipped to the image)
     * @param inputChannel index of the input channel (selects the output channels)
     * @param planes       receives, for each output channel ch this column computes, {@code planes[ch]}: a new
     *                     array over {@code target} (C-order) taken from {@code scratch}, now owned by the caller
     *                     (who may give it back once read); an array is shared by no two channels
     * @param scratch      this thread's pool of work arrays; every intermediate goes back to it
     */
    void compute(float[] raw, Frame rawFrame, Frame target, int inputChannel, float[][] planes, Scratch scratch) {
        float[] p = presmooth(raw, rawFrame, target, scratch);
        features(p, target, inputChannel, planes, scratch, Part.ALL);
        scratch.give(p);
    }

    /**
     * Whether the column's work splits into a {@link Part#DERIVATIVES} and a {@link Part#TENSOR} part that both
     * have outputs (two tasks sharing one pre-smoothed image).
     */
    boolean splits() {
        boolean tensor = false;
        boolean other = false;
        for (ScaleStep.Output o : step.outputs()) {
            tensor |= o.feature() == FeatureId.STRUCTURE_TENSOR_EIGENVALUES;
            other |= o.feature() != FeatureId.STRUCTURE_TENSOR_EIGENVALUES;
        }
        return tensor && other;
    }

    /**
     * The pre-smoothed input of this column over {@code target} grown by the feature radius (the first step of
     * {@link #compute}), taken from {@code scratch}; owned by the caller, who gives it back when every
     * {@link #features} call reading it is done.
     */
    float[] presmooth(float[] raw, Frame rawFrame, Frame target, Scratch scratch) {
        Frame pFrame = target.grow(axisRadii(step.featureRadius()));
        return separable(raw, rawFrame, pre, pre, useZ ? pre : null, pFrame, scratch);
    }

    /**
     * The features of {@code part} from the pre-smoothed input {@code p} ({@link #presmooth} of the same target);
     * {@code p} is only read, so several parts may run at once from one {@code p}, each with its own scratch
     * pool or a shared (thread-safe) one. Outputs as in {@link #compute}.
     */
    void features(float[] p, Frame target, int inputChannel, float[][] planes, Scratch scratch, Part part) {
        Frame pFrame = target.grow(axisRadii(step.featureRadius()));
        int dims = step.dims();
        Map<Integer, float[]> d = part == Part.TENSOR ? Map.of()
                : derivatives(p, pFrame, feature, neededTuples(dims), target, scratch);
        int n = target.numElements();
        java.util.Set<float[]> kept = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (ScaleStep.Output o : step.outputs()) {
            boolean tensor = o.feature() == FeatureId.STRUCTURE_TENSOR_EIGENVALUES;
            if (part == Part.TENSOR && !tensor || part == Part.DERIVATIVES && tensor) {
                continue;
            }
            int ch = o.firstChannel() + inputChannel * o.feature().channelsPerInput(dims);
            switch (o.feature()) {
                case GAUSSIAN_SMOOTHING -> {
                    planes[ch] = d.get(code(G, G, G));
                    kept.add(planes[ch]);
                }
                case LAPLACIAN_OF_GAUSSIAN -> {
                    float[] xx = d.get(code(D2, G, G));
                    float[] yy = d.get(code(G, D2, G));
                    float[] zz = dims == 3 ? d.get(code(G, G, D2)) : null;
                    float[] v = scratch.take(n);
                    PlaneOps.sum(xx, yy, v, n);
                    if (zz != null) {
                        PlaneOps.add(v, zz, n);
                    }
                    planes[ch] = v;
                }
                case GAUSSIAN_GRADIENT_MAGNITUDE -> {
                    float[] gx = d.get(code(D1, G, G));
                    float[] gy = d.get(code(G, D1, G));
                    float[] gz = dims == 3 ? d.get(code(G, G, D1)) : null;
                    float[] v = scratch.take(n);
                    PlaneOps.sumOfSquares(gx, gy, v, n);
                    if (gz != null) {
                        PlaneOps.addSquare(v, gz, n);
                    }
                    PlaneOps.sqrt(v, n);
                    planes[ch] = v;
                }
                case DIFFERENCE_OF_GAUSSIANS -> {
                    float[] outer = d.get(code(G, G, G));
                    float[] inner = separable(p, pFrame, dogInner, dogInner, useZ ? dogInner : null, target, scratch);
                    PlaneOps.subtractFrom(outer, inner, n);
                    planes[ch] = inner;
                }
                case HESSIAN_OF_GAUSSIAN_EIGENVALUES -> {
                    newPlanes(planes, ch, dims, n, scratch);
                    if (dims == 2) {
                        Eigenvalues.symmetric2(d.get(code(D2, G, G)), d.get(code(D1, D1, G)), d.get(code(G, D2, G)),
                                n, planes[ch], planes[ch + 1]);
                    } else {
                        eigen3(new float[][] {d.get(code(D2, G, G)), d.get(code(D1, D1, G)), d.get(code(D1, G, D1)),
                            d.get(code(G, D2, G)), d.get(code(G, D1, D1)), d.get(code(G, G, D2))}, target, planes, ch);
                    }
                }
                case STRUCTURE_TENSOR_EIGENVALUES -> {
                    newPlanes(planes, ch, dims, n, scratch);
                    structureTensor(p, pFrame, target, dims, planes, ch, scratch);
                }
            }
        }
        for (float[] a : d.values()) {
            if (!kept.contains(a)) {
                scratch.give(a);
            }
        }
    }

    private static void newPlanes(float[][] planes, int ch, int dims, int n, Scratch scratch) {
        for (int k = 0; k < dims; k++) {
            planes[ch + k] = scratch.take(n);
        }
    }

    private void structureTensor(float[] p, Frame pFrame, Frame target, int dims, float[][] planes, int ch,
                                 Scratch scratch) {
        Kernel1D smooth = feature[G];
        Frame tensorFrame = target.grow(axisRadii(smooth.radius()));
        int[][] tuples = dims == 2 ? new int[][] {{D1, G, G}, {G, D1, G}}
                : new int[][] {{D1, G, G}, {G, D1, G}, {G, G, D1}};
        Map<Integer, float[]> g = derivatives(p, pFrame, gradient, tuples, tensorFrame, scratch);
        float[][] grad = new float[dims][];
        for (int a = 0; a < dims; a++) {
            grad[a] = g.get(code(tuples[a][0], tuples[a][1], tuples[a][2]));
        }
        int m = tensorFrame.numElements();
        int n = target.numElements();
        float[][] t = new float[dims * (dims + 1) / 2][];
        int e = 0;
        for (int a = 0; a < dims; a++) {
            for (int b = a; b < dims; b++) {
                float[] ga = grad[a];
                float[] gb = grad[b];
                float[] prod = scratch.take(m);
                PlaneOps.product(ga, gb, prod, m);
                t[e++] = separable(prod, tensorFrame, smooth, smooth, useZ ? smooth : null, target, scratch);
                scratch.give(prod);
            }
        }
        for (float[] a : g.values()) {
            scratch.give(a);
        }
        if (dims == 2) {
            Eigenvalues.symmetric2(t[0], t[1], t[2], n, planes[ch], planes[ch + 1]);
        } else {
            eigen3(t, target, planes, ch);
        }
        for (float[] a : t) {
            scratch.give(a);
        }
    }

    /**
     * 3-D eigenvalues of the tensor entries {@code e = {xx, xy, xz, yy, yz, zz}} over {@code target} into
     * {@code planes[ch..ch+2]}, as fastfilters computes them on the whole volume: its vector code for every pixel
     * whose flat index in the volume lies before {@code (Z·Y·X) & ~7}, its scalar tail code after that (at most
     * the last 7 pixels of the volume). Both depend on image coordinates only, so blocking changes nothing.
     */
    private static void eigen3(float[][] e, Frame target, float[][] planes, int ch) {
        int n = target.numElements();
        float[] l0 = planes[ch];
        float[] l1 = planes[ch + 1];
        float[] l2 = planes[ch + 2];
        FastfiltersEigen3.symmetric3(e[0], e[1], e[2], e[3], e[4], e[5], n, l0, l1, l2);
        long ny = target.image(Frame.Y);
        long nx = target.image(Frame.X);
        long volume = target.image(Frame.Z) * ny * nx;
        long tailStart = volume & ~7L;
        for (long f = tailStart; f < volume; f++) {
            int z = (int) (f / (ny * nx)) - target.start(Frame.Z);
            int y = (int) (f / nx % ny) - target.start(Frame.Y);
            int x = (int) (f % nx) - target.start(Frame.X);
            if (z < 0 || y < 0 || x < 0 || z >= target.size(Frame.Z) || y >= target.size(Frame.Y)
                    || x >= target.size(Frame.X)) {
                continue;
            }
            int i = (z * target.size(Frame.Y) + y) * target.size(Frame.X) + x;
            FastfiltersEigen3.tail(e[0][i], e[1][i], e[2][i], e[3][i], e[4][i], e[5][i], l0, l1, l2, i);
        }
    }

    /** The kernel tuples (x, y, z order) the selected features need at the feature scale. */
    private int[][] neededTuples(int dims) {
        java.util.LinkedHashMap<Integer, int[]> t = new java.util.LinkedHashMap<>();
        for (ScaleStep.Output o : step.outputs()) {
            switch (o.feature()) {
                case GAUSSIAN_SMOOTHING, DIFFERENCE_OF_GAUSSIANS -> add(t, G, G, G);
                case LAPLACIAN_OF_GAUSSIAN -> {
                    add(t, D2, G, G);
                    add(t, G, D2, G);
                    if (dims == 3) {
                        add(t, G, G, D2);
                    }
                }
                case GAUSSIAN_GRADIENT_MAGNITUDE -> {
                    add(t, D1, G, G);
                    add(t, G, D1, G);
                    if (dims == 3) {
                        add(t, G, G, D1);
                    }
                }
                case HESSIAN_OF_GAUSSIAN_EIGENVALUES -> {
                    add(t, D2, G, G);
                    add(t, G, D2, G);
                    add(t, D1, D1, G);
                    if (dims == 3) {
                        add(t, G, G, D2);
                        add(t, D1, G, D1);
                        add(t, G, D1, D1);
                    }
                }
                case STRUCTURE_TENSOR_EIGENVALUES -> {
                }
            }
        }
        return t.values().toArray(new int[0][]);
    }

    private static void add(Map<Integer, int[]> t, int ox, int oy, int oz) {
        t.putIfAbsent(code(ox, oy, oz), new int[] {ox, oy, oz});
    }

    private static int code(int ox, int oy, int oz) {
        return ox + 3 * oy + 9 * oz;
    }

    private int[] axisRadii(int r) {
        return new int[] {useZ ? r : 0, r, r};
    }

    /**
     * All filters {@code tuples} (kernel orders for x, y, z; z ignored in 2-D) of kernels {@code k} (all of one
     * σ, hence one radius) from {@code src} onto {@code target}, sharing common x and x·y prefixes.
     */
    private Map<Integer, float[]> derivatives(float[] src, Frame sf, Kernel1D[] k, int[][] tuples, Frame target,
                                              Scratch scratch) {
        int r = k[0].radius();
        Frame afterX = target.grow(new int[] {useZ ? r : 0, r, 0});
        Frame afterY = target.grow(new int[] {useZ ? r : 0, 0, 0});
        Map<Integer, float[]> result = new HashMap<>();
        Map<Integer, float[]> xs = new HashMap<>();
        Map<Integer, float[]> xys = new HashMap<>();
        for (int[] t : tuples) {
            float[] ax = xs.computeIfAbsent(t[0], o -> pass(src, sf, Frame.X, k[o], afterX, scratch));
            float[] axy = xys.computeIfAbsent(t[0] + 3 * t[1],
                    o -> pass(ax, afterX, Frame.Y, k[t[1]], afterY, scratch));
            float[] axyz = useZ ? pass(axy, afterY, Frame.Z, k[t[2]], target, scratch) : axy;
            result.put(code(t[0], t[1], useZ ? t[2] : G), axyz);
        }
        for (float[] a : xs.values()) {
            scratch.give(a);
        }
        if (useZ) {
            // in 2-D the x·y results are the results themselves
            for (float[] a : xys.values()) {
                scratch.give(a);
            }
        }
        return result;
    }

    /** A separable filter with kernels kx, ky and (unless null) kz from {@code src} onto {@code target}. */
    private static float[] separable(float[] src, Frame sf, Kernel1D kx, Kernel1D ky, Kernel1D kz, Frame target,
                                     Scratch scratch) {
        int rz = kz == null ? 0 : kz.radius();
        Frame afterX = target.grow(new int[] {rz, ky.radius(), 0});
        Frame afterY = target.grow(new int[] {rz, 0, 0});
        float[] a = pass(src, sf, Frame.X, kx, afterX, scratch);
        float[] b = pass(a, afterX, Frame.Y, ky, afterY, scratch);
        scratch.give(a);
        if (kz == null) {
            return b;
        }
        float[] c = pass(b, afterY, Frame.Z, kz, target, scratch);
        scratch.give(b);
        return c;
    }

    private static float[] pass(float[] src, Frame sf, int axis, Kernel1D k, Frame df, Scratch scratch) {
        float[] dst = scratch.take(df.numElements());
        Convolution.convolve(src, sf, axis, k, dst, df);
        return dst;
    }
}
