package org.jilastik.workflow.objects;

import java.util.Arrays;
import java.util.List;

/**
 * Labels one frame block by block into a {@link LabelStore}, with exactly the numbering of whole-frame labelling
 * ({@link ConnectedComponents}): memory is one block of values and labels plus a few ints per provisional label,
 * whatever the frame size.
 *
 * <p>Connected components: every block (raster order of the block grid) is labelled on its own; its components
 * get provisional ids {@code base + local} and their first pixel's C-order frame index is kept (a block's C-order
 * scan meets a component's pixels in increasing frame index, so the local first pixel is the earliest one in the
 * block). The block's lower faces ({@code z0}, {@code y0}, {@code x0}) are compared with the layer just before
 * them, already labelled by earlier blocks: equal non-zero values across a face join their provisional ids in a
 * union-find. Finally every merged component is numbered by the smallest first-pixel index among its parts, which
 * is the first-occurrence raster order of vigra's labelling ({@link ProvisionalComponents}), and the store is
 * rewritten block by block.
 *
 * <p>Consecutive relabelling (label-image variant): the distinct non-zero values of all blocks are gathered
 * (unsigned order), then every block is mapped to 1..N as {@link ConnectedComponents#relabelConsecutive} does.
 *
 * <p>Stateless, thread safe; the store must not be used by others meanwhile.
 */
public final class BlockwiseLabelling {
    private BlockwiseLabelling() {
    }

    /** Segmentation values of any box of the frame, flat C-order {@code [z][y][x]} (0 = background). */
    @FunctionalInterface
    public interface Values {
        /** The values of the box {@code start..stop} ({@code {z, y, x}}, stop exclusive); a new array. */
        int[] read(int[] start, int[] stop);
    }

    /** The labelling of a frame: object count and, for relabelling, the original value of each object. */
    public record Result(int count, long[] originalIds) {
    }

    /** Bytes held per pixel of a labelling block (values with a one-pixel margin, local and provisional labels). */
    static final int BYTES_PER_PIXEL = 16;

    /**
     * The labelling block shape {@code {z, y, x}} for a frame of extent {@code shape}: the largest cube (square for
     * a 2-D frame) whose intermediates fit {@code bytes}, at least 16 pixels on an edge, at most {@code maxEdge}.
     */
    public static int[] blockFor(int[] shape, long bytes, long maxEdge) {
        int dims = shape[0] > 1 ? 3 : 2;
        double pixels = Math.max(1.0, (double) bytes / BYTES_PER_PIXEL);
        long edge = (long) Math.floor(Math.pow(pixels, 1.0 / dims));
        edge = Math.min(Math.max(16, edge), maxEdge);
        int e = (int) Math.min(Integer.MAX_VALUE, edge);
        return new int[] {dims == 3 ? Math.min(e, shape[0]) : 1, Math.min(e, shape[1]), Math.min(e, shape[2])};
    }

    /**
     * Connected components of {@code values} into {@code store}, numbered as {@link ConnectedComponents#label}.
     *
     * @param block block shape {@code {z, y, x}} of the passes
     */
    public static Result connectedComponents(Values values, LabelStore store, int[] block) {
        int[] shape = store.shape();
        List<int[][]> blocks = ObjectFeatureComputer.blocks(shape, clamp(block, shape));
        ProvisionalComponents components = new ProvisionalComponents();
        for (int[][] b : blocks) {
            int[] start = b[0];
            int[] stop = b[1];
            int[] ext = new int[3];
            for (int k = 0; k < 3; k++) {
                ext[k] = Math.max(0, start[k] - 1);
            }
            int[] eshape = {stop[0] - ext[0], stop[1] - ext[1], stop[2] - ext[2]};
            int[] evalues = values.read(ext, stop);
            int[] bshape = {stop[0] - start[0], stop[1] - start[1], stop[2] - start[2]};
            int[] own = cut(evalues, eshape, new int[] {start[0] - ext[0], start[1] - ext[1], start[2] - ext[2]},
                    bshape);
            int[] prov = components.add(ConnectedComponents.label(own, bshape), start, stop, shape);
            for (int k = 0; k < 3; k++) {
                if (start[k] > 0) {
                    joinFace(k, start, stop, ext, eshape, evalues, prov, bshape, store, components);
                }
            }
            store.write(start, stop, prov);
        }
        int count = components.finish();
        for (int[][] b : blocks) {
            int[] l = store.read(b[0], b[1]);
            for (int i = 0; i < l.length; i++) {
                l[i] = components.number(l[i]);
            }
            store.write(b[0], b[1], l);
        }
        return new Result(count, null);
    }

