package org.jilastik.features;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API version of {@link FastfiltersEigen3#staged}: the same float32 operations per pixel, several pixels per
 * instruction, so results are bit-identical (minimum and maximum are written as compare-and-select with the
 * MINPS/MAXPS operand rule, not {@code lanewise(MIN)}, whose signed-zero rule differs). Only loaded when the
 * {@code jdk.incubator.vector} module is present. Stateless and thread safe.
 */
final class VectorFastfiltersEigen3 {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED;

    private VectorFastfiltersEigen3() {
    }

    private static FloatVector min(FloatVector a, FloatVector b) {
        return b.blend(a, a.compare(VectorOperators.LT, b));
    }

    private static FloatVector max(FloatVector a, FloatVector b) {
        return b.blend(a, a.compare(VectorOperators.GT, b));
    }

    private static FloatVector xorBits(FloatVector v, IntVector bits) {
        return v.reinterpretAsInts().lanewise(VectorOperators.XOR, bits).reinterpretAsFloats();
    }

    /** Computes pixels {@code 0..k-1} for the largest whole number k of vectors ≤ n and returns k. */
    static int symmetric3(float[] xx, float[] xy, float[] xz, float[] yy, float[] yz, float[] zz, int n,
                          float[] l0, float[] l1, float[] l2) {
        if (I.length() != S.length()) {
            return 0;
        }
        int upper = S.loopBound(n);
        FloatVector zero = FloatVector.zero(S);
        for (int i = 0; i < upper; i += S.length()) {
            FloatVector a00 = FloatVector.fromArray(S, zz, i);
            FloatVector a01 = FloatVector.fromArray(S, yz, i);
            FloatVector a02 = FloatVector.fromArray(S, xz, i);
            FloatVector a11 = FloatVector.fromArray(S, yy, i);
            FloatVector a12 = FloatVector.fromArray(S, xy, i);
            FloatVector a22 = FloatVector.fromArray(S, xx, i);
            FloatVector m = max(max(max(a00.abs(), a01.abs()), max(a02.abs(), a11.abs())), max(a12.abs(), a22.abs()));
            m = m.blend(1f, m.compare(VectorOperators.EQ, 0f));
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
            FloatVector aDiv3 = min(c1.sub(c2.mul(c2Div3)).mul(FastfiltersEigen3.INV3), zero);
            FloatVector mbDiv2 = c0.add(c2Div3.mul(c2Div3.mul(2f).mul(c2Div3).sub(c1))).mul(0.5f);
            FloatVector q = min(mbDiv2.mul(mbDiv2).add(aDiv3.mul(aDiv3).mul(aDiv3)), zero);
            FloatVector magnitude = aDiv3.neg().sqrt();
            FloatVector angle = atan2(q.neg().sqrt(), mbDiv2).mul(FastfiltersEigen3.INV3);
            // sincos
            IntVector signSin = angle.reinterpretAsInts().lanewise(VectorOperators.AND, 0x80000000);
            FloatVector x = angle.abs();
            IntVector j = x.mul(FastfiltersEigen3.FOPI).convert(VectorOperators.F2I, 0).reinterpretAsInts();
            j = j.add(1).lanewise(VectorOperators.AND, ~1);
            FloatVector y = j.convert(VectorOperators.I2F, 0).reinterpretAsFloats();
            signSin = signSin.lanewise(VectorOperators.XOR,
                    j.lanewise(VectorOperators.AND, 4).lanewise(VectorOperators.LSHL, 29));
            VectorMask<Float> poly = j.lanewise(VectorOperators.AND, 2).compare(VectorOperators.EQ, 0).cast(S);
            x = x.add(y.mul(FastfiltersEigen3.DP1)).add(y.mul(FastfiltersEigen3.DP2))
                    .add(y.mul(FastfiltersEigen3.DP3));
            IntVector signCos = j.sub(2).not().lanewise(VectorOperators.AND, 4).lanewise(VectorOperators.LSHL, 29);
            FloatVector z = x.mul(x);
            FloatVector c = z.mul(FastfiltersEigen3.COS_P0).add(FastfiltersEigen3.COS_P1).mul(z)
                    .add(FastfiltersEigen3.COS_P2).mul(z).mul(z).sub(z.mul(0.5f)).add(1f);
            FloatVector s = z.mul(FastfiltersEigen3.SIN_P0).add(FastfiltersEigen3.SIN_P1).mul(z)
                    .add(FastfiltersEigen3.SIN_P2).mul(z).mul(x).add(x);
            FloatVector ysin2 = zero.blend(s, poly);
            FloatVector ysin1 = c.blend(zero, poly);
            FloatVector sn = xorBits(ysin1.add(ysin2), signSin);
            FloatVector cs = xorBits(c.sub(ysin1).add(s.sub(ysin2)), signCos);
            FloatVector r0 = c2Div3.add(magnitude.mul(2f).mul(cs));
            FloatVector r1 = c2Div3.sub(magnitude.mul(cs.add(sn.mul(FastfiltersEigen3.ROOT3))));
            FloatVector r2 = c2Div3.sub(magnitude.mul(cs.sub(sn.mul(FastfiltersEigen3.ROOT3))));
            FloatVector t0 = min(r0, r1);
            FloatVector t1 = max(r0, r1);
            FloatVector s0 = min(t0, r2);
            FloatVector t2 = max(t0, r2);
            min(t1, t2).mul(m).intoArray(l1, i);
            max(t1, t2).mul(m).intoArray(l0, i);
            s0.mul(m).intoArray(l2, i);
        }
        return upper;
    }

    private static FloatVector atan2(FloatVector y, FloatVector x) {
        IntVector signX = x.reinterpretAsInts().lanewise(VectorOperators.AND, 0x80000000);
        IntVector signY = y.reinterpretAsInts().lanewise(VectorOperators.AND, 0x80000000);
        VectorMask<Float> negX = signX.compare(VectorOperators.NE, 0).cast(S);
        x = x.abs();
        y = y.abs();
        FloatVector zero = FloatVector.zero(S);
        FloatVector q = zero.blend(-2f, negX);
        VectorMask<Float> swap = y.compare(VectorOperators.GT, x);
        FloatVector x0 = x;
        x = x.blend(y, swap);
        y = y.blend(x0.neg(), swap);
        q = q.add(zero.blend(1f, swap));
        FloatVector s = y.div(x);
        FloatVector t = s.mul(s);
        FloatVector u = FloatVector.broadcast(S, FastfiltersEigen3.ATAN[0]);
        for (int k = 1; k < FastfiltersEigen3.ATAN.length; k++) {
            u = t.mul(u).add(FastfiltersEigen3.ATAN[k]);
        }
        t = t.mul(s).mul(u).add(s);
        t = q.mul(FastfiltersEigen3.PI_2).add(t);
        t = xorBits(t, signX);
        t = t.blend(FastfiltersEigen3.PI_2, x.compare(VectorOperators.EQ, 0f));
        FloatVector xres = zero.blend(FastfiltersEigen3.PI, negX);
        t = t.blend(xres, y.compare(VectorOperators.EQ, 0f));
        return xorBits(t, signY);
    }
}
