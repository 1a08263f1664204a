package org.jilastik.workflow.tracking.export;

/**
 * h5py's automatic chunk shape ({@code guess_chunk}): start from the dataset shape and halve the axes round-robin
 * (rounding up) until a chunk is below a target size that grows with the dataset (16 KiB × 2^log10(MiB), clamped
 * to 8 KiB..1 MiB) or within 50 % of it, and below 1 MiB. Stateless.
 */
final class H5pyChunks {
    private static final double BASE = 16 * 1024;
    private static final double MIN = 8 * 1024;
    private static final double MAX = 1024 * 1024;

    private H5pyChunks() {
    }

    static long[] guess(long[] shape, int typeSize) {
        long[] chunks = new long[shape.length];
        double size = typeSize;
        for (int i = 0; i < shape.length; i++) {
            chunks[i] = shape[i] == 0 ? 1024 : shape[i];
            size *= chunks[i];
        }
        double target = BASE * Math.pow(2, Math.log10(size / (1024.0 * 1024)));
        target = Math.min(MAX, Math.max(MIN, target));
        for (int idx = 0; ; idx++) {
            double bytes = typeSize;
            long n = 1;
            for (long c : chunks) {
                bytes *= c;
                n *= c;
            }
            if ((bytes < target || Math.abs(bytes - target) / target < 0.5) && bytes < MAX) {
                break;
            }
            if (n == 1) {
                break;
            }
            int a = idx % chunks.length;
            chunks[a] = (chunks[a] + 1) / 2;
        }
        return chunks;
    }
}
