"""Optuna's side of the quality suite: the same functions, seeds and checkpoints as Osprey's.

Prints one JSON row per line on stdout (regret at each checkpoint, wall time per study);
progress goes to stderr. Usage: quality.py --seeds 10 --trials 100 --at 10,25,50,100

With --default-only it runs the extended part instead: only Optuna's default TPE
(TPESampler(seed=seed)) on every function, regret rows only, each marked "protocol": "extended",
each with every seed's regret ("values"),
e.g. quality.py --default-only --seeds 50 --trials 100 --at 10,25,50,100
"""
import argparse
import json
import sys
import time
import warnings

import numpy as np
import optuna

from functions import FUNCTIONS

optuna.logging.set_verbosity(optuna.logging.WARNING)
warnings.filterwarnings("ignore", category=optuna.exceptions.ExperimentalWarning)


def make_sampler(name, seed, grid):
    if name == "tpe":
        return optuna.samplers.TPESampler(seed=seed)
    if name == "tpe_mv":
        return optuna.samplers.TPESampler(seed=seed, multivariate=True)
    if name == "random":
        return optuna.samplers.RandomSampler(seed=seed)
    if name == "grid":
        return optuna.samplers.GridSampler(grid, seed=seed)
    raise ValueError("unknown sampler " + name)


def quartiles(xs):
    return {"median": float(np.percentile(xs, 50)), "q25": float(np.percentile(xs, 25)),
            "q75": float(np.percentile(xs, 75))}


def emit(row):
    print(json.dumps(row), flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", type=int, default=10)
    parser.add_argument("--trials", type=int, default=100)
    parser.add_argument("--at", default="10,25,50,100")
    parser.add_argument("--default-only", action="store_true",
                        help="the extended part: default TPE only, regret rows marked protocol=extended")
    args = parser.parse_args()
    ats = [int(a) for a in args.at.split(",")]
    # rows of the standard protocol carry no protocol key, so that they stay comparable across commits
    tag = dict(protocol="extended") if args.default_only else {}
    for fname, optimum, objective, grid in FUNCTIONS:
        samplers = ["tpe"] if args.default_only else ["tpe", "tpe_mv", "random"] + (["grid"] if grid else [])
        for sname in samplers:
            regrets = [[] for _ in ats]
            walls = []
            for seed in range(args.seeds):
                study = optuna.create_study(sampler=make_sampler(sname, seed, grid))
                t0 = time.perf_counter()
                study.optimize(objective, n_trials=args.trials)
                walls.append(time.perf_counter() - t0)
                values = [t.value if t.state == optuna.trial.TrialState.COMPLETE else float("inf")
                          for t in study.trials]
                best = np.minimum.accumulate(values)
                for k, at in enumerate(ats):
                    regrets[k].append(float(best[min(at, len(best)) - 1]) - optimum)
            for k, at in enumerate(ats):
                extra = dict(values=regrets[k]) if args.default_only else {}
                emit(dict(system="optuna", function=fname, sampler=sname, at=at, **tag, metric="regret",
                          **quartiles(regrets[k]), seeds=args.seeds, **extra))
            if not args.default_only:
                emit(dict(system="optuna", function=fname, sampler=sname, trials=args.trials,
                          metric="wall_s_per_study", **quartiles(walls), seeds=args.seeds))
            print("[optuna] %s %s%s: regret@%d median %.4g" % (
                fname, sname, " (extended, %d seeds)" % args.seeds if args.default_only else "", ats[-1],
                np.median(regrets[-1])), file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
