package org.jilastik.features;

import static jdk.incubator.vector.VectorOperators.AND;
import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LT;
import static jdk.incubator.vector.VectorOperators.NE;
import static jdk.incubator.vector.VectorOperators.XOR;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API version of {@link FastfiltersEigen3#staged}: the same float32 operations per pixel, several pixels per
 * instruction, so results are bit-identical (minimum and maximum are written as compare-and-select with the
 * MINPS/MAXPS operand rule, {@code max(a, b) = b.blend(a, a > b)}, not {@code lanewise(MIN)}, whose signed-zero
 * rule differs). Only loaded when the {@code jdk.incubator.vector} module is present. Stateless and thread safe.
 *
 * <p>Why every operation is written out in the three stage methods, with no helper taking a {@code FloatVector}
 * (not even for min/max): C2 turns Vector API calls into vector instructions only where it sees the concrete vector
 * class. A helper such as {@code min(FloatVector, FloatVector)} that C2 compiles on its own (it is hot) sees the
 * abstract type, runs the API's boxed Java fallback, and its large compiled code is then no longer inlined into
 * its callers: with such helpers the fallback ({@code bTest}, {@code blendTemplate}, {@code convert0}) took a
 * quarter of the whole 3-D feature set's time (JFR, 128³, 61 channels).
 */
final class VectorFastfiltersEigen3 {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED;

    // Offsets of the stage array's six runs of FastfiltersEigen3.STAGE floats: scale m, c2/3, magnitude, atan2's y
    // and x, then the angle.
    private static final int RUN = FastfiltersEigen3.STAGE;
    private static final int SCALE = 0;
    private static final int C2_DIV_3 = RUN;
    private static final int MAGNITUDE = 2 * RUN;
    private static final int ATAN_Y = 3 * RUN;
    private static final int ATAN_X = 4 * RUN;
    private static final int ANGLE = 5 * RUN;

    private VectorFastfiltersEigen3() {
    }

    /** Voxels per vector, or 0 when the float and int vector lengths differ (then only the scalar lanes run). */
    static int length() {
        return I.length() == S.length() ? S.length() : 0;
    }

    /** Computes pixels {@code 0..k-1} for the largest whole number k of vectors ≤ n and returns k. */
    static int symmetric3(float[] xx, float[] xy, float[] xz, float[] yy, float[] yz, float[] zz, int n,
                          float[] l0, float[] l1, float[] l2) {
        if (length() == 0) {
            return 0;
        }
        int upper = S.loopBound(n);
        float[] stage = new float[6 * RUN];
        for (int base = 0; base < upper; base += RUN) {
            run(xx, xy, xz, yy, yz, zz, base, Math.min(RUN, upper - base), l0, l1, l2, stage);
        }
        return upper;
    }

    /**
     * Pixels {@code base .. base+len-1}, {@code len} a multiple of {@link #length()} and at most
     * {@link FastfiltersEigen3#STAGE}, through three methods (coefficients, angle, roots) that hand their results on
     * through {@code stage} (6 × STAGE floats, L1-resident), each small enough for C2 to compile completely.
     */
    static void run(float[] xx, float[] xy, float[] xz, float[] yy, float[] yz, float[] zz, int base, int len,
                    float[] l0, float[] l1, float[] l2, float[] stage) {
        coefficients(xx, xy, xz, yy, yz, zz, base, len, stage);
        angles(stage, len);
        roots(stage, base, len, l0, l1, l2);
    }

    // Scaling by the largest magnitude and the characteristic polynomial, up to atan2's arguments.
    private static void coefficients(float[] xx, float[] xy, float[] xz, float[] yy, float[] yz, float[] zz,
                                     int base, int len, float[] stage) {
        FloatVector zero = FloatVector.zero(S);
        for (int k = 0; k < len; k += S.length()) {
            int i = base + k;
            FloatVector a00 = FloatVector.fromArray(S, zz, i);
            FloatVector a01 = FloatVector.fromArray(S, yz, i);
            FloatVector a02 = FloatVector.fromArray(S, xz, i);
            FloatVector a11 = FloatVector.fromArray(S, yy, i);
            FloatVector a12 = FloatVector.fromArray(S, xy, i);
            FloatVector a22 = FloatVector.fromArray(S, xx, i);
            FloatVector b00 = a00.abs();
            FloatVector b01 = a01.abs();
            FloatVector b02 = a02.abs();
            FloatVector b11 = a11.abs();
            FloatVector b12 = a12.abs();
            FloatVector b22 = a22.abs();
            // m = max(max(max(b00, b01), max(b02, b11)), max(b12, b22))
            FloatVector m0 = b01.blend(b00, b00.compare(GT, b01));
            FloatVector m1 = b11.blend(b02, b02.compare(GT, b11));
            FloatVector m2 = b22.blend(b12, b12.compare(GT, b22));
            FloatVector m01 = m1.blend(m0, m0.compare(GT, m1));
            FloatVector m = m2.blend(m01, m01.compare(GT, m2));
            m = m.blend(1f, m.compare(EQ, 0f));
            a00 = a00.div(m);
            a01 = a01.div(m);
            a02 = a02.div(m);
            a11 = a11.div(m);
            a12 = a12.div(m);
            a22 = a22.div(m);
            FloatVector c0 = a00.mul(a11).mul(a22).add(a01.mul(2f).mul(a02).mul(a12)).sub(a00.mul(a12).mul(a12))
                    .sub(a11.mul(a02).mul(a02)).sub(a22.mul(a01).mul(a01));
            FloatVector c1 = a00.mul(a11).sub(a01.mul(a01)).add(a00.mul(a22)).sub(a02.mul(a02)).add(a11.mul(a22))
                    .sub(a12.mul(a12));
            FloatVector c2 = a00.add(a11).add(a22);
            FloatVector c2Div3 = c2.mul(FastfiltersEigen3.INV3);
            // aDiv3 = min(a, 0), q = min(b, 0)
            FloatVector a = c1.sub(c2.mul(c2Div3)).mul(FastfiltersEigen3.INV3);
            FloatVector aDiv3 = zero.blend(a, a.compare(LT, zero));
            FloatVector mbDiv2 = c0.add(c2Div3.mul(c2Div3.mul(2f).mul(c2Div3).sub(c1))).mul(0.5f);
            FloatVector b = mbDiv2.mul(mbDiv2).add(aDiv3.mul(aDiv3).mul(aDiv3));
            FloatVector q = zero.blend(b, b.compare(LT, zero));
            m.intoArray(stage, SCALE + k);
            c2Div3.intoArray(stage, C2_DIV_3 + k);
            aDiv3.neg().sqrt().intoArray(stage, MAGNITUDE + k);
            q.neg().sqrt().intoArray(stage, ATAN_Y + k);
            mbDiv2.intoArray(stage, ATAN_X + k);
        }
    }

    // fastfilters' atan2_256_ps of (y, x), divided by 3.
    private static void angles(float[] stage, int len) {
        FloatVector zero = FloatVector.zero(S);
        for (int k = 0; k < len; k += S.length()) {
            FloatVector y = FloatVector.fromArray(S, stage, ATAN_Y + k);
            FloatVector x = FloatVector.fromArray(S, stage, ATAN_X + k);
            IntVector signX = x.reinterpretAsInts().lanewise(AND, 0x80000000);
            IntVector signY = y.reinterpretAsInts().lanewise(AND, 0x80000000);
            VectorMask<Float> negX = signX.compare(NE, 0).cast(S);
            x = x.abs();
            y = y.abs();
            FloatVector q = zero.blend(-2f, negX);
            VectorMask<Float> swap = y.compare(GT, x);
            FloatVector x0 = x;
            x = x.blend(y, swap);
            y = y.blend(x0.neg(), swap);
            q = q.add(zero.blend(1f, swap));
            FloatVector s = y.div(x);
            FloatVector t = s.mul(s);
            FloatVector u = FloatVector.broadcast(S, FastfiltersEigen3.ATAN[0]);
            for (int p = 1; p < FastfiltersEigen3.ATAN.length; p++) {
                u = t.mul(u).add(FastfiltersEigen3.ATAN[p]);
            }
            t = t.mul(s).mul(u).add(s);
            t = q.mul(FastfiltersEigen3.PI_2).add(t);
            t = t.reinterpretAsInts().lanewise(XOR, signX).reinterpretAsFloats();
            t = t.blend(FastfiltersEigen3.PI_2, x.compare(EQ, 0f));
            FloatVector xres = zero.blend(FastfiltersEigen3.PI, negX);
            t = t.blend(xres, y.compare(EQ, 0f));
            t = t.reinterpretAsInts().lanewise(XOR, signY).reinterpretAsFloats();
            t.mul(FastfiltersEigen3.INV3).intoArray(stage, ANGLE + k);
        }
    }

    // fastfilters' sincos256_ps of the angle, the three roots, sorted and scaled back.
    private static void roots(float[] stage, int base, int len, float[] l0, float[] l1, float[] l2) {
        FloatVector zero = FloatVector.zero(S);
        for (int k = 0; k < len; k += S.length()) {
            FloatVector angle = FloatVector.fromArray(S, stage, ANGLE + k);
            IntVector signSin = angle.reinterpretAsInts().lanewise(AND, 0x80000000);
            FloatVector x = angle.abs();
            IntVector j = x.mul(FastfiltersEigen3.FOPI).convert(VectorOperators.F2I, 0).reinterpretAsInts();
            j = j.add(1).lanewise(AND, ~1);
            FloatVector y = j.convert(VectorOperators.I2F, 0).reinterpretAsFloats();
            signSin = signSin.lanewise(XOR, j.lanewise(AND, 4).lanewise(LSHL, 29));
            VectorMask<Float> poly = j.lanewise(AND, 2).compare(EQ, 0).cast(S);
            x = x.add(y.mul(FastfiltersEigen3.DP1)).add(y.mul(FastfiltersEigen3.DP2))
                    .add(y.mul(FastfiltersEigen3.DP3));
            IntVector signCos = j.sub(2).not().lanewise(AND, 4).lanewise(LSHL, 29);
            FloatVector z = x.mul(x);
            FloatVector c = z.mul(FastfiltersEigen3.COS_P0).add(FastfiltersEigen3.COS_P1).mul(z)
                    .add(FastfiltersEigen3.COS_P2).mul(z).mul(z).sub(z.mul(0.5f)).add(1f);
            FloatVector s = z.mul(FastfiltersEigen3.SIN_P0).add(FastfiltersEigen3.SIN_P1).mul(z)
                    .add(FastfiltersEigen3.SIN_P2).mul(z).mul(x).add(x);
            FloatVector ysin2 = zero.blend(s, poly);
            FloatVector ysin1 = c.blend(zero, poly);
            FloatVector sn = ysin1.add(ysin2).reinterpretAsInts().lanewise(XOR, signSin).reinterpretAsFloats();
            FloatVector cs = c.sub(ysin1).add(s.sub(ysin2)).reinterpretAsInts().lanewise(XOR, signCos)
                    .reinterpretAsFloats();
            FloatVector c2Div3 = FloatVector.fromArray(S, stage, C2_DIV_3 + k);
            FloatVector magnitude = FloatVector.fromArray(S, stage, MAGNITUDE + k);
            FloatVector r0 = c2Div3.add(magnitude.mul(2f).mul(cs));
            FloatVector r1 = c2Div3.sub(magnitude.mul(cs.add(sn.mul(FastfiltersEigen3.ROOT3))));
            FloatVector r2 = c2Div3.sub(magnitude.mul(cs.sub(sn.mul(FastfiltersEigen3.ROOT3))));
            // sorting network: t0 = min(r0, r1), t1 = max(r0, r1), s0 = min(t0, r2), t2 = max(t0, r2),
            // then min(t1, t2) and max(t1, t2)
            FloatVector t0 = r1.blend(r0, r0.compare(LT, r1));
            FloatVector t1 = r1.blend(r0, r0.compare(GT, r1));
            FloatVector s0 = r2.blend(t0, t0.compare(LT, r2));
            FloatVector t2 = r2.blend(t0, t0.compare(GT, r2));
            FloatVector s1 = t2.blend(t1, t1.compare(LT, t2));
            FloatVector s2 = t2.blend(t1, t1.compare(GT, t2));
            FloatVector m = FloatVector.fromArray(S, stage, SCALE + k);
            int i = base + k;
            s1.mul(m).intoArray(l1, i);
            s2.mul(m).intoArray(l0, i);
            s0.mul(m).intoArray(l2, i);
        }
    }
}
