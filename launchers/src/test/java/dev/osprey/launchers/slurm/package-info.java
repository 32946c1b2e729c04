/**
 * The Slurm launcher against a real Slurm cluster and the launcher contract kit (skipped without one,
 * except on CI), and its {@code sbatch} options.
 */
package dev.osprey.launchers.slurm;
