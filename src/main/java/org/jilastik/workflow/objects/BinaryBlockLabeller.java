package org.jilastik.workflow.objects;

/**
 * Connected components of a binary mask fed block by block (blocks of one grid, in raster order), with the
 * union-find state kept for the caller: per provisional component its pixel count and first pixel, so that the
 * threshold step can filter components by their whole-frame size and number them as vigra does.
 *
 * <p>Every block is labelled on its own ({@link ConnectedComponents}, direct neighbours) and its components get
 * provisional ids {@code base + local}, written to the {@link LabelStore}. Its lower faces are joined with the
 * layer before them, read back from the store: in a binary mask two neighbouring foreground pixels always connect,
 * so no value margin is needed. Memory: the block, and an int and two longs per provisional id. After the last
 * block, {@link #finish()} resolves roots and numbers the components 1..N by their first pixel in a C-order scan
 * of the frame (the numbering of {@link ConnectedComponents#label}).
 *
 * <p>Not thread safe; one instance per frame and mask.
 */
final class BinaryBlockLabeller {
    private final LabelStore store;
    private final int[] shape;
    private final ProvisionalComponents components = new ProvisionalComponents();

    /** A labeller writing provisional ids to {@code store} (its shape is the frame's {@code {z, y, x}}). */
    BinaryBlockLabeller(LabelStore store) {
        this.store = store;
        this.shape = store.shape();
    }

    /**
     * Labels one block of the mask; the blocks must come in raster order of one grid.
     *
     * @param binary foreground (non-zero) per pixel of the box, flat {@code [z][y][x]}; not modified
     * @return the provisional ids of the block (0 = background), flat {@code [z][y][x]}; owned by the caller
     */
    int[] add(int[] start, int[] stop, int[] binary) {
        int[] bshape = {stop[0] - start[0], stop[1] - start[1], stop[2] - start[2]};
        int[] prov = components.add(ConnectedComponents.label(binary, bshape), start, stop, shape);
        for (int k = 0; k < 3; k++) {
            if (start[k] > 0) {
                joinFace(k, start, stop, prov, bshape);
            }
        }
        store.write(start, stop, prov);
        return prov;
    }

    /** Provisional ids given so far plus one (ids are {@code 1..ids()-1}). */
    int ids() {
        return components.ids();
    }

    /** The root of provisional id {@code p} (valid after {@link #finish()}: roots are then fixed). */
    int root(int p) {
        return components.root(p);
    }

    /**
     * Resolves the components: afterwards {@link #componentSize} and {@link #componentNumber} answer per
     * provisional id.
     */
    void finish() {
        components.finish();
    }

    /** The pixel count of the component of provisional id {@code p} (after {@link #finish()}). */
    long componentSize(int p) {
        return components.size(p);
    }

    /** The number 1..N of the component of provisional id {@code p} in first-pixel order (after finish). */
    int componentNumber(int p) {
        return components.number(p);
    }

    // Joins the block's face at its lower border along axis k with the layer before it (read from the store).
    private void joinFace(int k, int[] start, int[] stop, int[] prov, int[] bshape) {
        int[] ls = start.clone();
        int[] le = stop.clone();
        ls[k] = start[k] - 1;
        le[k] = start[k];
        int[] before = store.read(ls, le);
        int i = 0;
        for (int z = ls[0]; z < le[0]; z++) {
            for (int y = ls[1]; y < le[1]; y++) {
                for (int x = ls[2]; x < le[2]; x++, i++) {
                    if (before[i] == 0) {
                        continue;
                    }
                    int bz = k == 0 ? 0 : z - start[0];
                    int by = k == 1 ? 0 : y - start[1];
                    int bx = k == 2 ? 0 : x - start[2];
                    int own = prov[(bz * bshape[1] + by) * bshape[2] + bx];
                    if (own != 0) {
                        components.union(own, before[i]);
                    }
                }
            }
        }
    }
}
