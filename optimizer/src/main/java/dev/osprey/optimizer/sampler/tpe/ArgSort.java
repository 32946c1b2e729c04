package dev.osprey.optimizer.sampler.tpe;

/** A stable sort of indices by a primitive key, without boxing (the hot path of TPE's bandwidths). */
final class ArgSort {

    private ArgSort() {
    }

    /** Indices {@code 0..n-1} ordered by {@code keys}, ties kept in index order. */
    static int[] of(double[] keys, int n) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
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
}
