/**
 * Resources per job and the device pools of the local launchers.
 *
 * <p>{@link dev.osprey.launchers.Resources} is what one job asks for (CPUs, memory, GPUs,
 * a time limit, a partition, environment variables, extra Slurm options), read from a preset in the
 * job's launcher settings. {@link dev.osprey.launchers.resources.DevicePool} hands out devices (GPUs,
 * CPUs) so that no two running jobs share one, and {@link dev.osprey.launchers.resources.LocalResources}
 * puts a pool in front of a launcher that runs jobs on this machine (process, tsp).
 */
package dev.osprey.launchers.resources;

import dev.osprey.launchers.Resources;
