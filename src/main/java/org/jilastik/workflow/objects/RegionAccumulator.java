package org.jilastik.workflow.objects;

import java.util.Arrays;

/**
 * Per-object statistics of vigra's region accumulators (spec object-classification §5), gathered block by block
 * so that a frame never has to be in memory at once: pass 1 collects count, sums, extrema, bounding box,
 * coordinate sums and the coordinate scatter matrix; pass 2 (after {@link #beginPass2()}) collects the central
 * moments of the intensities and their 64-bin histogram over the frame's object-pixel range.
 *
 * <p>Coordinates are vigra's: {@code (x, y)} for a 2-D frame ({@code z} extent 1), {@code (x, y, z)} otherwise.
 * Blocks must be fed in raster order of the frame and each block scanned in C order: then every object sees its
 * pixels in the frame's C order and the results equal vigra's to double rounding (the scatter matrix is updated
 * incrementally as vigra does, which fixes the signs of the principal axes).
 *
 * <p>Layout: one flat {@code double[]} per statistic, object {@code o}'s values at {@code o·k .. o·k+k-1}
 * (object 0 = background, never accumulated). Not thread safe: one accumulator per frame.
 */
public final class RegionAccumulator {
    /** Number of histogram bins of {@code Quantiles} and {@code Histogram}. */
    public static final int BINS = 64;
    private static final double[] QUANTILES = {0.0, 0.1, 0.25, 0.5, 0.75, 0.9, 1.0};

    private final int count;
    private final int channels;
    private final int dims;
    private final boolean histograms;
    final long[] pixels;
    final double[] coordSum;
    final double[] coordMin;
    final double[] coordMax;
    final double[] scatter;
    final double[] sum;
    final double[] min;
    final double[] max;
    final double[] m2;
    final double[] m3;
    final double[] m4;
    final int[] hist;
    final double[] lo;
    final double[] hi;
    private double[] mean;

    /**
     * @param count      objects 1..count
     * @param channels   raw channels
     * @param dims       2 for a frame with z extent 1, else 3
     * @param histograms whether pass 2 builds the histograms ({@code Quantiles}, {@code Histogram})
     */
    public RegionAccumulator(int count, int channels, int dims, boolean histograms) {
        this.count = count;
        this.channels = channels;
        this.dims = dims;
        this.histograms = histograms;
        int n = count + 1;
        pixels = new long[n];
        coordSum = new double[n * dims];
        coordMin = new double[n * dims];
        coordMax = new double[n * dims];
        Arrays.fill(coordMin, Double.POSITIVE_INFINITY);
        Arrays.fill(coordMax, Double.NEGATIVE_INFINITY);
        scatter = new double[n * dims * dims];
        sum = new double[n * channels];
        min = new double[n * channels];
        max = new double[n * channels];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        m2 = new double[n * channels];
        m3 = new double[n * channels];
        m4 = new double[n * channels];
        hist = histograms ? new int[Math.multiplyExact(n * channels, BINS)] : null;
        lo = new double[channels];
        hi = new double[channels];
        Arrays.fill(lo, Double.POSITIVE_INFINITY);
        Arrays.fill(hi, Double.NEGATIVE_INFINITY);
    }

    /** Objects 1..count. */
    public int count() {
        return count;
    }

    /** Coordinate dimensions (2 or 3). */
    public int dims() {
        return dims;
    }

    /**
     * Pass 1 over one block.
     *
     * @param labels block labels, flat {@code [z][y][x]}
     * @param raw    block intensities, flat {@code [z][y][x][c]}
     * @param start  block origin {@code {z, y, x}} in the frame
     * @param stop   block end (exclusive)
     */
    public void pass1(int[] labels, float[] raw, int[] start, int[] stop) {
        int c = channels;
        int d = dims;
        double[] p = new double[3];
        double[] delta = new double[3];
        int i = 0;
        for (int z = start[0]; z < stop[0]; z++) {
            for (int y = start[1]; y < stop[1]; y++) {
                for (int x = start[2]; x < stop[2]; x++, i++) {
                    int o = labels[i];
                    if (o == 0) {
                        continue;
                    }
                    long n = ++pixels[o];
                    p[0] = x;
                    p[1] = y;
                    p[2] = z;
                    int cb = o * d;
                    for (int k = 0; k < d; k++) {
                        coordSum[cb + k] += p[k];
                        coordMin[cb + k] = Math.min(coordMin[cb + k], p[k]);
                        coordMax[cb + k] = Math.max(coordMax[cb + k], p[k]);
                    }
                    if (n >= 2) {
                        // vigra's incremental flat scatter matrix: delta from the mean including this pixel
                        double w = (double) n / (n - 1.0);
                        for (int k = 0; k < d; k++) {
                            delta[k] = coordSum[cb + k] / n - p[k];
                        }
                        int sb = o * d * d;
                        for (int r = 0; r < d; r++) {
                            for (int s = 0; s < d; s++) {
                                scatter[sb + r * d + s] += w * delta[r] * delta[s];
                            }
                        }
                    }
                    int vb = o * c;
                    for (int ch = 0; ch < c; ch++) {
                        double v = raw[i * c + ch];
                        sum[vb + ch] += v;
                        min[vb + ch] = Math.min(min[vb + ch], v);
                        max[vb + ch] = Math.max(max[vb + ch], v);
                        lo[ch] = Math.min(lo[ch], v);
                        hi[ch] = Math.max(hi[ch], v);
                    }
                }
            }
        }
    }

