package org.jilastik.features;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jilastik.array.Axes;
import org.jilastik.array.Box;
import org.jilastik.error.JilastikException;

/**
 * What a {@link FeatureSelection} computes on one image: the output channels (count, order, names), the halo a
 * block needs, and the per-scale work.
 *
 * <p>Axes are the pipeline ("lane image") order {@code (t)(z)yx(c)} of spec §1.3: t and c are independent images,
 * z, y, x are filtered. Channel order (spec §2.7): FeatureIds row, then scale column, then input channel, then
 * eigenvalue index. Names are ilastik's, e.g. {@code "Gaussian Smoothing (σ=0.3) in 2D"} or
 * {@code "Hessian of Gaussian Eigenvalues (σ=1.0) [2]"}.
 *
 * <p>The halo is the exact reach of the filters (pre-smoothing radius + feature radius, per column): a block grown
 * by it (clipped to the image) yields values bit-identical to computing on the whole image. It is never larger
 * than ilastik's own halo {@code ceil(3.5·σmax) + 3}.
 *
 * <p>Immutable and thread safe.
 */
public final class FeaturePlan {
    private final Axes axes;
    private final long[] shape;
    private final int inputChannels;
    private final int[] spatialShape;
    private final List<ScaleStep> steps;
    private final List<String> names;
    private final int[] spatialHalo;

    private FeaturePlan(Axes axes, long[] shape, int inputChannels, int[] spatialShape, List<ScaleStep> steps,
                        List<String> names, int[] spatialHalo) {
        this.axes = axes;
        this.shape = shape;
        this.inputChannels = inputChannels;
        this.spatialShape = spatialShape;
        this.steps = steps;
        this.names = names;
        this.spatialHalo = spatialHalo;
    }

