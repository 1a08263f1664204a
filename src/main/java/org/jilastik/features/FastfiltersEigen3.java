package org.jilastik.features;

/**
 * Eigenvalues of symmetric 3×3 matrices exactly as fastfilters (ilastik's filter library, AVX2 build) computes
 * them, so that 3-D Hessian and structure tensor eigenvalues are bit-identical to ilastik's.
 *
 * <p>fastfilters uses Eberly's closed form in float32 after dividing every entry by the largest magnitude,
 * with its own float32 {@code atan2} (a degree-8 odd polynomial after reduction to [0, 1]) and Cephes-style
 * {@code sincos}. Its inputs are passed as {@code (a00, a01, a02, a11, a12, a22) = (zz, yz, xz, yy, xy, xx)}. The
 * operation order of every step below is fastfilters' one; float ops round exactly as the SIMD lanes do (no fused
 * multiply-add: the library file is compiled without FMA). Pixels whose flat index in fastfilters' array is beyond
 * the last whole vector of 8 take fastfilters' scalar tail code, which evaluates several steps in double and uses
 * libm's {@code atan2}, {@code sin} and {@code cos}: see {@link #tail}.
 *
 * <p>Stateless and thread safe.
 */
final class FastfiltersEigen3 {
    static final float INV3 = (float) (1.0 / 3.0);
    static final float ROOT3 = (float) Math.sqrt(3.0);
    static final float PI = (float) Math.PI;
    static final float PI_2 = (float) (Math.PI / 2.0);
    static final float[] ATAN = {0.00282363896258175373077393f, -0.0159569028764963150024414f,
        0.0425049886107444763183594f, -0.0748900920152664184570312f, 0.106347933411598205566406f,
        -0.142027363181114196777344f, 0.199926957488059997558594f, -0.333331018686294555664062f};
    static final float FOPI = (float) 1.27323954473516;
    static final float DP1 = (float) -0.78515625;
    static final float DP2 = (float) -2.4187564849853515625e-4;
    static final float DP3 = (float) -3.77489497744594108e-8;
    static final float SIN_P0 = (float) -1.9515295891E-4;
    static final float SIN_P1 = (float) 8.3321608736E-3;
    static final float SIN_P2 = (float) -1.6666654611E-1;
    static final float COS_P0 = (float) 2.443315711809948E-005;
    static final float COS_P1 = (float) -1.388731625493765E-003;
    static final float COS_P2 = (float) 4.166664568298827E-002;

    private FastfiltersEigen3() {
    }

    /**
     * Per pixel i < n, the eigenvalues of [[xx,xy,xz],[xy,yy,yz],[xz,yz,zz]] by fastfilters' vector code, written
     * descending to {@code l0[i] ≥ l1[i] ≥ l2[i]}.
     */
    static void symmetric3(float[] xx, float[] xy, float[] xz, float[] yy, float[] yz, float[] zz, int n,
                           float[] l0, float[] l1, float[] l2) {
        int from = EigenvalueLanes.vector() ? VectorFastfiltersEigen3.symmetric3(xx, xy, xz, yy, yz, zz, n, l0, l1, l2) : 0;
        staged(xx, xy, xz, yy, yz, zz, from, n, l0, l1, l2);
    }

    /** Pixels per run of {@link #staged} and of the vector lanes: a run's stage array (6 KB) stays in L1. */
    static final int STAGE = 256;

    /**
     * One SIMD lane of fastfilters' vector eigenvalue code for each pixel of {@code [from, to)}: per pixel, the
     * operations of its vector code in its order (so the same bits; the one-pixel-at-a-time form of the same steps
     * is the test oracle {@code FastfiltersEigen3Lane}), reorganised for throughput: one pixel's solve is a chain
     * of ~250 dependent operations (divisions, square roots, the atan2 and sincos polynomials), longer than the
     * out-of-order window, so pixel by pixel the core waits on latencies. Here each stage is a short loop over a run of {@link #STAGE} pixels whose iterations are
     * independent, so consecutive pixels overlap (and C2 can vectorise the branch-free stages).
     */
    static void staged(float[] xx, float[] xy, float[] xz, float[] yy, float[] yz, float[] zz, int from, int to,
                       float[] l0, float[] l1, float[] l2) {
        float[] stage = new float[6 * STAGE];
        for (int base = from; base < to; base += STAGE) {
            stagedRun(xx, xy, xz, yy, yz, zz, base, Math.min(STAGE, to - base), l0, l1, l2, stage);
        }
    }

