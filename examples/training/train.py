#!/usr/bin/env python3
"""A training script in the shape of a Hydra app: it takes Hydra-style overrides
(optimizer.lr=0.01 model=vit training.epochs=30) and prints its validation loss last.

The "training" is a smooth stand-in for a real model, so that the example runs in
milliseconds: the loss depends on the learning rate (best near 3e-3 for adam, 5e-2
for sgd), the model (vit needs more epochs) and the number of epochs. It reports an
intermediate loss every 10 epochs as 'osprey:report EPOCH LOSS', which pruners use.
"""
import math
import sys

config = {
    "optimizer.name": "adam", "optimizer.lr": 0.001,
    "model.name": "resnet", "training.epochs": 20,
}
for arg in sys.argv[1:]:
    key, sep, value = arg.lstrip("+").partition("=")
    if not sep:
        sys.exit(f"train.py: expected key=value overrides, got {arg!r}")
    if key in ("optimizer", "model"):          # a config-group choice selects its option
        config[key + ".name"] = value
    else:
        config[key] = value

lr = float(config["optimizer.lr"])
epochs = int(config["training.epochs"])
optimizer = config["optimizer.name"]
model = config["model.name"]
if lr <= 0:
    sys.exit(f"train.py: optimizer.lr must be positive, got {lr}")

best_log_lr = {"adam": math.log10(3e-3), "sgd": math.log10(5e-2)}[optimizer]
floor = {"resnet": 0.30, "vit": 0.22}[model]
speed = {"resnet": 0.12, "vit": 0.06}[model]
lr_penalty = 0.35 * (math.log10(lr) - best_log_lr) ** 2

loss = None
for epoch in range(1, epochs + 1):
    loss = floor + lr_penalty + 1.5 * math.exp(-speed * epoch) + 0.0004 * epoch
    if epoch % 10 == 0:
        print(f"osprey:report {epoch} {loss:.6f}", flush=True)

print(f"model={model} optimizer={optimizer} lr={lr:.3g} epochs={epochs}")
print(f"{loss:.6f}")
