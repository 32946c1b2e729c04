"""The objective of the scikit-learn example: the stratified k-fold cross-validated log-loss of a
tree ensemble on the Breast Cancer Wisconsin (Diagnostic) data set, which scikit-learn ships
(UCI, CC BY 4.0; no download). app.py, the @hydra.main app, returns it; Osprey's benchmarks
(benchmarks/python/workload.py) call the same function from Optuna and from Osprey's samplers.
"""
import time

from sklearn.datasets import load_breast_cancer
from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
from sklearn.model_selection import StratifiedKFold, cross_val_score

_DATA = load_breast_cancer(return_X_y=True)

# each model family's hyperparameters, as its scikit-learn class names them
FAMILIES = {
    "gbdt": (GradientBoostingClassifier,
             ("n_estimators", "learning_rate", "max_depth", "subsample", "min_samples_leaf")),
    "rf": (RandomForestClassifier, ("n_estimators", "max_depth", "max_features", "min_samples_leaf")),
}


def model(family, params, seed):
    """The scikit-learn estimator of a family, with its hyperparameters from params (other keys ignored)."""
    if family not in FAMILIES:
        raise ValueError(f"model must be one of {sorted(FAMILIES)}, got {family!r}")
    cls, names = FAMILIES[family]
    missing = [n for n in names if n not in params]
    if missing:
        raise ValueError(f"model {family} needs {missing}")
    return cls(random_state=seed, **{n: params[n] for n in names})


def cross_validated_log_loss(family, params, folds, seed):
    """The mean log-loss over stratified folds (shuffled by seed); the model is seeded by seed too."""
    splits = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    x, y = _DATA
    scores = cross_val_score(model(family, params, seed), x, y, cv=splits, scoring="neg_log_loss")
    return float(-scores.mean())


def timed(family, params, folds, seed):
    """cross_validated_log_loss and the seconds it took."""
    start = time.perf_counter()
    value = cross_validated_log_loss(family, params, folds, seed)
    return value, time.perf_counter() - start
