/**
 * The Slurm launcher, {@code osprey/launcher=slurm}: submits each job with {@code sbatch} as
 * {@code osprey-job.sh JOBDIR PROGRAM ARGS...}, which decides the job's result on the compute node and
 * writes {@code result.json} there, so job directories must be on a file system the nodes share. The
 * {@code sbatch} options ({@code partition}, {@code time}, {@code cpus_per_task}, {@code mem},
 * {@code gpus}, {@code extra_args}) come from the launcher's settings with each job's own settings on
 * top, so a sweep can vary them, and a value Slurm refuses fails that job, not the sweep. A batch of jobs
 * known in advance goes to Slurm as job arrays ({@code SlurmArrays}: {@code osprey-array.sh} runs task K
 * from its task file, {@code ArrayTaskFile}), each job followed as its array task. One poller
 * thread watches all jobs with {@code squeue}, reads how one ended with {@code scontrol show job} and
 * stops one with {@code scancel}. {@link SlurmLauncherProvider} is the public entry; the rest is
 * package-private and shares the wrapper script, the poller and the result rules with the task-spooler
 * launcher through {@link dev.osprey.launchers.internal}.
 */
package dev.osprey.launchers.slurm;
