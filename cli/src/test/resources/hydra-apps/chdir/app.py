import os

import hydra
from hydra.core.hydra_config import HydraConfig


@hydra.main(version_base="1.3", config_path="conf", config_name="config")
def main(cfg):
    with open("written-by-the-app.txt", "w") as out:
        out.write(os.getcwd())
    assert os.getcwd() == HydraConfig.get().runtime.output_dir, "Hydra changed into its output folder"
    return cfg.x


if __name__ == "__main__":
    main()