    /**
     * Plans {@code selection} for an image.
     *
     * @param selection the project's feature selection
     * @param axes      the image axes in pipeline order: {@code yx}, {@code zyx}, {@code tyx}, {@code tzyx}, each
     *                  optionally followed by {@code c}
     * @param shape     the image extents, one per axis of {@code axes}
     * @throws IllegalArgumentException if the axes are not in pipeline order
     * @throws JilastikException        (processing) if the image is too small for a selected scale, or a feature id
     *                                  is unknown
     */
    public static FeaturePlan of(FeatureSelection selection, Axes axes, long[] shape) {
        String l = axes.letters();
        if (!isPipelineOrder(l) || shape.length != l.length()) {
            throw new IllegalArgumentException("features need axes in the order (t)(z)yx(c) with one extent each, got "
                    + axes + " with " + shape.length + " extents");
        }
        int channels = axes.has('c') ? Math.toIntExact(shape[axes.indexOf('c')]) : 1;
        int[] sp = {axes.has('z') ? Math.toIntExact(shape[axes.indexOf('z')]) : 1,
            Math.toIntExact(shape[axes.indexOf('y')]), Math.toIntExact(shape[axes.indexOf('x')])};
        boolean hasZ = axes.has('z');
        double[] scales = selection.scales();
        boolean[] in2dStored = selection.computeIn2d();
        boolean[][] sel = selection.selected();
        List<FeatureId> rows = new ArrayList<>();
        for (String id : selection.featureIds()) {
            rows.add(FeatureId.fromStoredId(id));
        }

        List<ScaleStep.Output>[] outputsByColumn = newLists(scales.length);
        List<String> names = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < scales.length; j++) {
                if (!sel[i][j]) {
                    continue;
                }
                boolean in2dName = in2dName(in2dStored, j, hasZ);
                int dims = hasZ && !in2dName ? 3 : 2;
                FeatureId f = rows.get(i);
                int n = channels * f.channelsPerInput(dims);
                String base = f.displayName() + " (σ=" + pythonFloat(scales[j]) + ")" + (in2dName ? " in 2D" : "");
                for (int k = 0; k < n; k++) {
                    names.add(n > 1 ? base + " [" + k + "]" : base);
                }
                outputsByColumn[j].add(new ScaleStep.Output(f, next));
                next += n;
            }
        }

        List<ScaleStep> steps = new ArrayList<>();
        int[] halo = new int[3];
        for (int j = 0; j < scales.length; j++) {
            if (outputsByColumn[j].isEmpty()) {
                continue;
            }
            double nominal = scales[j];
            boolean in2d = !hasZ || in2dName(in2dStored, j, hasZ);
            refuseIfTooSmall(nominal, in2d, sp, hasZ);
            double pre = nominal > 1.0 ? Math.sqrt(nominal * nominal - 1.0) : nominal;
            double fs = nominal > 1.0 ? 1.0 : nominal;
            int featR = 0;
            for (ScaleStep.Output o : outputsByColumn[j]) {
                int r = Kernel1D.radius(fs, 2.0);
                if (o.feature() == FeatureId.STRUCTURE_TENSOR_EIGENVALUES) {
                    r = Kernel1D.radius(0.5 * fs, 2.0) + Kernel1D.radius(fs, 2.0);
                }
                featR = Math.max(featR, r);
            }
            int h = Kernel1D.radius(pre, 3.5) + featR;
            halo[1] = Math.max(halo[1], h);
            halo[2] = Math.max(halo[2], h);
            if (!in2d) {
                halo[0] = Math.max(halo[0], h);
            }
            steps.add(new ScaleStep(j, nominal, in2d, in2d ? 2 : 3, pre, fs,
                    List.copyOf(outputsByColumn[j]), featR, h));
        }
        return new FeaturePlan(axes, shape.clone(), channels, sp, Collections.unmodifiableList(steps),
                Collections.unmodifiableList(names), halo);
    }

    private static boolean isPipelineOrder(String l) {
        return l.matches("t?z?yxc?");
    }

    @SuppressWarnings("unchecked")
    private static List<ScaleStep.Output>[] newLists(int n) {
        List<ScaleStep.Output>[] a = new List[n];
        for (int i = 0; i < n; i++) {
            a[i] = new ArrayList<>();
        }
        return a;
    }

    /** ComputeIn2d as used in names: stored value, or (missing) true without z and false with z. */
    private static boolean in2dName(boolean[] stored, int j, boolean hasZ) {
        if (stored == null || stored.length == 0 || j >= stored.length) {
            return !hasZ;
        }
        return stored[j];
    }

    /** ilastik refuses a scale whose {@code ceil(3.5·σ) + 1} exceeds a filtered axis (spec §2.6). */
    private static void refuseIfTooSmall(double nominal, boolean in2d, int[] sp, boolean hasZ) {
        long need = (long) Math.ceil(3.5 * nominal) + 1;
        String[] axisNames = {"z", "y", "x"};
        for (int a = in2d ? 1 : 0; a < 3; a++) {
            if (sp[a] < need) {
                String fix = a == 0
                        ? "select smaller scales or compute that scale in 2D (ComputeIn2d)"
                        : "select smaller scales or use a larger image";
                throw JilastikException.processing("the image is too small for the pixel feature scale σ="
                        + pythonFloat(nominal) + ": axis " + axisNames[a] + " has " + sp[a]
                        + " pixels but that scale needs at least " + need + "; " + fix + ".");
            }
        }
    }

    /** Python's {@code str(float)} for the scale values a project stores (e.g. 0.3, 1.0, 10.0). */
    static String pythonFloat(double v) {
        double a = Math.abs(v);
        if (v == Math.rint(v) && a < 1e16) {
            return (long) v + ".0";
        }
        String s = Double.toString(v); // shortest digits; Java exponent syntax d.dddE-n outside [1e-3, 1e7)
        int e = s.indexOf('E');
        if (a >= 1e-4 && a < 1e16) {
            // BigDecimal only where Java wrote an exponent (its first use loads and interprets BigInteger code on the
            // start-up path: ~15 ms of every run, JFR)
            return e < 0 ? s : new BigDecimal(s).stripTrailingZeros().toPlainString();
        }
        String mant = s.substring(0, e);
        if (mant.endsWith(".0")) {
            mant = mant.substring(0, mant.length() - 2);
        }
        int exp = Integer.parseInt(s.substring(e + 1));
        return mant + "e" + (exp < 0 ? "-" : "+") + String.format("%02d", Math.abs(exp));
    }

    /** The image axes this plan was made for. */
    public Axes axes() {
        return axes;
    }

    /** The image extents, one per axis (copy). */
    public long[] imageShape() {
        return shape.clone();
    }

    /** Number of input channels (1 without a c axis). */
    public int inputChannels() {
        return inputChannels;
    }

    /** Number of output channels. */
    public int channelCount() {
        return names.size();
    }

    /** Output channel names in channel order, as a stored classifier's {@code feature_names}. */
    public List<String> channelNames() {
        return names;
    }

    /** Halo per axis of {@link #axes()} in pixels (0 on t and c). */
    public long[] halo() {
        long[] h = new long[axes.size()];
        for (int i = 0; i < h.length; i++) {
            char c = axes.get(i);
            int a = "zyx".indexOf(c);
            h[i] = a < 0 ? 0 : spatialHalo[a];
        }
        return h;
    }

    /** Halo along (z, y, x) in pixels (z is 0 for images without z or when every scale is 2-D). */
    public int[] spatialHalo() {
        return spatialHalo.clone();
    }

    /** The input region a block needs to compute {@code outputBox}: grown by the halo, clipped to the image. */
    public Box inputBox(Box outputBox) {
        long[] h = halo();
        long[] s = outputBox.start();
        long[] e = outputBox.stop();
        if (axes.has('c')) {
            int c = axes.indexOf('c');
            s[c] = 0;
            e[c] = shape[c];
        }
        return new Box(s, e).grow(h, Box.ofShape(shape));
    }

    /** Extents (z, y, x) of the image; z is 1 without a z axis. */
    int[] spatialShape() {
        return spatialShape.clone();
    }

    /** The per-column work, in column order. */
    List<ScaleStep> steps() {
        return steps;
    }
}
