import logging

import hydra

log = logging.getLogger(__name__)


@hydra.main(version_base="1.3", config_path="conf", config_name="config")
def sphere(cfg):
    log.info("evaluating x=%s y=%s", cfg.x, cfg.y)
    return cfg.x ** 2 + cfg.y ** 2


if __name__ == "__main__":
    sphere()
