/**
 * What a trial is, in the form every part of the engine shares: the immutable {@link TrialRecord}
 * (number, {@link TrialState}, objective values, {@link Param}s with their distributions, intermediate
 * values, attributes, times), the {@link Direction} of each objective, and {@link StudyView}, what
 * samplers and pruners see of a study: its trials and settings, plus the few writes they may make
 * (system attributes, grid claims, stopping the study). Finished trials never change; any attempt to
 * change one raises {@link TrialFinishedException}. This package depends only on
 * {@link dev.osprey.optimizer.space} (and on the root exception), so that storages, samplers and pruners
 * can use it without knowing the {@link dev.osprey.optimizer.Study} class.
 */
package dev.osprey.optimizer.trial;