    /**
     * Consecutive relabelling of a label image into {@code store}, as {@link ConnectedComponents#relabelConsecutive}.
     *
     * @param block block shape {@code {z, y, x}} of the passes
     */
    public static Result relabelConsecutive(Values values, LabelStore store, int[] block) {
        int[] shape = store.shape();
        List<int[][]> blocks = ObjectFeatureComputer.blocks(shape, clamp(block, shape));
        int[] keys = new int[0]; // distinct non-zero values, sign-flipped so that signed order = unsigned order
        for (int[][] b : blocks) {
            int[] v = values.read(b[0], b[1]);
            int[] s = new int[v.length];
            int n = 0;
            for (int x : v) {
                if (x != 0) {
                    s[n++] = x ^ Integer.MIN_VALUE;
                }
            }
            Arrays.sort(s, 0, n);
            keys = mergeDistinct(keys, s, n);
        }
        long[] original = new long[keys.length + 1];
        for (int k = 0; k < keys.length; k++) {
            original[k + 1] = (keys[k] ^ Integer.MIN_VALUE) & 0xffffffffL;
        }
        for (int[][] b : blocks) {
            int[] v = values.read(b[0], b[1]);
            for (int i = 0; i < v.length; i++) {
                v[i] = v[i] == 0 ? 0 : Arrays.binarySearch(keys, v[i] ^ Integer.MIN_VALUE) + 1;
            }
            store.write(b[0], b[1], v);
        }
        return new Result(keys.length, original);
    }

    // union of a sorted distinct array and a sorted array with repeats
    private static int[] mergeDistinct(int[] a, int[] s, int n) {
        int[] out = new int[a.length + n];
        int i = 0;
        int j = 0;
        int o = 0;
        while (i < a.length || j < n) {
            int v;
            if (j >= n || (i < a.length && a[i] <= s[j])) {
                v = a[i++];
            } else {
                v = s[j++];
            }
            if (o == 0 || out[o - 1] != v) {
                out[o++] = v;
            }
        }
        return Arrays.copyOf(out, o);
    }

    // Joins the block's face at its lower border along axis k with the layer before it (read from the store).
    private static void joinFace(int k, int[] start, int[] stop, int[] ext, int[] eshape, int[] evalues, int[] prov,
            int[] bshape, LabelStore store, ProvisionalComponents components) {
        int[] ls = start.clone();
        int[] le = stop.clone();
        ls[k] = start[k] - 1;
        le[k] = start[k];
        int[] before = store.read(ls, le);
        int es = k == 0 ? eshape[1] * eshape[2] : k == 1 ? eshape[2] : 1; // ext stride along k
        int i = 0;
        for (int z = ls[0]; z < le[0]; z++) {
            for (int y = ls[1]; y < le[1]; y++) {
                for (int x = ls[2]; x < le[2]; x++, i++) {
                    int e = ((z - ext[0]) * eshape[1] + (y - ext[1])) * eshape[2] + (x - ext[2]);
                    int outside = evalues[e];
                    if (outside == 0 || evalues[e + es] != outside) {
                        continue;
                    }
                    // the face pixel: coordinate k is start[k], i.e. 0 in block coordinates
                    int bz = k == 0 ? 0 : z - start[0];
                    int by = k == 1 ? 0 : y - start[1];
                    int bx = k == 2 ? 0 : x - start[2];
                    components.union(prov[(bz * bshape[1] + by) * bshape[2] + bx], before[i]);
                }
            }
        }
    }

    private static int[] cut(int[] src, int[] sshape, int[] at, int[] shape) {
        int[] out = new int[shape[0] * shape[1] * shape[2]];
        int o = 0;
        for (int z = 0; z < shape[0]; z++) {
            for (int y = 0; y < shape[1]; y++) {
                System.arraycopy(src, ((z + at[0]) * sshape[1] + y + at[1]) * sshape[2] + at[2], out, o, shape[2]);
                o += shape[2];
            }
        }
        return out;
    }

    private static int[] clamp(int[] block, int[] shape) {
        int[] out = new int[3];
        for (int k = 0; k < 3; k++) {
            out[k] = Math.max(1, Math.min(block[k], shape[k]));
        }
        return out;
    }
}
