"""Optuna 3.1's Parzen estimator on fixed observations: the golden values of ParzenEstimatorGoldenTest.

Prints, for each case, its distributions, observations and evaluation points, then the
estimator's mixture weights, each numeric dimension's kernel centres and bandwidths, each
categorical dimension's kernel probabilities, and the log density at the points, as
`repr` floats (exact round trips). Exits with status 3 unless Optuna 3.1 is importable.
"""
import sys

try:
    import numpy as np
    import optuna
    from optuna import distributions as od
    from optuna.samplers._tpe.parzen_estimator import _ParzenEstimator
    from optuna.samplers._tpe.parzen_estimator import _ParzenEstimatorParameters
    from optuna.samplers._tpe.sampler import default_weights
except ImportError as e:
    print("optuna not importable: %s" % e, file=sys.stderr)
    sys.exit(3)
if not optuna.__version__.startswith("3.1."):
    print("Optuna 3.1 needed, found %s" % optuna.__version__, file=sys.stderr)
    sys.exit(3)

RNG = np.random.RandomState(7)
OBS = [1.0, -2.5, 7.3, 3.3, 9.9, 0.2, 5.5]
CASES = [
    # name, endpoints, magic clip, multivariate, [(kind, spec, observations, points)]
    ("float", False, True, False, [("float", (-5.0, 10.0, None, False), OBS, [-5.0, -4.0, 0.0, 2.6, 9.99, 10.0])]),
    ("float_endpoints_noclip", True, False, False, [("float", (-5.0, 10.0, None, False), OBS, [-4.0, 0.0, 2.6, 9.0])]),
    ("float_one", False, True, False, [("float", (-5.0, 10.0, None, False), [8.0], [-4.0, 2.5, 8.0])]),
    ("float_none", False, True, False, [("float", (-5.0, 10.0, None, False), [], [-4.0, 2.5, 8.0])]),
    ("float_ramp", False, True, False,
     [("float", (0.0, 1.0, None, False), [float(v) for v in RNG.uniform(0, 1, 30)], [0.05, 0.3, 0.5, 0.77, 0.99])]),
    ("log_float", False, True, False,
     [("float", (1e-3, 10.0, None, True), [0.01, 0.2, 3.0, 5.0], [1e-3, 0.004, 0.1, 1.0, 9.5])]),
    ("stepped_float", False, True, False,
     [("float", (0.0, 1.0, 0.1, False), [0.1, 0.5, 0.5, 0.9, 0.3], [0.0, 0.1, 0.4, 0.5, 1.0])]),
    ("int", False, True, False, [("int", (1, 8, 1, False), [1, 3, 3, 8, 5, 2], [1, 2, 4, 6, 8])]),
    ("int_step", False, True, False, [("int", (0, 20, 4, False), [4, 8, 8, 20], [0, 4, 12, 20])]),
    ("log_int", False, True, False, [("int", (16, 512, 1, True), [16, 32, 100, 512, 64], [16, 17, 50, 300, 512])]),
    ("categorical", False, True, False, [("cat", 4, [0, 2, 2, 3, 1], [0, 1, 2, 3])]),
    ("multivariate", False, True, True, [
        ("float", (-5.0, 10.0, None, False), [1.0, -2.5, 7.3, 3.3, 9.9, 0.2], [-4.0, 0.0, 2.6, 9.0]),
        ("int", (16, 512, 1, True), [16, 32, 100, 512, 64, 20], [16, 50, 300, 512]),
        ("cat", 3, [0, 2, 2, 1, 0, 2], [0, 1, 2, 2]),
    ]),
    ("univariate_joint", False, True, False, [
        ("float", (1e-3, 10.0, None, True), [0.01, 0.2, 3.0, 5.0], [0.004, 0.1, 1.0, 9.5]),
        ("float", (0.0, 1.0, 0.1, False), [0.1, 0.5, 0.9, 0.3], [0.0, 0.4, 0.5, 1.0]),
    ]),
]


def distribution(kind, spec):
    if kind == "float":
        low, high, step, log = spec
        return od.FloatDistribution(low, high, log=log, step=step)
    if kind == "int":
        low, high, step, log = spec
        return od.IntDistribution(low, high, log=log, step=step)
    return od.CategoricalDistribution(list(range(spec)))


def line(*parts):
    print(" ".join(repr(float(p)) if isinstance(p, (float, np.floating)) else str(p) for p in parts))


def main():
    for name, endpoints, clip, multivariate, dims in CASES:
        line("case", name)
        line("options", int(endpoints), int(clip), int(multivariate))
        space, observations, points = {}, {}, {}
        for d, (kind, spec, obs, pts) in enumerate(dims):
            key = "p%d" % d
            space[key] = distribution(kind, spec)
            if kind == "cat":
                line("dim", "cat", spec)
            else:
                low, high, step, log = spec
                line("dim", kind, float(low), float(high), float(step) if step is not None else 0.0, int(log))
            line("obs", *[float(v) for v in obs])
            line("points", *[float(v) for v in pts])
            observations[key] = np.asarray(obs, dtype=float)
            points[key] = np.asarray(pts, dtype=int if kind == "cat" else float)
        params = _ParzenEstimatorParameters(True, 1.0, clip, endpoints, default_weights, multivariate)
        pe = _ParzenEstimator(observations, space, params)
        line("weights", *pe._weights)
        for d, (kind, _, _, _) in enumerate(dims):
            key = "p%d" % d
            if kind == "cat":
                w = pe._categorical_weights[key]
                line("catweights", d, w.shape[0], w.shape[1], *w.ravel())
            else:
                line("mus", d, *pe._mus[key])
                line("sigmas", d, *pe._sigmas[key])
        line("logpdf", *pe.log_pdf(points))
        line("end")


if __name__ == "__main__":
    main()
