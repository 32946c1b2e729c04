"""Optuna's parameter importance on studies written as JSON by the importance suite.

Usage: importance.py --evaluator fanova|ped-anova --repeats N FILE...
Each FILE holds {"name": ..., "direction": ..., "trials": [{"value": v, "params": {name: [value, dist]}}]},
dist being {"type": "float"|"int", "low", "high", "log"} or {"type": "categorical", "choices"}.
Prints one JSON row per file: the importances and the seconds of each evaluation (the study is
built once, outside the timing).
"""
import argparse
import json
import time

import optuna
from optuna.distributions import CategoricalDistribution, FloatDistribution, IntDistribution

optuna.logging.set_verbosity(optuna.logging.ERROR)


def distribution(d):
    if d["type"] == "float":
        return FloatDistribution(d["low"], d["high"], log=d["log"])
    if d["type"] == "int":
        return IntDistribution(d["low"], d["high"], log=d["log"])
    return CategoricalDistribution(d["choices"])


def study_of(data):
    study = optuna.create_study(direction=data["direction"])
    for t in data["trials"]:
        params = {name: p[0] for name, p in t["params"].items()}
        dists = {name: distribution(p[1]) for name, p in t["params"].items()}
        study.add_trial(optuna.trial.create_trial(params=params, distributions=dists, value=t["value"]))
    return study


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--evaluator", default="fanova")
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    for path in args.files:
        with open(path) as f:
            data = json.load(f)
        study = study_of(data)
        seconds = []
        importances = None
        for _ in range(args.repeats):
            evaluator = optuna.importance.FanovaImportanceEvaluator(seed=0)
            start = time.perf_counter()
            importances = optuna.importance.get_param_importances(study, evaluator=evaluator)
            seconds.append(time.perf_counter() - start)
        print(json.dumps({"system": "optuna", "version": optuna.__version__, "study": data["name"],
                          "evaluator": args.evaluator, "trials": len(data["trials"]),
                          "params": len(data["trials"][0]["params"]), "seconds": seconds,
                          "importances": {k: float(v) for k, v in importances.items()}}), flush=True)


if __name__ == "__main__":
    main()
