package org.jilastik.workflow.multicut;

/**
 * vigra {@code watershedsNew} as observed in ilastik (spec multicut §2.3 g): every labelled pixel is queued with its
 * own height; the lowest entry is popped and each unlabelled direct neighbour gets the popped pixel's label AT ONCE
 * and is queued with its own height ("label at push"). Ties pop in pixel-index order. Stateless, thread safe.
 */
final class SeededRegionGrowing {
    private SeededRegionGrowing() {
    }

    /**
     * Grows {@code labels} (0 = unlabelled) in place over the whole block.
     *
     * @param height per pixel priority (float32), flat C-order like {@code labels}
     */
    static void grow(float[] height, int[] labels, Neighbourhood nb) {
        PixelQueue q = new PixelQueue();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != 0) {
                q.push(height[i], i);
            }
        }
        int[] around = new int[nb.max()];
        while (!q.isEmpty()) {
            int p = q.pop();
            int label = labels[p];
            int k = nb.neighbours(p, around);
            for (int j = 0; j < k; j++) {
                int o = around[j];
                if (labels[o] == 0) {
                    labels[o] = label;
                    q.push(height[o], o);
                }
            }
        }
    }
}
