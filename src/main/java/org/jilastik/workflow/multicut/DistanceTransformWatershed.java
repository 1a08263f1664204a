package org.jilastik.workflow.multicut;

import org.jilastik.features.Convolution;
import org.jilastik.features.Frame;
import org.jilastik.features.Kernel1D;
import org.jilastik.workflow.objects.DistanceTransform;

/**
 * elf 0.8.1's {@code distance_transform_watershed} on one block (spec multicut §2.3 a–h), as ilastik runs it:
 * threshold, Euclidean distance transform of the background to the boundary, Gaussian smoothing (fastfilters
 * kernel of radius ceil(3σ), x then y then z pass, mirrored at the block's own borders), seeds = local maxima
 * (8-neighbourhood in 2-D, 6 in 3-D, plateaus allowed, border allowed), height map
 * {@code α·gauss(input) + (1−α)·(1 − (dt − min)/max)} in float32, seeded region growing with the "label at
 * push" rule, then removal of regions smaller than MinSize and regrowing.
 *
 * <p>Data: flat C-order {@code [z][y][x]} float32 arrays of the block (z = 1 in 2-D); the result is a new int
 * array of region ids (1.., with gaps after the size filter). Stateless, thread safe.
 */
public final class DistanceTransformWatershed {
    private DistanceTransformWatershed() {
    }

    /**
     * Computes the watershed of one block.
     *
     * @param input watershed input (summed boundary channels) of the block, not modified
     * @param shape block extents {z, y, x}
     * @param is3d  whether the image is 3-D (neighbourhoods)
     */
    public static int[] compute(float[] input, int[] shape, boolean is3d, WatershedSettings s) {
        int n = input.length;
        int[] fg = new int[n];
        boolean anyBoundary = false;
        for (int i = 0; i < n; i++) {
            if (input[i] > s.threshold()) {
                fg[i] = 1;
                anyBoundary = true;
            }
        }
        double[] pitch = {1, 1, 1};
        double[] given = s.pitch();
        for (int k = 0; k < given.length; k++) {
            pitch[3 - given.length + k] = given[k];
        }
        float[] dt = new float[n];
        if (anyBoundary) {
            double[] sq = DistanceTransform.squaredToObject(fg, 1, shape, pitch);
            for (int i = 0; i < n; i++) {
                dt[i] = (float) Math.sqrt(sq[i]);
            }
        }
        float[] smoothDt = s.sigma() > 0 ? smooth(dt, shape, s.sigma()) : dt;
        int[] seeds = SeedMaxima.label(smoothDt, shape, is3d);
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : smoothDt) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        float a = (float) s.alpha();
        float b = (float) (1.0 - s.alpha());
        float[] g = s.sigma() > 0 ? smooth(input, shape, s.sigma()) : input;
        float[] hmap = new float[n];
        for (int i = 0; i < n; i++) {
            float dn = 1f - (smoothDt[i] - min) / max;
            hmap[i] = a * g[i] + b * dn;
        }
        Neighbourhood direct = new Neighbourhood(shape, is3d, false);
        SeededRegionGrowing.grow(hmap, seeds, direct);
        if (s.minSize() > 0) {
            int top = 0;
            for (int v : seeds) {
                top = Math.max(top, v);
            }
            int[] count = new int[top + 1];
            for (int v : seeds) {
                count[v]++;
            }
            boolean removed = false;
            for (int i = 0; i < n; i++) {
                if (count[seeds[i]] < s.minSize()) {
                    seeds[i] = 0;
                    removed = true;
                }
            }
            if (removed) {
                SeededRegionGrowing.grow(hmap, seeds, direct);
            }
        }
        return seeds;
    }

    /** fastfilters' {@code gaussianSmoothing(x, σ)} without window ratio on a whole block (radius ceil(3σ)). */
    static float[] smooth(float[] src, int[] shape, double sigma) {
        Kernel1D k = Kernel1D.gaussianWithRadius(0, sigma, (int) Math.ceil(3 * sigma));
        Frame f = new Frame(new int[3], shape, shape);
        float[] a = new float[src.length];
        Convolution.convolve(src, f, Frame.X, k, a, f);
        float[] b = new float[src.length];
        Convolution.convolve(a, f, Frame.Y, k, b, f);
        if (shape[0] == 1) {
            return b;
        }
        Convolution.convolve(b, f, Frame.Z, k, a, f);
        return a;
    }
}
