package org.jilastik.features;

import static org.jilastik.features.FastfiltersEigen3.INV3;
import static org.jilastik.features.FastfiltersEigen3.ROOT3;
import static org.jilastik.features.FastfiltersEigen3.atan2;
import static org.jilastik.features.FastfiltersEigen3.cos;
import static org.jilastik.features.FastfiltersEigen3.max;
import static org.jilastik.features.FastfiltersEigen3.min;
import static org.jilastik.features.FastfiltersEigen3.sin;

/**
 * Test oracle: fastfilters' 3-D eigenvalue vector code for one lane, written pixel by pixel in the order of its
 * source, against which the staged scalar lanes ({@link FastfiltersEigen3#staged}) and the Vector API lanes
 * ({@link VectorFastfiltersEigen3}) are checked bit for bit.
 */
final class FastfiltersEigen3Lane {
    private FastfiltersEigen3Lane() {
    }

    /** One SIMD lane of fastfilters' vector eigenvalue code, one pixel at a time, step by step. */
    static void lane(float a00, float a01, float a02, float a11, float a12, float a22, float[] l0, float[] l1,
                     float[] l2, int i) {
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
        float c0 = a00 * a11 * a22 + 2f * a01 * a02 * a12 - a00 * a12 * a12 - a11 * a02 * a02 - a22 * a01 * a01;
        float c1 = a00 * a11 - a01 * a01 + a00 * a22 - a02 * a02 + a11 * a22 - a12 * a12;
        float c2 = a00 + a11 + a22;
        float c2Div3 = c2 * INV3;
        float aDiv3 = min((c1 - c2 * c2Div3) * INV3, 0f);
        float mbDiv2 = 0.5f * (c0 + c2Div3 * (2f * c2Div3 * c2Div3 - c1));
        float q = min(mbDiv2 * mbDiv2 + aDiv3 * aDiv3 * aDiv3, 0f);
        float magnitude = (float) Math.sqrt(-aDiv3);
        float angle = atan2((float) Math.sqrt(-q), mbDiv2) * INV3;
        float sn = sin(angle);
        float cs = cos(angle);
        float r0 = c2Div3 + 2f * magnitude * cs;
        float r1 = c2Div3 - magnitude * (cs + ROOT3 * sn);
        float r2 = c2Div3 - magnitude * (cs - ROOT3 * sn);
        float t0 = min(r0, r1);
        float t1 = max(r0, r1);
        float s0 = min(t0, r2);
        float t2 = max(t0, r2);
        float s1 = min(t1, t2);
        float s2 = max(t1, t2);
        l2[i] = s0 * m;
        l1[i] = s1 * m;
        l0[i] = s2 * m;
    }

}
