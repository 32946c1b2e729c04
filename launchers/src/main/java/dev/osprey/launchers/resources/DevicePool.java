package dev.osprey.launchers.resources;

import java.util.List;

/**
 * Devices (GPUs, CPUs) that jobs on one machine take and give back, so that no two running jobs
 * hold the same one. Requests are served first come, first served: a job asking for many devices
 * is not overtaken for ever by jobs asking for few.
 *
 * @since 0.2
 */
public interface DevicePool {

    /** Every device of the pool, in order. */
    List<String> devices();

    /**
     * Takes {@code count} devices, waiting until they are free.
     *
     * @throws IllegalArgumentException when the pool has fewer than {@code count} devices in all
     * @throws InterruptedException     when the wait is interrupted; nothing is taken then
     */
    Lease acquire(int count) throws InterruptedException;

    /** Gives the lease's devices back; giving one back twice does nothing. */
    void release(Lease lease);

    /** How many devices are free now. */
    int free();

    /**
     * Devices held by one job.
     *
     * @param devices the devices, in the pool's order
     */
    record Lease(List<String> devices) {
        public Lease {
            devices = List.copyOf(devices);
        }

        /** The devices as {@code CUDA_VISIBLE_DEVICES} and {@code taskset -c} take them: {@code 0,2}. */
        public String joined() {
            return String.join(",", devices);
        }
    }

    /**
     * A pool of the given devices.
     *
     * @throws IllegalArgumentException when a device is blank or given twice
     */
    static DevicePool of(List<String> devices) {
        return new FifoDevicePool(devices);
    }
}
