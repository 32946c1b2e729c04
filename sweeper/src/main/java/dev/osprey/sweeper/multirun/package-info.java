/**
 * Command-line sweeps, {@code osprey run -m}. {@link Multirun} takes a {@link RunRequest} (config
 * location, primary config, overrides, program or Java task), sorts its overrides ({@link SweepInputs})
 * into Osprey's own settings ({@link FrameworkSettings}, the {@code osprey} node: sampler, trials, jobs,
 * storage, launcher, ...), the job's fixed overrides and its sweeps, creates or resumes the study in the
 * study database, and runs a {@link dev.osprey.sweeper.Sweeper} whose jobs are composed by the composer
 * ({@code ComposedJobs}), so that running the same command again resumes the sweep. {@link ConfigView}
 * shows what a run would compose ({@code --cfg}, {@code --info}), and {@link Configs} opens the config
 * repository a run names. The package prints nothing: what people see goes through
 * {@link MultirunObserver}, which the command-line module implements, and that module also reuses
 * {@link RunRequest}, {@link SweepInputs} and {@link Configs} for single runs.
 */
package dev.osprey.sweeper.multirun;
