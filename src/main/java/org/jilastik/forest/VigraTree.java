package org.jilastik.forest;

/**
 * One vigra decision tree exactly as vigra stores it ({@code Tree_NN/topology}, {@code Tree_NN/parameters}).
 *
 * <p>Encoding (spec pixel-classification §4.3): {@code topology[0]} = feature count, {@code topology[1]} = class
 * count, the root node starts at topology index {@value #ROOT}. A node at topology index n has type
 * {@code topology[n]} and parameter address p = {@code topology[n+1]}; a threshold split ({@value #THRESHOLD_SPLIT})
 * has left child {@code topology[n+2]}, right child {@code topology[n+3]}, feature column {@code topology[n+4]} and
 * threshold {@code parameters[p+1]}; a leaf ({@link #CONSTANT_LEAF}) has weight {@code parameters[p]} and class
 * probabilities {@code parameters[p+1 .. p+K]}.
 *
 * <p>Plain data: the arrays are owned by this record and must not be modified. Thread safe when not modified.
 *
 * @param topology   vigra's int32 topology array
 * @param parameters vigra's float64 parameter array
 */
public record VigraTree(int[] topology, double[] parameters) {
    /** Topology index of the root node. */
    public static final int ROOT = 2;
    /** Node type id of an axis-parallel threshold split. */
    public static final int THRESHOLD_SPLIT = 0;
    /** Node type id of a leaf with constant class probabilities (vigra {@code e_ConstProbNode}). */
    public static final int CONSTANT_LEAF = 0x40000000;

    /** Whether {@code other} holds exactly the same arrays' contents. */
    public boolean sameAs(VigraTree other) {
        return java.util.Arrays.equals(topology, other.topology)
                && java.util.Arrays.equals(parameters, other.parameters);
    }
}
