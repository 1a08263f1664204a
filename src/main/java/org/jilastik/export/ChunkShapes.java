package org.jilastik.export;

import java.util.Arrays;
import java.util.Comparator;
import org.jilastik.array.Axes;
import org.jilastik.array.DType;

/**
 * Chunk shapes as ilastik's HDF5/N5 export chooses them (lazyflow {@code determineBlockShape}, spec cli-and-io
 * §3.10): {@code t} and {@code c} chunks are 1, the other axes as isotropic as the shape allows with about
 * 512,000 bytes per chunk. Stateless, thread safe.
 */
public final class ChunkShapes {
    private ChunkShapes() {
    }

    /** ilastik's HDF5 chunk shape for an output of {@code axes}, {@code shape} and {@code dtype}. */
    public static long[] hdf5(Axes axes, long[] shape, DType dtype) {
        long[] max = shape.clone();
        for (int i = 0; i < max.length; i++) {
            if (axes.get(i) == 't' || axes.get(i) == 'c') {
                max[i] = 1;
            }
        }
        return determineBlockShape(max, 512_000.0 / (dtype == DType.BOOL ? 1 : dtype.byteSize()));
    }

    /**
     * ilastik's OME-Zarr chunk shape for a {@code tczyx} output (its OME-Zarr exporter, version 2): {@code t} and
     * {@code c} chunks are 1, {@code zyx} by {@link #determineBlockShape} with about 1,024,000 bytes per chunk
     * (506 × 505 for 2-D float32, 63 × 64 × 63 for 3-D).
     */
    public static long[] omeZarr(long[] tczyxShape, DType dtype) {
        long[] max = tczyxShape.clone();
        max[0] = 1;
        max[1] = 1;
        return determineBlockShape(max, 1_024_000.0 / (dtype == DType.BOOL ? 1 : dtype.byteSize()));
    }

    /**
     * A block shape of about {@code targetVolume} elements, no larger than {@code maxShape} on any axis and as
     * isotropic as the small axes allow: axes are visited from the smallest maximum to the largest (ties by
     * position), each taking {@code int(pow(target // volumeSoFar, 1 / remainingAxes) + 0.5)} capped at its
     * maximum, in Python float arithmetic.
     */
    public static long[] determineBlockShape(long[] maxShape, double targetVolume) {
        int n = maxShape.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            if (maxShape[i] < 1) {
                throw new IllegalArgumentException("invalid max shape " + Arrays.toString(maxShape));
            }
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingLong(i -> maxShape[i]).thenComparingInt(i -> i));
        long[] block = new long[n];
        long volume = 1;
        for (int k = 0; k < n; k++) {
            int axis = order[k];
            double remaining = pythonFloorDiv(targetVolume, volume);
            long side = (long) (Math.pow(remaining, 1.0 / (n - k)) + 0.5);
            side = Math.min(side, maxShape[axis]);
            block[axis] = side;
            volume *= side;
        }
        return block;
    }

    /** Python's {@code float // int} for a non-negative numerator and positive divisor. */
    private static double pythonFloorDiv(double a, long b) {
        double w = b;
        double mod = a % w;
        double div = (a - mod) / w;
        double floor = Math.floor(div);
        return div - floor > 0.5 ? floor + 1.0 : floor;
    }
}
