package org.jilastik.workflow.tracking.merger;

/**
 * The subset of numpy's legacy {@code RandomState} that scikit-learn's k-means++ draws from: MT19937 seeded with
 * {@code init_genrand(seed)}, {@code randint(n)} by masked rejection on 32-bit outputs, and
 * {@code random_sample()} as a 53-bit double from two outputs. Same seed, same sequence as numpy. Not thread safe.
 */
final class NumpyRandomState {
    private static final int N = 624;
    private static final int M = 397;
    private final int[] mt = new int[N];
    private int index;

    NumpyRandomState(long seed) {
        mt[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        index = N;
    }

    /** The next raw 32-bit output (unsigned, in a long). */
    long nextUint32() {
        if (index >= N) {
            for (int k = 0; k < N; k++) {
                int y = (mt[k] & 0x80000000) | (mt[(k + 1) % N] & 0x7fffffff);
                int v = mt[(k + M) % N] ^ (y >>> 1);
                if ((y & 1) != 0) {
                    v ^= 0x9908b0df;
                }
                mt[k] = v;
            }
            index = 0;
        }
        int y = mt[index++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y & 0xffffffffL;
    }

    /** {@code randint(n)}: uniform in [0, n), n ≤ 2^32. */
    int randint(int n) {
        long max = n - 1L;
        if (max == 0) {
            return 0;
        }
        long mask = max;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        long v;
        do {
            v = nextUint32() & mask;
        } while (v > max);
        return (int) v;
    }

    /** {@code random_sample()}: uniform in [0, 1) with 53 random bits. */
    double randomSample() {
        long a = nextUint32() >>> 5;
        long b = nextUint32() >>> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }
}
