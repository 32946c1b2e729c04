"""Optuna's importance of the trials in a JSON file: prints one 'name importance' line per parameter.

Usage: optuna_importance.py TRIALS.json fanova|ped-anova [seed]
The file holds {"direction": "minimize", "trials": [{"value": v, "params": {name: [value, distribution]}}]}
with distributions {"type": "float"|"int", "low", "high", "log"} or {"type": "categorical", "choices"}.
"""
import json
import sys

import optuna
from optuna.distributions import CategoricalDistribution, FloatDistribution, IntDistribution

optuna.logging.set_verbosity(optuna.logging.ERROR)


def distribution(d):
    if d["type"] == "float":
        return FloatDistribution(d["low"], d["high"], log=d["log"])
    if d["type"] == "int":
        return IntDistribution(d["low"], d["high"], log=d["log"])
    return CategoricalDistribution(d["choices"])


def main():
    with open(sys.argv[1]) as f:
        data = json.load(f)
    study = optuna.create_study(direction=data["direction"])
    for t in data["trials"]:
        params = {name: p[0] for name, p in t["params"].items()}
        dists = {name: distribution(p[1]) for name, p in t["params"].items()}
        study.add_trial(optuna.trial.create_trial(params=params, distributions=dists, value=t["value"]))
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    if sys.argv[2] == "fanova":
        evaluator = optuna.importance.FanovaImportanceEvaluator(seed=seed)
    else:
        evaluator = optuna.importance.PedAnovaImportanceEvaluator()
    for name, value in optuna.importance.get_param_importances(study, evaluator=evaluator).items():
        print(name, repr(float(value)))


if __name__ == "__main__":
    main()
