#!/usr/bin/env python3
"""The objective of the conditional search space example: a Hydra-style script that takes its
overrides (model=vit model.patch_size=16 optimizer.lr=0.003) and prints a validation loss last.

A smooth stand-in for training, so that the example runs in milliseconds: vit is the better model
at its best patch size (16), resnet is best at depth 50, and the learning rate is best near 3e-3.
A trial must receive the parameters of the model it chose, and only those.
"""
import math
import sys

config = {"model": "resnet", "optimizer.lr": "0.001"}
for arg in sys.argv[1:]:
    key, sep, value = arg.lstrip("+").partition("=")
    if not sep:
        sys.exit(f"objective.py: expected key=value overrides, got {arg!r}")
    config[key] = value

model = config["model"]
own = {"resnet": "model.depth", "vit": "model.patch_size"}
if own[model] not in config or any(k in config for m, k in own.items() if m != model):
    sys.exit(f"objective.py: a {model} trial must get {own[model]} and no other model's parameter: {config}")

lr_penalty = 0.35 * (math.log10(float(config["optimizer.lr"])) - math.log10(3e-3)) ** 2
if model == "vit":
    loss = 0.20 + 0.08 * abs(math.log2(int(config["model.patch_size"]) / 16))
else:
    loss = 0.30 + 0.05 * abs(math.log2(int(config["model.depth"]) / 50))
print(f"{model} {config}")
print(f"{loss + lr_penalty:.6f}")
