package org.jilastik.workflow.counting;

/**
 * The object count of a density image, summed the way ilastik's counting operator sums it so that the CSV reads
 * digit for digit like ilastik's (spec counting §2.4): the density is taken in ilastik's internal x, y order and
 * cut into 128×128 blocks from the origin; each block, flattened x-major, is summed in float32 as NumPy sums a
 * contiguous float32 array (chunks of 8192 elements, each by NumPy's pairwise summation, the chunk sums added in
 * order), and the block sums are added in float64, blocks in x-major order. Stateless, thread safe.
 */
public final class DensityCount {
    private static final int BLOCK = 128;
    private static final int CHUNK = 8192;

    private DensityCount() {
    }

    /**
     * The count of a 2-D density stored row-major in y, x order.
     *
     * @param density {@code height * width} float32 values, {@code density[y * width + x]}
     * @param height  extent along y
     * @param width   extent along x
     * @return the count, as ilastik's float64
     */
    public static double count(float[] density, int height, int width) {
        float[] block = new float[BLOCK * BLOCK];
        double total = 0;
        for (int bx = 0; bx < width; bx += BLOCK) {
            int nx = Math.min(BLOCK, width - bx);
            for (int by = 0; by < height; by += BLOCK) {
                int ny = Math.min(BLOCK, height - by);
                int k = 0;
                for (int x = bx; x < bx + nx; x++) {
                    for (int y = by; y < by + ny; y++) {
                        block[k++] = density[y * width + x];
                    }
                }
                total += numpySum(block, k);
            }
        }
        return total;
    }

    /** {@code numpy.sum} of the first {@code n} values of a contiguous float32 array. */
    static float numpySum(float[] a, int n) {
        float s = 0f;
        for (int start = 0; start < n; start += CHUNK) {
            s += pairwise(a, start, Math.min(CHUNK, n - start));
        }
        return s;
    }

    /** NumPy's pairwise summation of {@code a[from .. from+n-1]}, every operation rounded to float32. */
    static float pairwise(float[] a, int from, int n) {
        if (n < 8) {
            float res = 0f;
            for (int i = 0; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        if (n <= 128) {
            float r0 = a[from];
            float r1 = a[from + 1];
            float r2 = a[from + 2];
            float r3 = a[from + 3];
            float r4 = a[from + 4];
            float r5 = a[from + 5];
            float r6 = a[from + 6];
            float r7 = a[from + 7];
            int i;
            for (i = 8; i < n - (n % 8); i += 8) {
                r0 += a[from + i];
                r1 += a[from + i + 1];
                r2 += a[from + i + 2];
                r3 += a[from + i + 3];
                r4 += a[from + i + 4];
                r5 += a[from + i + 5];
                r6 += a[from + i + 6];
                r7 += a[from + i + 7];
            }
            float res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        int half = (n / 2) / 8 * 8;
        return pairwise(a, from, half) + pairwise(a, from + half, n - half);
    }
}
