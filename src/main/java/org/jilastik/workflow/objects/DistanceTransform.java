package org.jilastik.workflow.objects;

/**
 * Exact squared Euclidean distance transform (separable lower-envelope algorithm of Felzenszwalb and
 * Huttenlocher) with a pixel pitch per axis. Stateless, thread safe.
 */
public final class DistanceTransform {
    private DistanceTransform() {
    }

    /**
     * Squared distance of every pixel of a {@code [z][y][x]} cut-out to the nearest pixel whose label is
     * {@code object} (0 on the object; +inf everywhere if the object is absent).
     *
     * @param pitch pixel spacing per axis {@code {z, y, x}}
     */
    public static double[] squaredToObject(int[] labels, int object, int[] shape, double[] pitch) {
        int n = labels.length;
        double[] f = new double[n];
        for (int i = 0; i < n; i++) {
            f[i] = labels[i] == object ? 0 : Double.POSITIVE_INFINITY;
        }
        int nz = shape[0];
        int ny = shape[1];
        int nx = shape[2];
        int max = Math.max(nz, Math.max(ny, nx));
        double[] line = new double[max];
        double[] res = new double[max];
        int[] v = new int[max];
        double[] zk = new double[max + 1];
        // x lines
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                int base = (z * ny + y) * nx;
                pass(f, base, 1, nx, pitch[2] * pitch[2], line, res, v, zk);
            }
        }
        for (int z = 0; z < nz; z++) {
            for (int x = 0; x < nx; x++) {
                pass(f, z * ny * nx + x, nx, ny, pitch[1] * pitch[1], line, res, v, zk);
            }
        }
        if (nz > 1) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    pass(f, y * nx + x, ny * nx, nz, pitch[0] * pitch[0], line, res, v, zk);
                }
            }
        }
        return f;
    }

    // one 1-D pass: res[q] = min_p (w·(q−p)² + line[p])
    private static void pass(double[] f, int base, int stride, int len, double w, double[] line, double[] res,
            int[] v, double[] zk) {
        for (int i = 0; i < len; i++) {
            line[i] = f[base + i * stride];
        }
        int k = -1;
        for (int q = 0; q < len; q++) {
            if (line[q] == Double.POSITIVE_INFINITY) {
                continue;
            }
            double s = Double.NEGATIVE_INFINITY;
            while (k >= 0) {
                int p = v[k];
                s = ((line[q] + w * q * q) - (line[p] + w * p * p)) / (2 * w * (q - p));
                if (s <= zk[k]) {
                    k--;
                } else {
                    break;
                }
            }
            k++;
            v[k] = q;
            zk[k] = k == 0 ? Double.NEGATIVE_INFINITY : s;
            zk[k + 1] = Double.POSITIVE_INFINITY;
        }
        if (k < 0) {
            return; // no finite value on this line
        }
        int j = 0;
        for (int q = 0; q < len; q++) {
            while (zk[j + 1] < q) {
                j++;
            }
            double d = q - v[j];
            res[q] = w * d * d + line[v[j]];
        }
        for (int i = 0; i < len; i++) {
            f[base + i * stride] = res[i];
        }
    }
}
