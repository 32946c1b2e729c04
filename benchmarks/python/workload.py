"""The workload suite's Python side: the scikit-learn objective of examples/scikit-learn
(objective.cross_validated_log_loss, the function its @hydra.main app returns), driven two ways.

  workload.py optuna --example DIR --seeds 10 --trials 50 --at 10,25,50
      Optuna 3.1's default TPESampler(seed=seed) tunes it through Optuna's own API; one JSON row per
      study on stdout (best value after each checkpoint, wall time, the objective's own time).
  workload.py serve --example DIR
      Osprey's samplers tune it from Java: one JSON request per stdin line,
      {"model": "gbdt", "params": {...}, "folds": 3, "seed": 0}, one JSON answer per stdout line,
      {"value": ..., "seconds": ...} (seconds: the objective's own time, measured here).

The search space is the app's (conf/model/*.yaml): the family, then that family's hyperparameters.
"""
import argparse
import json
import sys
import time
import warnings

FOLDS = 3


def suggest(trial):
    """The app's conditional search space, define-by-run; names as Osprey's sweep gives them."""
    family = trial.suggest_categorical("model", ["gbdt", "rf"])
    params = {"n_estimators": trial.suggest_int("model.n_estimators", 10, 100, step=10),
              "max_depth": trial.suggest_int("model.max_depth", 2, 6),
              "min_samples_leaf": trial.suggest_int("model.min_samples_leaf", 1, 20)}
    if family == "gbdt":
        params["learning_rate"] = trial.suggest_float("model.learning_rate", 0.01, 0.5, log=True)
        params["subsample"] = trial.suggest_float("model.subsample", 0.5, 1.0)
    else:
        params["max_features"] = trial.suggest_float("model.max_features", 0.1, 1.0)
    return family, params


def run_optuna(objective, seeds, trials, at):
    import optuna
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    warnings.filterwarnings("ignore", category=optuna.exceptions.ExperimentalWarning)
    for seed in range(seeds):
        spent = [0.0]

        def evaluate(trial):
            family, params = suggest(trial)
            value, seconds = objective.timed(family, params, FOLDS, seed)
            spent[0] += seconds
            return value

        study = optuna.create_study(sampler=optuna.samplers.TPESampler(seed=seed), direction="minimize")
        start = time.perf_counter()
        study.optimize(evaluate, n_trials=trials)
        wall = time.perf_counter() - start
        values = [t.value for t in study.trials]
        best = {str(n): min(values[:n]) for n in at}
        print(json.dumps({"system": "optuna", "objective": "scikit-learn", "sampler": "tpe", "seed": seed,
                          "trials": trials, "best": best, "wall_s": wall, "objective_s": spent[0]}), flush=True)
        print(f"optuna seed {seed}: best {best[str(at[-1])]:.4f}, {wall:.1f} s", file=sys.stderr, flush=True)


def serve(objective):
    for line in sys.stdin:
        request = json.loads(line)
        try:
            value, seconds = objective.timed(request["model"], request["params"], request["folds"], request["seed"])
            answer = {"value": value, "seconds": seconds}
        except Exception as e:  # the Java side reports it and fails the trial
            answer = {"error": f"{type(e).__name__}: {e}"}
        print(json.dumps(answer), flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["optuna", "serve"])
    parser.add_argument("--example", required=True, help="the folder of the scikit-learn example")
    parser.add_argument("--seeds", type=int, default=10)
    parser.add_argument("--trials", type=int, default=50)
    parser.add_argument("--at", default="10,25,50")
    args = parser.parse_args()
    sys.path.insert(0, args.example)
    import objective
    if args.mode == "serve":
        serve(objective)
    else:
        run_optuna(objective, args.seeds, args.trials, [int(n) for n in args.at.split(",")])


if __name__ == "__main__":
    main()
