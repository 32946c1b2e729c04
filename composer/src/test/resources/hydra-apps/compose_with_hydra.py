"""Composes the cases of cases.yaml with the real Hydra (its compose API) and prints JSON.

Usage: python compose_with_hydra.py <apps dir> <cases.yaml>. Output: one JSON object mapping each
case name to {"config": <the whole config, hydra node included, unresolved>, "choices": {...}} or
to {"error": <message>, "type": <exception class>}.
"""
import json
import os
import sys
from enum import Enum

import yaml
from hydra import compose, initialize_config_dir
from omegaconf import OmegaConf


def plain(value):
    if isinstance(value, Enum):
        return value.name
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def run_case(apps, case):
    conf = os.path.abspath(os.path.join(apps, case["app"], "conf"))
    with initialize_config_dir(version_base="1.3", config_dir=conf, job_name="app"):
        try:
            cfg = compose(config_name=case.get("config", "config"), overrides=case.get("overrides", []), return_hydra_config=True)
        except Exception as error:  # the message is what is compared
            return {"error": str(error), "type": type(error).__name__}
        choices = OmegaConf.to_container(cfg.hydra.runtime.choices)
        return {"config": OmegaConf.to_container(cfg, resolve=False), "choices": choices}


def main():
    apps, cases_file = sys.argv[1], sys.argv[2]
    with open(cases_file) as f:
        cases = yaml.safe_load(f)["cases"]
    out = {case["name"]: run_case(apps, case) for case in cases}
    json.dump(out, sys.stdout, default=plain)


if __name__ == "__main__":
    main()
