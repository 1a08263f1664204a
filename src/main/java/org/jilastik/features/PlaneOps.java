package org.jilastik.features;

/**
 * Element-wise float32 arithmetic on whole planes, in exactly the order of operations the features need (no fused
 * multiply-add: fastfilters rounds these products and sums separately).
 *
 * <p>Why separate methods: each loop runs a few times per block over millions of elements. Inside a large
 * orchestration method such loops get the whole method compiled on-stack (once per loop), which on a two-core
 * machine costs more than the loops themselves; as small methods they are compiled once, cheaply. Stateless.
 */
final class PlaneOps {
    private PlaneOps() {
    }

    /** {@code dst[i] = a[i] + b[i]} for {@code i < n}. */
    static void sum(float[] a, float[] b, float[] dst, int n) {
        for (int i = 0; i < n; i++) {
            dst[i] = a[i] + b[i];
        }
    }

    /** {@code dst[i] += a[i]} for {@code i < n}. */
    static void add(float[] dst, float[] a, int n) {
        for (int i = 0; i < n; i++) {
            dst[i] += a[i];
        }
    }

    /** {@code dst[i] = a[i]·a[i] + b[i]·b[i]} for {@code i < n}. */
    static void sumOfSquares(float[] a, float[] b, float[] dst, int n) {
        for (int i = 0; i < n; i++) {
            dst[i] = a[i] * a[i] + b[i] * b[i];
        }
    }

    /** {@code dst[i] += a[i]·a[i]} for {@code i < n}. */
    static void addSquare(float[] dst, float[] a, int n) {
        for (int i = 0; i < n; i++) {
            dst[i] += a[i] * a[i];
        }
    }

    /** {@code dst[i] = (float) sqrt(dst[i])} for {@code i < n} (correctly rounded, as C's sqrtf). */
    static void sqrt(float[] dst, int n) {
        for (int i = 0; i < n; i++) {
            dst[i] = (float) Math.sqrt(dst[i]);
        }
    }

    /** {@code dst[i] = a[i]·b[i]} for {@code i < n}. */
    static void product(float[] a, float[] b, float[] dst, int n) {
        for (int i = 0; i < n; i++) {
            dst[i] = a[i] * b[i];
        }
    }

    /** {@code b[i] = a[i] − b[i]} for {@code i < n}. */
    static void subtractFrom(float[] a, float[] b, int n) {
        for (int i = 0; i < n; i++) {
            b[i] = a[i] - b[i];
        }
    }
}
