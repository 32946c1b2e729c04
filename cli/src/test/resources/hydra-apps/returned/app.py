import hydra


@hydra.main(version_base="1.3", config_path="conf", config_name="train")
def train(cfg):
    if cfg.lr > 0.5:
        raise ValueError(f"lr {cfg.lr} diverges")
    if cfg.model == "none":
        return {"loss": 1.0}
    return (cfg.lr - 0.1) ** 2 + (0.0 if cfg.model == "vit" else 0.05)


if __name__ == "__main__":
    train()
