"""A hydra-optuna-sweeper project, run unchanged by the `hydra` benchmark suite.

`python branin.py -m` sweeps it with Hydra and the Optuna sweeper; `osprey run -m -- python
branin.py` sweeps the same project with Osprey, which reads the `hydra.sweeper` node itself.
The task function sleeps a fixed time (`work_s`), as a training step would, then returns the
Branin function at (x, y) (global minimum 0.397887). So that the suite can tell the app's own time
from what the sweeper adds, it writes `task.json` into Hydra's output folder of the job: the wall
clock at the task function's start and end, its own duration and the value it returned, and the
process's id and the clock when this script began (before Hydra is imported), which tell a job that
is a process of its own from jobs that share one.
"""
import time

LOADED = time.time()  # first, so that it is close to the process's start

import json  # noqa: E402
import math  # noqa: E402
import os  # noqa: E402

import hydra  # noqa: E402
from hydra.core.hydra_config import HydraConfig  # noqa: E402
from omegaconf import DictConfig  # noqa: E402


def branin(x: float, y: float) -> float:
    b = 5.1 / (4 * math.pi ** 2)
    c = 5 / math.pi
    t = 1 / (8 * math.pi)
    return (y - b * x ** 2 + c * x - 6) ** 2 + 10 * (1 - t) * math.cos(x) + 10


@hydra.main(version_base=None, config_path="conf", config_name="config")
def main(cfg: DictConfig) -> float:
    started = time.time()
    clock = time.perf_counter()
    time.sleep(cfg.work_s)
    value = branin(cfg.x, cfg.y)
    seconds = time.perf_counter() - clock
    ended = time.time()
    record = {"start": started, "end": ended, "seconds": seconds, "value": value, "x": cfg.x, "y": cfg.y,
              "pid": os.getpid(), "loaded": LOADED}
    with open(os.path.join(HydraConfig.get().runtime.output_dir, "task.json"), "w", encoding="utf-8") as out:
        json.dump(record, out)
    return value


if __name__ == "__main__":
    main()
