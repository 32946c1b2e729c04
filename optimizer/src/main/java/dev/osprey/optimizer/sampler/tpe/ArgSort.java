package dev.osprey.optimizer.sampler.tpe;

/**
 * A stable sort of indices by a {@code double} key, without boxing: the hot path of TPE's
 * bandwidths, which sorts every observation of every parameter on each proposal. Small arrays
 * use a merge sort; large ones an LSD radix sort on the keys' order-preserving bit patterns, which
 * is linear in the number of keys.
 */
final class ArgSort {

    private static final int RADIX_THRESHOLD = 1024;
    private static final int BITS = 11;
    private static final int BUCKETS = 1 << BITS;

    private ArgSort() {
    }

    /** Indices {@code 0..n-1} ordered by {@code keys}, ties kept in index order. */
    static int[] of(double[] keys, int n) {
        return n >= RADIX_THRESHOLD ? radix(keys, n) : merge(keys, n);
    }

    static int[] merge(double[] keys, int n) {
        int[] idx = identity(n);
        if (n < 2) {
            return idx;
        }
        int[] buf = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n - width; lo += 2 * width) {
                int mid = lo + width;
                int hi = Math.min(lo + 2 * width, n);
                if (keys[idx[mid - 1]] <= keys[idx[mid]]) {
                    continue; // already in order: common for nearly sorted data
                }
                System.arraycopy(idx, lo, buf, lo, hi - lo);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    idx[k++] = keys[buf[j]] < keys[buf[i]] ? buf[j++] : buf[i++];
                }
                while (i < mid) {
                    idx[k++] = buf[i++];
                }
                while (j < hi) {
                    idx[k++] = buf[j++];
                }
            }
        }
        return idx;
    }

    static int[] radix(double[] keys, int n) {
        if (n < 2) {
            return identity(n);
        }
        long[] bits = new long[n];
        for (int i = 0; i < n; i++) {
            long b = Double.doubleToLongBits(keys[i] == 0.0 ? 0.0 : keys[i]); // -0.0 sorts with 0.0
            // flip so that unsigned order of the bit patterns is numeric order
            bits[i] = b < 0 ? ~b : b ^ Long.MIN_VALUE;
        }
        int[] idx = identity(n);
        int[] out = new int[n];
        int[] count = new int[BUCKETS + 1];
        for (int shift = 0; shift < 64; shift += BITS) {
            java.util.Arrays.fill(count, 0);
            for (int i = 0; i < n; i++) {
                count[(int) ((bits[idx[i]] >>> shift) & (BUCKETS - 1)) + 1]++;
            }
            if (count[1 + (int) ((bits[idx[0]] >>> shift) & (BUCKETS - 1))] == n) {
                continue; // every key has the same digit here
            }
            for (int b = 0; b < BUCKETS; b++) {
                count[b + 1] += count[b];
            }
            for (int i = 0; i < n; i++) {
                int digit = (int) ((bits[idx[i]] >>> shift) & (BUCKETS - 1));
                out[count[digit]++] = idx[i];
            }
            int[] t = idx;
            idx = out;
            out = t;
        }
        return idx;
    }

    private static int[] identity(int n) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        return idx;
    }
}
