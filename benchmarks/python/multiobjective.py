"""Optuna's side of the multiobjective suite: the same problems, seeds and budgets as Osprey's.

Problems: ZDT1 and ZDT2 (2 objectives, 30 variables), DTLZ2 (3 objectives, 12 variables) and
C2-DTLZ2 (DTLZ2 with Jain and Deb's constraint, r = 0.4). Samplers: NSGAIISampler, TPESampler
(multi-objective) and RandomSampler, each passed explicitly with seed=s; constraints go through
constraints_func. Each study runs until its budget or its time cap. For every checkpoint it reached,
the hypervolume of the feasible trials so far against the problem's fixed reference point (points
beyond it dropped), the feasible fraction, and the sampling cost per trial over the last 100 trials
before the checkpoint. Prints one JSON row per line on stdout; progress goes to stderr.
Usage: multiobjective.py --seeds 10 --at 100,300,1000 --cap 60
"""
import argparse
import json
import math
import sys
import time
import warnings

import numpy as np
import optuna
from optuna._hypervolume import WFG

optuna.logging.set_verbosity(optuna.logging.WARNING)
warnings.filterwarnings("ignore")


def zdt(trial, second):
    x = [trial.suggest_float("x%d" % i, 0, 1) for i in range(30)]
    g = 1 + 9 * sum(x[1:]) / 29
    return [x[0], g * (1 - math.sqrt(x[0] / g)) if second == 1 else g * (1 - (x[0] / g) ** 2)], None


def dtlz2_values(x):
    g = sum((xi - 0.5) ** 2 for xi in x[2:])
    a, b = math.pi / 2 * x[0], math.pi / 2 * x[1]
    return [(1 + g) * math.cos(a) * math.cos(b), (1 + g) * math.cos(a) * math.sin(b), (1 + g) * math.sin(a)]


def dtlz2(trial):
    return dtlz2_values([trial.suggest_float("x%d" % i, 0, 1) for i in range(12)]), None


def c2_constraint(f, r=0.4):
    m = len(f)
    caps = min((f[i] - 1) ** 2 + sum(f[j] ** 2 for j in range(m) if j != i) - r * r for i in range(m))
    centre = sum((fi - 1 / math.sqrt(m)) ** 2 for fi in f) - r * r
    return min(caps, centre)


def c2dtlz2(trial):
    f = dtlz2_values([trial.suggest_float("x%d" % i, 0, 1) for i in range(12)])
    return f, [c2_constraint(f)]


PROBLEMS = [
    ("zdt1", lambda t: zdt(t, 1), 2, [1.1, 11.0]),
    ("zdt2", lambda t: zdt(t, 2), 2, [1.1, 11.0]),
    ("dtlz2", dtlz2, 3, [3.5, 3.5, 3.5]),
    ("c2dtlz2", c2dtlz2, 3, [3.5, 3.5, 3.5]),
]


def make_sampler(name, seed, constrained):
    cf = (lambda ft: ft.user_attrs["c"]) if constrained else None
    if name == "nsga2":
        return optuna.samplers.NSGAIISampler(seed=seed, constraints_func=cf)
    if name == "motpe":
        return optuna.samplers.TPESampler(seed=seed, constraints_func=cf)
    if name == "random":
        return optuna.samplers.RandomSampler(seed=seed)
    raise ValueError(name)


def hypervolume(points, reference):
    r = np.asarray(reference, float)
    p = np.asarray([q for q in points if all(a <= b for a, b in zip(q, reference))], float)
    if len(p) == 0:
        return 0.0
    # Pareto filter first: WFG on the front only
    keep = np.ones(len(p), bool)
    for i in range(len(p)):
        if keep[i]:
            dominated = np.all(p[i] <= p, axis=1) & np.any(p[i] < p, axis=1)
            keep &= ~dominated
    return float(WFG().compute(p[keep], r))


def quartiles(xs):
    return {"median": float(np.percentile(xs, 50)), "q25": float(np.percentile(xs, 25)),
            "q75": float(np.percentile(xs, 75))}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", type=int, default=10)
    parser.add_argument("--at", default="100,300,1000")
    parser.add_argument("--cap", type=float, default=60)
    args = parser.parse_args()
    ats = [int(a) for a in args.at.split(",")]
    for pname, objective, m, reference in PROBLEMS:
        constrained = pname == "c2dtlz2"
        for sname in ["nsga2", "motpe", "random"]:
            hv = [[] for _ in ats]
            feasible = [[] for _ in ats]
            cost = [[] for _ in ats]
            reached = []
            last_cost = []
            for seed in range(args.seeds):
                study = optuna.create_study(directions=["minimize"] * m,
                                            sampler=make_sampler(sname, seed, constrained))
                values, feas, times = [], [], []
                start = time.perf_counter()
                while len(values) < ats[-1] and time.perf_counter() - start < args.cap:
                    t0 = time.perf_counter()
                    trial = study.ask()
                    f, c = objective(trial)
                    if c is not None:
                        trial.set_user_attr("c", c)
                    study.tell(trial, f)
                    times.append(time.perf_counter() - t0)
                    values.append(f)
                    feas.append(c is None or all(ci <= 0 for ci in c))
                reached.append(len(values))
                tail = times[-100:]
                last_cost.append(1000 * sum(tail) / max(1, len(tail)))
                for k, at in enumerate(ats):
                    if len(values) >= at:
                        pts = [v for v, ok in zip(values[:at], feas[:at]) if ok]
                        hv[k].append(hypervolume(pts, reference))
                        feasible[k].append(sum(feas[:at]) / at)
                        cost[k].append(1000 * sum(times[at - 100:at]) / 100)
                print("[optuna] %s %s seed %d: %d trials" % (pname, sname, seed, len(values)), file=sys.stderr,
                      flush=True)
            # the cost of the last (up to) 100 trials each study reached, for studies their cap stopped early
            print(json.dumps(dict(system="optuna", problem=pname, sampler=sname, at=-1, metric="cost_at_reach",
                                  reached_min=min(reached), reached_max=max(reached),
                                  ms_per_trial=quartiles(last_cost))), flush=True)
            for k, at in enumerate(ats):
                row = dict(system="optuna", problem=pname, sampler=sname, at=at, seeds=len(hv[k]),
                           reached_min=min(reached))
                if hv[k]:
                    row.update(hv=quartiles(hv[k]), feasible=quartiles(feasible[k]), ms_per_trial=quartiles(cost[k]))
                print(json.dumps(row), flush=True)


if __name__ == "__main__":
    main()