    /** Ends pass 1: fixes the means that pass 2 centres on. */
    public void beginPass2() {
        mean = new double[sum.length];
        for (int o = 1; o <= count; o++) {
            for (int ch = 0; ch < channels; ch++) {
                mean[o * channels + ch] = pixels[o] == 0 ? 0 : sum[o * channels + ch] / pixels[o];
            }
        }
    }

    /** Pass 2 over one block (same arguments as {@link #pass1}). */
    public void pass2(int[] labels, float[] raw, int[] start, int[] stop) {
        int c = channels;
        double[] scale = new double[c];
        for (int ch = 0; ch < c; ch++) {
            scale[ch] = BINS / (hi[ch] - lo[ch]);
        }
        int n = labels.length;
        for (int i = 0; i < n; i++) {
            int o = labels[i];
            if (o == 0) {
                continue;
            }
            int vb = o * c;
            for (int ch = 0; ch < c; ch++) {
                double v = raw[i * c + ch];
                double dv = v - mean[vb + ch];
                double d2 = dv * dv;
                m2[vb + ch] += d2;
                m3[vb + ch] += d2 * dv;
                m4[vb + ch] += d2 * d2;
                if (histograms) {
                    hist[(vb + ch) * BINS + bin(v, ch, scale[ch])]++;
                }
            }
        }
    }

    private int bin(double v, int ch, double scale) {
        double m = scale * (v - lo[ch]);
        if (!(m >= 0)) {
            return 0; // NaN scale (all object pixels equal): everything in bin 0
        }
        return (int) Math.min(Math.floor(m), BINS - 1);
    }

    /** Object {@code o}'s bounding box start {@code {z, y, x}} (inclusive). */
    public int[] boxStart(int o) {
        int b = o * dims;
        return new int[] {dims == 3 ? (int) coordMin[b + 2] : 0, (int) coordMin[b + 1], (int) coordMin[b]};
    }

    /** Object {@code o}'s bounding box stop {@code {z, y, x}} (exclusive). */
    public int[] boxStop(int o) {
        int b = o * dims;
        return new int[] {dims == 3 ? (int) coordMax[b + 2] + 1 : 1, (int) coordMax[b + 1] + 1, (int) coordMax[b] + 1};
    }

    /**
     * A feature's values, {@code (count+1)·k} row-major with row 0 = 0, or null if this class does not compute
     * {@code name} (vigra name without spaces, e.g. {@code Coord<Maximum>}; ilastik's +1 on the maximum applied).
     */
    public double[] feature(String name) {
        int c = channels;
        int d = dims;
        return switch (name) {
            case "Count" -> rows(1, (o, out, b) -> out[b] = pixels[o]);
            case "Sum" -> rows(c, (o, out, b) -> System.arraycopy(sum, o * c, out, b, c));
            case "Mean" -> rows(c, (o, out, b) -> {
                for (int ch = 0; ch < c; ch++) {
                    out[b + ch] = sum[o * c + ch] / pixels[o];
                }
            });
            case "Variance" -> rows(c, (o, out, b) -> {
                for (int ch = 0; ch < c; ch++) {
                    out[b + ch] = m2[o * c + ch] / pixels[o];
                }
            });
            case "Skewness" -> rows(c, (o, out, b) -> {
                for (int ch = 0; ch < c; ch++) {
                    out[b + ch] = Math.sqrt((double) pixels[o]) * m3[o * c + ch] / Math.pow(m2[o * c + ch], 1.5);
                }
            });
            case "Kurtosis" -> rows(c, (o, out, b) -> {
                for (int ch = 0; ch < c; ch++) {
                    double v = m2[o * c + ch];
                    out[b + ch] = pixels[o] * m4[o * c + ch] / (v * v) - 3.0;
                }
            });
            case "Minimum" -> rows(c, (o, out, b) -> System.arraycopy(min, o * c, out, b, c));
            case "Maximum" -> rows(c, (o, out, b) -> System.arraycopy(max, o * c, out, b, c));
            case "RegionCenter" -> rows(d, (o, out, b) -> {
                for (int k = 0; k < d; k++) {
                    out[b + k] = coordSum[o * d + k] / pixels[o];
                }
            });
            case "Coord<Minimum>" -> rows(d, (o, out, b) -> System.arraycopy(coordMin, o * d, out, b, d));
            case "Coord<Maximum>" -> rows(d, (o, out, b) -> {
                for (int k = 0; k < d; k++) {
                    out[b + k] = coordMax[o * d + k] + 1; // ilastik: exclusive end
                }
            });
            case "RegionRadii" -> rows(d, (o, out, b) -> principal(o, out, b, null, 0));
            case "RegionAxes" -> rows(d * d, (o, out, b) -> principal(o, null, 0, out, b));
            case "Quantiles" -> histograms ? rows(7 * c, this::quantiles) : null;
            case "Histogram" -> histograms ? rows(BINS * c, (o, out, b) -> {
                for (int k = 0; k < BINS * c; k++) {
                    out[b + k] = hist[o * c * BINS + k];
                }
            }) : null;
            default -> null;
        };
    }

