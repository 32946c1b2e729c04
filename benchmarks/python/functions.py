"""The quality suite's test functions (all minimised), as baselines/README.md defines them.

Each objective suggests its parameters in the listed order. Run this file to check the
reference values.
"""
import math

BRANIN_MIN = 5.0 / (4.0 * math.pi)


def branin(x0, x1):
    b = 5.1 / (4 * math.pi ** 2)
    c = 5 / math.pi
    t = 1 / (8 * math.pi)
    return (x1 - b * x0 * x0 + c * x0 - 6) ** 2 + 10 * (1 - t) * math.cos(x0) + 10


def rosenbrock(xs):
    return sum(100 * (xs[i + 1] - xs[i] ** 2) ** 2 + (xs[i] - 1) ** 2 for i in range(len(xs) - 1))


_OPT = {"sgd": (-1.5, 0.15), "adam": (-3.0, 0.0), "rmsprop": (-3.5, 0.05)}


def synthetic_train(lr, n_layers, units, optimizer, dropout):
    u_star, base = _OPT[optimizer]
    u = math.log10(lr)
    v = math.log(units) / math.log(2)
    d_star = 0.2 * (n_layers / 4.0) * (v / 7.0)
    penalty = max(0.0, u + 2.5 + 0.125 * n_layers)
    return (base + 0.5 * (u - u_star) ** 2 + 0.08 * (n_layers - 4) ** 2 + 0.1 * (v - 7) ** 2
            + 2.0 * (dropout - d_star) ** 2 + 0.3 * penalty * penalty)


def branin_objective(trial):
    x0 = trial.suggest_float("x0", -5, 10)
    x1 = trial.suggest_float("x1", 0, 15)
    return branin(x0, x1)


def rosenbrock5_objective(trial):
    return rosenbrock([trial.suggest_float("x%d" % i, -5, 10) for i in range(5)])


def synthetic_train_objective(trial):
    lr = trial.suggest_float("lr", 1e-5, 1e-1, log=True)
    n_layers = trial.suggest_int("n_layers", 1, 8)
    units = trial.suggest_int("units", 16, 512, log=True)
    optimizer = trial.suggest_categorical("optimizer", ["sgd", "adam", "rmsprop"])
    dropout = trial.suggest_float("dropout", 0, 0.5)
    return synthetic_train(lr, n_layers, units, optimizer, dropout)


def linspace(low, high, n):
    """n evenly spaced values, both ends included (as numpy.linspace)."""
    step = (high - low) / (n - 1)
    return [high if i == n - 1 else low + i * step for i in range(n)]


BRANIN_GRID = {"x0": linspace(-5, 10, 10), "x1": linspace(0, 15, 10)}

# (name, known optimum, objective, grid or None), in report order
FUNCTIONS = [
    ("branin", BRANIN_MIN, branin_objective, BRANIN_GRID),
    ("rosenbrock5", 0.0, rosenbrock5_objective, None),
    ("synthetic_train", 0.0, synthetic_train_objective, None),
]

if __name__ == "__main__":
    assert branin(math.pi, 2.275) == 0.39788735772973816, branin(math.pi, 2.275)
    assert rosenbrock([0, 0, 0, 0, 0]) == 4
    assert synthetic_train(1e-2, 2, 64, "sgd", 0) == 0.8784438775510203, synthetic_train(1e-2, 2, 64, "sgd", 0)
    print("check values ok")
