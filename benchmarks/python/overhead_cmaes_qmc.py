"""Optuna's side of the overhead suite's CMA-ES and QMC rows: overhead.py's protocol (grown, then
prefilled for the sizes not reached) with Optuna 3.1's CmaEsSampler(seed=0) and QMCSampler(seed=0).
Usage: overhead_cmaes_qmc.py --ns 100,1000,3000,10000 --cap 120
"""
import argparse
import warnings

import optuna

import overhead

warnings.filterwarnings("ignore")
optuna.logging.set_verbosity(optuna.logging.ERROR)


def make_sampler(name):
    if name == "cmaes":
        return optuna.samplers.CmaEsSampler(seed=0)
    if name == "qmc":
        return optuna.samplers.QMCSampler(seed=0)
    raise ValueError("unknown sampler " + name)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ns", default="100,1000,3000,10000")
    parser.add_argument("--cap", type=float, default=120)
    args = parser.parse_args()
    ns = [int(n) for n in args.ns.split(",")]
    overhead.make_sampler = make_sampler  # the protocol's functions build their studies through it
    for sampler in ["cmaes", "qmc"]:
        reached = overhead.grown(sampler, ns, args.cap)
        for n in ns:
            if n > reached:
                overhead.prefilled(sampler, n, args.cap)


if __name__ == "__main__":
    main()