    private interface Row {
        void fill(int object, double[] out, int offset);
    }

    private double[] rows(int k, Row row) {
        double[] out = new double[(count + 1) * k];
        for (int o = 1; o <= count; o++) {
            if (pixels[o] > 0) {
                row.fill(o, out, o * k);
            }
        }
        return out;
    }

    // Eigen-decomposition of the unnormalised scatter matrix (spec §5): radii = sqrt(eigenvalue / n),
    // axes = eigenvector columns written row-major.
    private void principal(int o, double[] radii, int rb, double[] axes, int ab) {
        int d = dims;
        double[][] s = new double[d][d];
        for (int r = 0; r < d; r++) {
            for (int q = 0; q < d; q++) {
                s[r][q] = scatter[o * d * d + r * d + q];
            }
        }
        double[] values = new double[d];
        double[][] vectors = new double[d][d];
        SymmetricEigen.decompose(s, values, vectors);
        for (int k = 0; k < d; k++) {
            if (radii != null) {
                radii[rb + k] = Math.sqrt(values[k] / pixels[o]);
            }
            if (axes != null) {
                for (int q = 0; q < d; q++) {
                    axes[ab + k * d + q] = vectors[k][q];
                }
            }
        }
    }

    // The 64-bin quantile estimate of spec §5 (vigra's StandardQuantiles over the global-range histogram).
    private void quantiles(int o, double[] out, int b) {
        int c = channels;
        for (int ch = 0; ch < c; ch++) {
            double scale = BINS / (hi[ch] - lo[ch]);
            double offset = lo[ch];
            double mn = min[o * c + ch];
            double mx = max[o * c + ch];
            double n = pixels[o];
            double[] kp = new double[BINS * 2 + 2];
            double[] ch2 = new double[BINS * 2 + 2];
            int len = 0;
            kp[len] = scale * (mn - offset);
            ch2[len++] = 0;
            int hb = (o * c + ch) * BINS;
            for (int bin = 0; bin < BINS; bin++) {
                int h = hist[hb + bin];
                if (h > 0) {
                    if (kp[len - 1] <= bin) {
                        kp[len] = bin;
                        ch2[len] = ch2[len - 1];
                        len++;
                    }
                    kp[len] = bin + 1;
                    ch2[len] = ch2[len - 1] + h;
                    len++;
                }
            }
            double mxm = scale * (mx - offset);
            if (kp[len - 1] < mxm) {
                kp[len] = mxm;
                ch2[len++] = n;
            } else {
                kp[len - 1] = mxm;
                ch2[len - 1] = n;
            }
            int point = 0;
            for (int q = 0; q < QUANTILES.length; q++) {
                double value;
                if (q == 0) {
                    value = mn;
                } else if (q == QUANTILES.length - 1) {
                    value = mx;
                } else {
                    double want = n * QUANTILES[q];
                    while (point + 1 < len - 1 && !(ch2[point] < want && want <= ch2[point + 1])) {
                        point++;
                    }
                    double t = (want - ch2[point]) / (ch2[point + 1] - ch2[point]);
                    double u = kp[point] + t * (kp[point + 1] - kp[point]);
                    value = u / scale + offset;
                }
                // layout: channel-major, 7 quantiles per channel
                out[b + ch * QUANTILES.length + q] = value;
            }
        }
    }
}
