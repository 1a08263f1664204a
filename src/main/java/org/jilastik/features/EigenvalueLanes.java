package org.jilastik.features;

/**
 * Which implementation the 3-D eigenvalue solvers (structure tensor and Hessian of Gaussian eigenvalues) use: the
 * Vector API lanes or the scalar lanes. Both give the same bits; they differ in cost. Warm, the vector lanes are
 * much faster (128³, 61 channels, one thread: 1.27 s of features instead of 2.23 s); cold, they run through the
 * Vector API's non-intrinsified fallback until C2 has compiled them, which costs a whole 128³ run about 1.2 s. So a
 * run that computes few 3-D voxels is faster with the scalar lanes and a large one with the vector lanes; the
 * break-even on the development machine is about 2.5 M voxels for ilastik's full feature set.
 *
 * <p>The default is the vector lanes (what a long run or a benchmark wants); a command-line run calls
 * {@link #chooseFor(long)} with the number of voxels it will compute. {@code -Djilastik.vectorEigen=true|false}
 * overrides both. Thread safe: one volatile flag, set before the features are computed.
 */
public final class EigenvalueLanes {
    /** Runs computing fewer voxels than this use the scalar lanes (see the class comment). */
    public static final long VECTOR_FROM_VOXELS = 4_000_000L;

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
