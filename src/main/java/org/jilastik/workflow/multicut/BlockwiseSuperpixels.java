package org.jilastik.workflow.multicut;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.jilastik.exec.Tasks;

/**
 * ilastik's superpixels (spec multicut §2.3): with {@code BlockwiseWatershed} the image is cut into blocks of 512²
 * (2-D) or 128³ (3-D) in C order over the block grid; each block plus a 10-pixel halo (clipped at the image) gets
 * its own {@link DistanceTransformWatershed}; the inner part is relabelled into connected components numbered in
 * column-major order and block k is offset by the sum of the preceding blocks' counts, so ids are 1..N and no
 * superpixel crosses a block border. Without it the whole image is one block and the watershed ids are kept.
 *
 * <p>Memory: the whole watershed input and the whole id image are held (4 bytes per pixel each) plus, per worker,
 * one haloed block's temporaries. Blocks run in parallel on the given pool; the result does not depend on it.
 */
public final class BlockwiseSuperpixels {
    private static final int HALO = 10;

    private BlockwiseSuperpixels() {
    }

    /**
     * Superpixels of a whole image.
     *
     * @param input watershed input, flat C-order {@code [z][y][x]} (z = 1 in 2-D); not modified
     * @param shape image extents {z, y, x}
     * @param is3d  whether the image is 3-D
     * @param pool  worker pool, or null to run on the caller's thread
     * @return superpixel ids per pixel, same layout
     */
    public static int[] compute(float[] input, int[] shape, boolean is3d, WatershedSettings s, ExecutorService pool) {
        if (!s.blockwise()) {
            return DistanceTransformWatershed.compute(input, shape, is3d, s);
        }
        int edge = is3d ? 128 : 512;
        int[] block = {is3d ? edge : 1, edge, edge};
        int[] grid = new int[3];
        for (int a = 0; a < 3; a++) {
            grid[a] = (shape[a] + block[a] - 1) / block[a];
        }
        List<int[]> starts = new ArrayList<>();
        for (int bz = 0; bz < grid[0]; bz++) {
            for (int by = 0; by < grid[1]; by++) {
                for (int bx = 0; bx < grid[2]; bx++) {
                    starts.add(new int[] {bz * block[0], by * block[1], bx * block[2]});
                }
            }
        }
        List<java.util.concurrent.Callable<int[]>> jobs = new ArrayList<>();
        for (int[] start : starts) {
            jobs.add(() -> innerBlock(input, shape, is3d, s, start, block));
        }
        List<int[]> inner = run(jobs, pool);
        int[] out = new int[input.length];
        int offset = 0;
        for (int b = 0; b < starts.size(); b++) {
            int[] start = starts.get(b);
            int[] size = innerSize(shape, start, block);
            int[] ids = inner.get(b);
            int max = 0;
            int i = 0;
            for (int z = 0; z < size[0]; z++) {
                for (int y = 0; y < size[1]; y++) {
                    int row = ((start[0] + z) * shape[1] + start[1] + y) * shape[2] + start[2];
                    for (int x = 0; x < size[2]; x++) {
                        int id = ids[i++];
                        out[row + x] = id + offset;
                        max = Math.max(max, id);
                    }
                }
            }
            offset += max;
        }
        return out;
    }

    private static int[] innerSize(int[] shape, int[] start, int[] block) {
        int[] size = new int[3];
        for (int a = 0; a < 3; a++) {
            size[a] = Math.min(block[a], shape[a] - start[a]);
        }
        return size;
    }

    // the watershed of one haloed block, cut to the inner block and relabelled (1..n, column-major order)
    private static int[] innerBlock(float[] input, int[] shape, boolean is3d, WatershedSettings s, int[] start,
            int[] block) {
        int[] size = innerSize(shape, start, block);
        int[] o0 = new int[3];
        int[] os = new int[3];
        for (int a = 0; a < 3; a++) {
            int halo = a == 0 && !is3d ? 0 : HALO;
            o0[a] = Math.max(0, start[a] - halo);
            os[a] = Math.min(shape[a], start[a] + size[a] + halo) - o0[a];
        }
        float[] outer = new float[os[0] * os[1] * os[2]];
        int i = 0;
        for (int z = 0; z < os[0]; z++) {
            for (int y = 0; y < os[1]; y++) {
                int row = ((o0[0] + z) * shape[1] + o0[1] + y) * shape[2] + o0[2];
                System.arraycopy(input, row, outer, i, os[2]);
                i += os[2];
            }
        }
        int[] ws = DistanceTransformWatershed.compute(outer, os, is3d, s);
        int[] cut = new int[size[0] * size[1] * size[2]];
        i = 0;
        for (int z = 0; z < size[0]; z++) {
            for (int y = 0; y < size[1]; y++) {
                int row = ((start[0] - o0[0] + z) * os[1] + start[1] - o0[1] + y) * os[2] + start[2] - o0[2];
                System.arraycopy(ws, row, cut, i, size[2]);
                i += size[2];
            }
        }
        return ConnectedComponents.relabelColumnMajor(cut, size, is3d);
    }

    private static List<int[]> run(List<java.util.concurrent.Callable<int[]>> jobs, ExecutorService pool) {
        List<int[]> out = new ArrayList<>();
        if (pool == null) {
            for (var j : jobs) {
                try {
                    out.add(j.call());
                } catch (Exception e) {
                    throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
                }
            }
            return out;
        }
        List<Future<int[]>> futures = new ArrayList<>();
        for (var j : jobs) {
            futures.add(pool.submit(j));
        }
        Tasks.awaitAll(futures, "superpixel block");
        for (Future<int[]> f : futures) {
            out.add(f.resultNow());
        }
        return out;
    }
}
