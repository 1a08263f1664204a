package org.jilastik.features;

/**
 * Which implementation the 3-D eigenvalue solvers (structure tensor and Hessian of Gaussian eigenvalues) use: the
 * Vector API lanes or the scalar lanes. Both give the same bits; they differ in cost. Warm, the vector lanes are
 * twelve times faster (10 ms instead of 120 ms per 2 M voxels); cold, they run through the Vector API's boxed Java
 * fallback until C2 has compiled them (the first 2 M voxels take 1.2 s), and C2 compiles them late in a short run,
 * on the cores the workers need. Whole command-line runs with ilastik's full 3-D feature set on 2 threads of the
 * 2-core development machine (session 6), scalar against vector lanes: 128³ 2.85–3.10 s against 3.88–4.51 s,
 * 160³ 4.8–5.2 against 5.6–6.1 s, 200³ 8.0–8.8 against 8.1–8.7 s, 256³ 13.4–14.0 against 12.1–12.3 s. The
 * break-even lies near 8 M voxels. (Session 5 measured it near 30 M, before the vector lanes were split into
 * stages that C2 compiles completely, see {@link VectorFastfiltersEigen3}.)
 *
 * <p>The default is the vector lanes (what a long run or a benchmark wants); a command-line run calls
 * {@link #chooseFor(long)} with the number of voxels it will compute. {@code -Djilastik.vectorEigen=true|false}
 * overrides both. Thread safe: one volatile flag, set before the features are computed.
 */
public final class EigenvalueLanes {
    /** Runs computing fewer voxels than this use the scalar lanes (see the class comment). */
    public static final long VECTOR_FROM_VOXELS = 8L << 20;

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
