package org.jilastik.features;

/**
 * Which implementation the 3-D eigenvalue solvers (structure tensor and Hessian of Gaussian eigenvalues) use: the
 * Vector API lanes or the scalar lanes. Both give the same bits; they differ in cost. Warm, the vector lanes are
 * much faster (35 ms instead of 137 ms per 2 M voxels); cold, they run through the Vector API's non-intrinsified
 * fallback (allocating as they go) until C2 has compiled them, and C2 compiles them on the cores the workers need.
 * Whole command-line runs with ilastik's full 3-D feature set on 2 threads of the 2-core development machine
 * (session 5), scalar against vector lanes: 128³ 3.0 s against 4.6–5.4 s, 160³ 5.0–5.2 against 6.2–6.4 s, 200³
 * 8.2–8.7 against 10.9–11.2 s, 256³ 14.7 against 16.2 s, 400³ 57.4 against 53.7 s. The break-even lies near 30 M
 * voxels.
 *
 * <p>The default is the vector lanes (what a long run or a benchmark wants); a command-line run calls
 * {@link #chooseFor(long)} with the number of voxels it will compute. {@code -Djilastik.vectorEigen=true|false}
 * overrides both. Thread safe: one volatile flag, set before the features are computed.
 */
public final class EigenvalueLanes {
    /** Runs computing fewer voxels than this use the scalar lanes (see the class comment). */
    public static final long VECTOR_FROM_VOXELS = 32L << 20;

    private static final String OVERRIDE = System.getProperty("jilastik.vectorEigen");
    private static volatile boolean vector = RowKernels.VECTOR && !"false".equals(OVERRIDE);

    private EigenvalueLanes() {
    }

    /** Chooses the lanes for a run that computes features on {@code voxels} voxels (all lanes together). */
    public static void chooseFor(long voxels) {
        if (OVERRIDE == null) {
            vector = RowKernels.VECTOR && voxels >= VECTOR_FROM_VOXELS;
        }
    }

    /** Whether the vector lanes are in use. */
    static boolean vector() {
        return vector;
    }
}
