/**
 * The Tree-structured Parzen Estimator: Osprey's default follows Optuna 5's algorithm, and
 * {@link TpeBuilder#optuna31()} reproduces Optuna 3.1's formula for formula. The package-private
 * {@code TpeSampler} splits the finished trials into a good group and the rest, fits a
 * {@code ParzenEstimator} (truncated-normal and categorical kernels) to each, and proposes the candidate
 * with the best density ratio, jointly over the parameters every trial shares (multivariate) or per
 * group of parameters that appear together, with running trials counted among the rest (constant liar).
 * Studies with several objectives get multi-objective TPE (Ozaki et al., GECCO 2020 and JAIR 2022):
 * {@code ParetoSplit} forms the good group by non-domination rank (the optimizer's one sort, in {@code internal}) and
 * hypervolume subset selection ({@code HypervolumeSubset}) and weights it by hypervolume contribution
 * ({@code Hypervolume}); {@code ParetoHistory} keeps the loss vectors and that split.
 * {@link TpeBuilder} holds the settings ({@code KernelRules} those of the kernel formulas where Optuna's
 * versions differ, {@code Bandwidths} the bandwidth rules), and
 * {@link TpeDefaults} the split and weighting rules; users get a sampler through
 * {@link dev.osprey.optimizer.sampler.Samplers#tpe()} or
 * {@link dev.osprey.optimizer.sampler.Samplers#tpeBuilder()}. {@code TpeHistory} keeps what was learned
 * from finished trials and updates it incrementally, since finished trials never change, and
 * {@code Gaussian} and {@code ArgSort} are the numerical routines that keep a proposal cheap in large
 * studies.
 */
package dev.osprey.optimizer.sampler.tpe;
