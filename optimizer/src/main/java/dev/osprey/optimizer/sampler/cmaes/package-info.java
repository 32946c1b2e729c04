/**
 * CMA-ES, the covariance matrix adaptation evolution strategy (Hansen, "The CMA Evolution Strategy: A
 * Tutorial", 2016), as Optuna's {@code CmaEsSampler}: {@link CmaesBuilder} holds the settings
 * (population, step size, {@link RestartStrategy IPOP and BIPOP restarts}, separable CMA, learning-rate
 * adaptation, margin for integers, warm start from source trials) and builds the package-private
 * {@code CmaesSampler}, the orchestration over trials. The model is {@code CmaEvolution} (ask and tell on
 * the unit cube), with {@code LearningRateAdaptation}, {@code Margin} and {@code WarmStart} beside it;
 * {@code Lineage} replays the model from the trials' stored points, so that workers and resumed studies
 * share one state without process memory. Users get the sampler through
 * {@link dev.osprey.optimizer.sampler.Samplers#cmaes()} or {@link dev.osprey.optimizer.sampler.Samplers#cmaesBuilder()}.
 */
package dev.osprey.optimizer.sampler.cmaes;
