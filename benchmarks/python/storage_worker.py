"""One worker process of the storage suite's part B (Optuna's side).

Loads a study created beforehand and runs study.optimize with the suite's trivial objective until the
study holds TOTAL trials (MaxTrialsCallback counting trials in every state, the counterpart of
Osprey's Budget.trials). Every trial it tells is written to OUT as "number value", after a line
"# ready S" (seconds from the process's start until the study was loaded); the last line is "# done",
or "# error ..." if the worker failed. The storage URL comes from the environment variable
OSPREY_BENCH_OPTUNA_STORAGE (it may hold a password). Usage:
storage_worker.py STUDY SAMPLER TOTAL OUT INDEX
"""
import os
import sys
import warnings


def seconds_since_start():
    """Seconds since this process started (Linux /proc, 10 ms resolution), or None elsewhere."""
    try:
        with open("/proc/self/stat") as f:
            start_ticks = int(f.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime") as f:
            uptime = float(f.read().split()[0])
        return uptime - start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def main():
    study_name, sampler, total, out, index = sys.argv[1:6]
    total, index = int(total), int(index)
    import optuna
    from optuna.study import MaxTrialsCallback
    from optuna.trial import TrialState

    optuna.logging.set_verbosity(optuna.logging.WARNING)
    warnings.filterwarnings("ignore", category=optuna.exceptions.ExperimentalWarning)
    if sampler == "tpe":
        chosen = optuna.samplers.TPESampler(seed=index)
    else:
        chosen = optuna.samplers.RandomSampler(seed=index)

    def objective(trial):
        x = trial.suggest_float("x", -10, 10)
        y = trial.suggest_float("y", -10, 10)
        return x * x + y * y

    with open(out, "w") as told:
        def record(study, trial):
            if trial.state == TrialState.COMPLETE:
                told.write("%d %r\n" % (trial.number, trial.value))

        try:
            study = optuna.load_study(study_name=study_name, storage=os.environ["OSPREY_BENCH_OPTUNA_STORAGE"],
                                      sampler=chosen)
            since = seconds_since_start()
            if since is not None:
                told.write("# ready %.3f\n" % since)
            study.optimize(objective, callbacks=[record, MaxTrialsCallback(total, states=None)])
        except Exception as e:  # the failure is the measurement: report it and exit non-zero
            first = (str(e).strip().splitlines() or [""])[0][:200]
            told.write("# error %s: %s\n" % (type(e).__name__, first))
            told.flush()
            sys.exit(1)
        told.write("# done\n")


if __name__ == "__main__":
    main()
