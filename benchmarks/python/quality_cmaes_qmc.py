"""Optuna's side of the quality suite's CMA-ES and QMC rows (Optuna 3.1's CmaEsSampler and QMCSampler).

Same functions, seeds and checkpoints as Osprey's; then the long run: CmaEsSampler for
--long-trials trials on rosenbrock5 over --long-seeds seeds, regret at 100, 500 and 1,000
trials and the wall time per trial, rows marked "protocol": "cmaes_long". Prints one JSON row per
line on stdout; progress goes to stderr.
Usage: quality_cmaes_qmc.py --seeds 10 --trials 100 --at 10,25,50,100 --long-seeds 5
"""
import argparse
import sys
import time
import warnings

import numpy as np
import optuna

from functions import FUNCTIONS
from quality import emit, quartiles

optuna.logging.set_verbosity(optuna.logging.ERROR)
warnings.filterwarnings("ignore")


def make_sampler(name, seed):
    if name == "cmaes":
        return optuna.samplers.CmaEsSampler(seed=seed)
    if name == "qmc":
        return optuna.samplers.QMCSampler(seed=seed)
    raise ValueError("unknown sampler " + name)


def run(objective, sampler, trials):
    study = optuna.create_study(sampler=sampler)
    t0 = time.perf_counter()
    study.optimize(objective, n_trials=trials)
    wall = time.perf_counter() - t0
    values = [t.value if t.state == optuna.trial.TrialState.COMPLETE else float("inf") for t in study.trials]
    return np.minimum.accumulate(values), wall


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", type=int, default=10)
    parser.add_argument("--trials", type=int, default=100)
    parser.add_argument("--at", default="10,25,50,100")
    parser.add_argument("--long-seeds", type=int, default=5)
    parser.add_argument("--long-trials", type=int, default=1000)
    args = parser.parse_args()
    ats = [int(a) for a in args.at.split(",")]
    for fname, optimum, objective, _grid in FUNCTIONS:
        for sname in ["cmaes", "qmc"]:
            regrets = [[] for _ in ats]
            walls = []
            for seed in range(args.seeds):
                best, wall = run(objective, make_sampler(sname, seed), args.trials)
                walls.append(wall)
                for k, at in enumerate(ats):
                    regrets[k].append(float(best[min(at, len(best)) - 1]) - optimum)
            for k, at in enumerate(ats):
                emit(dict(system="optuna", function=fname, sampler=sname, at=at, metric="regret",
                          **quartiles(regrets[k]), seeds=args.seeds))
            emit(dict(system="optuna", function=fname, sampler=sname, trials=args.trials,
                      metric="wall_s_per_study", **quartiles(walls), seeds=args.seeds))
            print("[optuna] %s %s: regret@%d median %.4g" % (fname, sname, ats[-1], np.median(regrets[-1])),
                  file=sys.stderr, flush=True)
    if args.long_seeds > 0:
        fname, optimum, objective, _grid = [f for f in FUNCTIONS if f[0] == "rosenbrock5"][0]
        long_at = [a for a in (100, 500, 1000) if a <= args.long_trials]
        regrets = [[] for _ in long_at]
        ms = []
        for seed in range(args.long_seeds):
            best, wall = run(objective, make_sampler("cmaes", seed), args.long_trials)
            ms.append(wall * 1000 / len(best))
            for k, at in enumerate(long_at):
                regrets[k].append(float(best[min(at, len(best)) - 1]) - optimum)
        for k, at in enumerate(long_at):
            emit(dict(system="optuna", function=fname, sampler="cmaes", at=at, protocol="cmaes_long",
                      metric="regret", **quartiles(regrets[k]), seeds=args.long_seeds))
        emit(dict(system="optuna", function=fname, sampler="cmaes", trials=args.long_trials, protocol="cmaes_long",
                  metric="wall_ms_per_trial", **quartiles(ms), seeds=args.long_seeds))
        print("[optuna] rosenbrock5 cmaes, %d trials: regret median %.4g, %.3f ms/trial" % (
            args.long_trials, np.median(regrets[-1]), np.median(ms)), file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