    /*
     * One run of at most STAGE pixels from `base`. A method of its own so that the JIT compiles it as a whole after
     * a few calls, with profiles in which every loop has also exited: a long loop compiled on stack (OSR) inside
     * one call has never seen its exit, so C2 compiles the exit as an uncommon trap, and leaving the loop throws
     * the compiled code away (in a 128^3 run five times, each time falling back to the interpreter).
     * `stage` holds six runs of STAGE floats: scale m, c2/3, magnitude, atan2's y and x, angle.
     */
    private static void stagedRun(float[] xx, float[] xy, float[] xz, float[] yy, float[] yz, float[] zz, int base,
                                  int len, float[] l0, float[] l1, float[] l2, float[] stage) {
        final int sm = 0;
        final int c2d3 = STAGE;
        final int mag = 2 * STAGE;
        final int ay = 3 * STAGE;
        final int ax = 4 * STAGE;
        final int ang = 5 * STAGE;
        for (int k = 0; k < len; k++) {
            int i = base + k;
            // fastfilters' argument order: (a00, a01, a02, a11, a12, a22) = (zz, yz, xz, yy, xy, xx)
            float a00 = zz[i];
            float a01 = yz[i];
            float a02 = xz[i];
            float a11 = yy[i];
            float a12 = xy[i];
            float a22 = xx[i];
            float m = max(max(max(Math.abs(a00), Math.abs(a01)), max(Math.abs(a02), Math.abs(a11))),
                    max(Math.abs(a12), Math.abs(a22)));
            if (m == 0f) {
                m = 1f;
            }
            a00 /= m;
            a01 /= m;
            a02 /= m;
            a11 /= m;
            a12 /= m;
            a22 /= m;
            float c0 = a00 * a11 * a22 + 2f * a01 * a02 * a12 - a00 * a12 * a12 - a11 * a02 * a02
                    - a22 * a01 * a01;
            float c1 = a00 * a11 - a01 * a01 + a00 * a22 - a02 * a02 + a11 * a22 - a12 * a12;
            float c2 = a00 + a11 + a22;
            float c2Div3 = c2 * INV3;
            float aDiv3 = min((c1 - c2 * c2Div3) * INV3, 0f);
            float mbDiv2 = 0.5f * (c0 + c2Div3 * (2f * c2Div3 * c2Div3 - c1));
            float q = min(mbDiv2 * mbDiv2 + aDiv3 * aDiv3 * aDiv3, 0f);
            stage[sm + k] = m;
            stage[c2d3 + k] = c2Div3;
            stage[mag + k] = (float) Math.sqrt(-aDiv3);
            stage[ay + k] = (float) Math.sqrt(-q);
            stage[ax + k] = mbDiv2;
        }
        for (int k = 0; k < len; k++) {
            stage[ang + k] = atan2(stage[ay + k], stage[ax + k]) * INV3;
        }
        for (int k = 0; k < len; k++) {
            float angle = stage[ang + k];
            float sn = sin(angle);
            float cs = cos(angle);
            float c2Div3 = stage[c2d3 + k];
            float magnitude = stage[mag + k];
            float r0 = c2Div3 + 2f * magnitude * cs;
            float r1 = c2Div3 - magnitude * (cs + ROOT3 * sn);
            float r2 = c2Div3 - magnitude * (cs - ROOT3 * sn);
            float t0 = min(r0, r1);
            float t1 = max(r0, r1);
            float s0 = min(t0, r2);
            float t2 = max(t0, r2);
            float s1 = min(t1, t2);
            float s2 = max(t1, t2);
            float m = stage[sm + k];
            int i = base + k;
            l2[i] = s0 * m;
            l1[i] = s1 * m;
            l0[i] = s2 * m;
        }
    }

