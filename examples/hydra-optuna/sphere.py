"""A Hydra app tuned by hydra-optuna-sweeper, exactly as such a project is written: the search is
declared in conf/config.yaml (hydra.sweeper), and the task function returns its objective.

    python sphere.py -m                          # Hydra + hydra-optuna-sweeper
    osprey run -m -- python3 sphere.py           # Osprey, with the same files unchanged
"""
import hydra
from omegaconf import DictConfig


@hydra.main(version_base=None, config_path="conf", config_name="config")
def sphere(cfg: DictConfig) -> float:
    x: float = cfg.x
    y: float = cfg.y
    return x ** 2 + y ** 2


if __name__ == "__main__":
    sphere()
