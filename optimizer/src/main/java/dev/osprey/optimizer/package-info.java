/**
 * The study API. A {@link Study} optimises an {@link Objective} (or a {@link MultiObjective}) over
 * {@link Trial}s, driven define-by-run with {@link Study#optimize(Objective, Budget, StudyCallback...)}
 * or ask/tell with {@link Study#ask()} and {@link Study#tell(Trial, double...)}; it is created or loaded
 * through {@link StudyBuilder}, a {@link Budget} counts trials at the study level, and {@link Storages}
 * opens the storage the study lives in (in memory, or the study database by location). Behind it,
 * package-private classes keep this process's copy of the stored trials, refreshed from the storage's
 * change feed ({@code TrialCache}), renew the leases of running trials and fail those of dead workers
 * ({@code Leases}), and hand out the trials that objectives and ask/tell callers work on, which write
 * through to the storage ({@code LiveTrial}). The subpackages hold what a study is assembled from
 * (distributions, trial records, samplers, pruners, the storage SPI) and do not depend on this package.
 * The optimizer module has no dependencies: the study database plugs in through
 * {@link dev.osprey.optimizer.storage.StorageProvider}, and nothing here knows about configs, launchers
 * or the command line.
 */
package dev.osprey.optimizer;