    /** MINPS / MAXPS semantics: the second operand unless the first is strictly smaller / larger. */
    static float min(float a, float b) {
        return a < b ? a : b;
    }

    static float max(float a, float b) {
        return a > b ? a : b;
    }

    /** fastfilters' {@code atan2_256_ps} for one lane (polynomial steps as multiply then add). */
    static float atan2(float y, float x) {
        boolean negX = (Float.floatToRawIntBits(x) & 0x80000000) != 0;
        int signY = Float.floatToRawIntBits(y) & 0x80000000;
        x = Math.abs(x);
        y = Math.abs(y);
        float q = negX ? -2f : 0f;
        if (y > x) {
            float x0 = x;
            x = y;
            y = -x0;
            q += 1f;
        }
        float s = y / x;
        float t = s * s;
        float u = ATAN[0];
        for (int k = 1; k < ATAN.length; k++) {
            u = t * u + ATAN[k];
        }
        t = t * s * u + s;
        t = q * PI_2 + t;
        if (negX) {
            t = -t;
        }
        if (x == 0f) {
            t = PI_2;
        }
        if (y == 0f) {
            t = negX ? PI : 0f;
        }
        return Float.intBitsToFloat(Float.floatToRawIntBits(t) ^ signY);
    }

    /** The sine half of {@link #sincos} (same operations, no allocation). */
    static float sin(float x) {
        int signSin = Float.floatToRawIntBits(x) & 0x80000000;
        x = Math.abs(x);
        int j = ((int) (x * FOPI) + 1) & ~1;
        float y = j;
        signSin ^= (j & 4) << 29;
        x = x + y * DP1;
        x = x + y * DP2;
        x = x + y * DP3;
        float z = x * x;
        float v;
        if ((j & 2) == 0) {
            float s = ((SIN_P0 * z + SIN_P1) * z + SIN_P2) * z * x + x;
            v = 0f + s;
        } else {
            float c = (((COS_P0 * z + COS_P1) * z + COS_P2) * z * z - z * 0.5f) + 1f;
            v = c + 0f;
        }
        return Float.intBitsToFloat(Float.floatToRawIntBits(v) ^ signSin);
    }

    /** The cosine half of {@link #sincos} (same operations, no allocation). */
    static float cos(float x) {
        x = Math.abs(x);
        int j = ((int) (x * FOPI) + 1) & ~1;
        float y = j;
        int signCos = (~(j - 2) & 4) << 29;
        x = x + y * DP1;
        x = x + y * DP2;
        x = x + y * DP3;
        float z = x * x;
        float v;
        if ((j & 2) == 0) {
            float c = (((COS_P0 * z + COS_P1) * z + COS_P2) * z * z - z * 0.5f) + 1f;
            float s = ((SIN_P0 * z + SIN_P1) * z + SIN_P2) * z * x + x;
            v = c + (s - s);
        } else {
            float s = ((SIN_P0 * z + SIN_P1) * z + SIN_P2) * z * x + x;
            v = 0f + s;
        }
        return Float.intBitsToFloat(Float.floatToRawIntBits(v) ^ signCos);
    }

