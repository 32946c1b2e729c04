package dev.osprey.cli;

import dev.osprey.optimizer.TrialPrunedException;
import dev.osprey.launchers.JobPrunedException;
import dev.osprey.sweeper.multirun.Configs;
import dev.osprey.sweeper.multirun.FrameworkSettings;
import dev.osprey.sweeper.multirun.RunRequest;
import dev.osprey.sweeper.multirun.SweepInputs;
import dev.osprey.composer.bind.Records;
import dev.osprey.composer.compose.Composer;
import dev.osprey.composer.override.ConfigOverride;
import dev.osprey.launchers.JobContext;
import dev.osprey.launchers.Task;

import java.util.List;
import java.util.Objects;

/**
 * A Java app's objective with its config location and record type, as given to
 * {@link dev.osprey.cli.Osprey#main}: each job's composed config is bound to the record and
 * handed to the objective.
 *
 * @param name       the app's name, for messages
 * @param configs    where its configs are
 * @param configName its primary config
 * @param type       the record the config binds to
 * @param objective  the training function
 * @param <R>        the config record
 */
public record AppTask<R extends Record>(String name, RunRequest.ConfigLocation configs, String configName, Class<R> type,
                                        TrainFunction<R> objective) {

    /** A Java {@code train} function. */
    @FunctionalInterface
    public interface TrainFunction<R> {
        /**
         * Trains with {@code config} and returns the value to minimise (or maximise). Report
         * intermediate values with {@code job.report(step, value)}; when it returns true, throw
         * {@link TrialPrunedException} (or the launchers' {@link JobPrunedException}).
         */
        double train(R config, JobContext job) throws Exception;
    }

    public AppTask {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(configs, "configs");
        Objects.requireNonNull(configName, "configName");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(objective, "objective");
    }

    public Task.JobFunction task() {
        return context -> {
            try {
                return new double[] {objective.train(Records.bind(context.config(), type), context)};
            } catch (TrialPrunedException e) {
                throw new JobPrunedException(e.getMessage() == null ? "pruned" : e.getMessage());
            }
        };
    }

    /**
     * Before anything runs: the overrides fit the record (unknown keys, wrong types) and the
     * composed config binds to it.
     */
    public void check(RunRequest request) {
        Composer composer = new Composer(Configs.repository(configs));
        List<ConfigOverride> jobOverrides = request.overrides().stream()
                .filter(o -> !FrameworkSettings.isFramework(o) && !o.isSweep()).toList();
        composer.checkParsedOverrides(type, jobOverrides);
        var composition = composer.composeParsed(configName, jobOverrides);
        Records.bind(SweepInputs.withoutOsprey(composition.config(), composition, composer.repository()), type);
    }
}
