"""Optuna's side of the overhead suite: the cost of the n-th trial in an in-memory study.

Each sampler's study (seed 0) is grown trial by trial (ask, two suggest_float, tell) until it
reaches the largest n or the time cap; a size it did not reach is measured `prefilled`: a
study pre-filled with n-100 random COMPLETE trials through add_trials, then 100 timed trials
(the pre-filling and the timed trials each stop at the cap). Prints one JSON row per line on
stdout; progress goes to stderr. For the largest TPE study measured prefilled, the growth of the
process's resident set while it was built is reported too (metric rss_mb). Usage: overhead.py --ns 100,1000,3000,10000 --cap 120
"""
import argparse
import gc
import json
import os
import sys
import time

import numpy as np
import optuna
from optuna.distributions import FloatDistribution

optuna.logging.set_verbosity(optuna.logging.WARNING)

SAMPLERS = ["random", "tpe"]
WINDOW = 100


def make_sampler(name):
    return optuna.samplers.TPESampler(seed=0) if name == "tpe" else optuna.samplers.RandomSampler(seed=0)


def one_trial(study):
    trial = study.ask()
    x = trial.suggest_float("x", -10, 10)
    y = trial.suggest_float("y", -10, 10)
    study.tell(trial, x * x + y * y)


def new_inmemory_study(sampler):
    return optuna.create_study(sampler=make_sampler(sampler))


def row(sampler, n, method, ms, storage="inmemory", **extra):
    out = dict(system="optuna", sampler=sampler, storage=storage, n=n, method=method, metric="ms_per_trial",
               median=float(np.median(ms)), mean=float(np.mean(ms)), trials=len(ms))
    out.update(extra)
    return out


def emit(r):
    print(json.dumps(r), flush=True)
    print("[optuna] %s %s n=%d %s: %.3f ms/trial mean over %d trials" % (
        r["storage"], r["sampler"], r["n"], r["method"], r["mean"], r["trials"]), file=sys.stderr, flush=True)


def grown(sampler, ns, cap, new_study=new_inmemory_study, storage="inmemory"):
    """Grows one study; emits a row per n reached (and one for the size reached at the cap); returns that size."""
    study = new_study(sampler)
    ms, cum = [], []
    start = time.perf_counter()
    for _ in range(max(ns)):
        t0 = time.perf_counter()
        one_trial(study)
        t1 = time.perf_counter()
        ms.append((t1 - t0) * 1000)
        cum.append(t1 - start)
        if cum[-1] > cap:
            break
    reached = len(ms)
    for n in ns:
        if n <= reached:
            emit(row(sampler, n, "grown", ms[n - WINDOW:n], storage, cum_wall_s=cum[n - 1]))
    if reached < max(ns) and reached >= WINDOW:
        emit(row(sampler, reached, "grown", ms[reached - WINDOW:], storage, cum_wall_s=cum[-1], capped=True))
    return reached


def rss_mb():
    """This process's resident set size, from /proc (Linux), or None elsewhere."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1048576.0
    except OSError:
        return None


def prefilled(sampler, n, cap, measure_memory=False, new_study=new_inmemory_study, storage="inmemory"):
    gc.collect()
    rss_before = rss_mb()
    study = new_study(sampler)
    rng = np.random.RandomState(0)
    dists = {"x": FloatDistribution(-10, 10), "y": FloatDistribution(-10, 10)}
    t0 = time.perf_counter()
    batch = []
    for i in range(n - WINDOW):
        x, y = rng.uniform(-10, 10, size=2)
        batch.append(optuna.trial.create_trial(params={"x": float(x), "y": float(y)}, distributions=dists,
                                               value=float(x * x + y * y)))
        if len(batch) == 500 or i == n - WINDOW - 1:
            study.add_trials(batch)
            batch = []
            if time.perf_counter() - t0 > cap:
                break
    fill_s = time.perf_counter() - t0
    filled = len(study.trials)
    ms = []
    start = time.perf_counter()
    for _ in range(WINDOW):
        t1 = time.perf_counter()
        one_trial(study)
        ms.append((time.perf_counter() - t1) * 1000)
        if time.perf_counter() - start > cap:
            break
    emit(row(sampler, filled + len(ms), "prefilled", ms, storage, prefilled=filled, fill_s=fill_s))
    gc.collect()
    if measure_memory and rss_before is not None:
        print(json.dumps(dict(system="optuna", sampler=sampler, storage="inmemory", n=len(study.trials),
                              method="prefilled", metric="rss_mb", median=rss_mb() - rss_before)), flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ns", default="100,1000,3000,10000")
    parser.add_argument("--cap", type=float, default=120)
    args = parser.parse_args()
    ns = [int(n) for n in args.ns.split(",")]
    for sampler in SAMPLERS:
        reached = grown(sampler, ns, args.cap)
        for n in ns:
            if n > reached:
                prefilled(sampler, n, args.cap, measure_memory=(sampler == "tpe" and n == max(ns)))


if __name__ == "__main__":
    main()