    /** fastfilters' (Cephes / Pommier) {@code sincos256_ps} for one lane: {sin, cos}. */
    static float[] sincos(float x) {
        int signSin = Float.floatToRawIntBits(x) & 0x80000000;
        x = Math.abs(x);
        float y = x * FOPI;
        int j = (int) y;
        j = (j + 1) & ~1;
        y = j;
        int swapSin = (j & 4) << 29;
        boolean polyMask = (j & 2) == 0;
        x = x + y * DP1;
        x = x + y * DP2;
        x = x + y * DP3;
        int signCos = (~(j - 2) & 4) << 29;
        signSin ^= swapSin;
        float z = x * x;
        float c = COS_P0;
        c = c * z + COS_P1;
        c = c * z + COS_P2;
        c = c * z;
        c = c * z;
        c = c - z * 0.5f;
        c = c + 1f;
        float s = SIN_P0;
        s = s * z + SIN_P1;
        s = s * z + SIN_P2;
        s = s * z;
        s = s * x;
        s = s + x;
        float ysin2 = polyMask ? s : 0f;
        float ysin1 = polyMask ? 0f : c;
        float s2 = s - ysin2;
        float c2 = c - ysin1;
        float sinV = ysin1 + ysin2;
        float cosV = c2 + s2;
        return new float[] {Float.intBitsToFloat(Float.floatToRawIntBits(sinV) ^ signSin),
            Float.intBitsToFloat(Float.floatToRawIntBits(cosV) ^ signCos)};
    }

    /**
     * fastfilters' scalar tail for one pixel (flat index past the last whole vector of 8): float32 mostly, with
     * the steps C promotes to double ({@code 2.0 * a01 …} in c0, mbDiv2, the atan2/cos/sin arguments and r0)
     * evaluated in double; libm's atan2/sin/cos are correctly rounded in practice, as is Java's StrictMath to
     * within the float rounding that follows.
     */
    static void tail(float xx, float xy, float xz, float yy, float yz, float zz, float[] l0, float[] l1,
                     float[] l2, int i) {
        float a00 = zz;
        float a01 = yz;
        float a02 = xz;
        float a11 = yy;
        float a12 = xy;
        float a22 = xx;
        float m = cmax(cmax(cmax(Math.abs(a00), Math.abs(a01)), cmax(Math.abs(a02), Math.abs(a11))),
                cmax(Math.abs(a12), Math.abs(a22)));
        if (m == 0f) {
            l0[i] = 0f;
            l1[i] = 0f;
            l2[i] = 0f;
            return;
        }
        float inv = 1 / m;
        a00 *= inv;
        a01 *= inv;
        a02 *= inv;
        a11 *= inv;
        a12 *= inv;
        a22 *= inv;
        float c0 = (float) ((double) (a00 * a11 * a22) + 2.0 * a01 * a02 * a12 - (double) (a00 * a12 * a12)
                - (double) (a11 * a02 * a02) - (double) (a22 * a01 * a01));
        float c1 = a00 * a11 - a01 * a01 + a00 * a22 - a02 * a02 + a11 * a22 - a12 * a12;
        float c2 = a00 + a11 + a22;
        float c2Div3 = c2 * INV3;
        float aDiv3 = (c1 - c2 * c2Div3) * INV3;
        if (aDiv3 > 0f) {
            aDiv3 = 0f;
        }
        float mbDiv2 = (float) (0.5 * (c0 + c2Div3 * (2.0 * c2Div3 * c2Div3 - c1)));
        float q = mbDiv2 * mbDiv2 + aDiv3 * aDiv3 * aDiv3;
        if (q > 0f) {
            q = 0f;
        }
        float magnitude = (float) Math.sqrt(-aDiv3);
        float angle = (float) (StrictMath.atan2(Math.sqrt(-q), mbDiv2) * INV3);
        float cs = (float) StrictMath.cos(angle);
        float sn = (float) StrictMath.sin(angle);
        float r0 = (float) (c2Div3 + 2.0 * magnitude * cs);
        float r1 = c2Div3 - magnitude * (cs + ROOT3 * sn);
        float r2 = c2Div3 - magnitude * (cs - ROOT3 * sn);
        if (r0 < r1) {
            float t = r0;
            r0 = r1;
            r1 = t;
        }
        if (r0 < r2) {
            float t = r0;
            r0 = r2;
            r2 = t;
        }
        if (r1 < r2) {
            float t = r1;
            r1 = r2;
            r2 = t;
        }
        l0[i] = r0 * m;
        l1[i] = r1 * m;
        l2[i] = r2 * m;
    }

    /** fastfilters' scalar {@code max}: a if a > b, else b. */
    private static float cmax(float a, float b) {
        return a > b ? a : b;
    }
}
