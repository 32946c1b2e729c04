"""A real @hydra.main app: trains a scikit-learn tree ensemble, chosen by the config group model/
(gbdt or rf, each with its own hyperparameters), and returns its cross-validated log-loss.

    python3 app.py                               # Hydra alone: one run with the defaults
    python3 app.py model=rf model.max_depth=6    # another model
    osprey run -m -- python3 app.py              # Osprey sweeps it unchanged (conf/config.yaml)
"""
import hydra
from omegaconf import DictConfig, OmegaConf

import objective


@hydra.main(version_base=None, config_path="conf", config_name="config")
def train(cfg: DictConfig) -> float:
    params = OmegaConf.to_container(cfg.model, resolve=True)
    loss = objective.cross_validated_log_loss(cfg.model.name, params, cfg.cv.folds, cfg.cv.seed)
    print(f"{cfg.model.name} cross-validated log-loss {loss:.6f}")
    return loss


if __name__ == "__main__":
    train()
