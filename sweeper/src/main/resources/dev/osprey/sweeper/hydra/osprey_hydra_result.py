"""Osprey's Hydra callback: hands a @hydra.main task function's return value to Osprey.

Hydra's decorated main() returns nothing, so the value a task function returns is only seen by
callbacks. Osprey adds this one to each trial's command line
(++hydra.callbacks.osprey_result._target_=osprey_hydra_result.ResultWriter), with this file's
folder first on PYTHONPATH; the app itself is not changed. On the job's end it writes:

* a returned number (int, float, bool, a numpy or 0-d tensor value, a numeric string) or a list
  or tuple of them as one line to $OSPREY_RESULT_FILE, non-finite values as nan/inf/-inf;
* for a returned value that is no number, or an exception the task raised, one line saying why
  to $OSPREY_FAILURE_FILE (for an exception, Python's own last line: "ValueError: boom");
* nothing when the task returned None: the app may print its objective instead.

Both files are written atomically. Needs Hydra 1.1 or newer (the callback API).
"""
import math
import os
import traceback

from hydra.core.utils import JobStatus
from hydra.experimental.callback import Callback


def _number(value):
    x = float(value)
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return repr(x)


def _write(variable, text):
    path = os.environ.get(variable)
    if not path:
        return
    temporary = path + ".tmp"
    with open(temporary, "w", encoding="utf-8") as out:
        out.write(text + "\n")
    os.replace(temporary, path)


class ResultWriter(Callback):
    def on_job_end(self, config, job_return, **kwargs):
        value = job_return._return_value
        if job_return.status != JobStatus.COMPLETED:
            if isinstance(value, BaseException):
                reason = traceback.format_exception_only(type(value), value)[-1].strip()
                _write("OSPREY_FAILURE_FILE", " ".join(reason.split()))
            return
        if value is None:
            return
        try:
            values = value if isinstance(value, (list, tuple)) else [value]
            if not values:
                raise ValueError("empty")
            line = " ".join(_number(v) for v in values)
        except (TypeError, ValueError):
            shown = " ".join(repr(value).split())
            if len(shown) > 200:
                shown = shown[:197] + "..."
            _write("OSPREY_FAILURE_FILE", "the task function returned " + shown
                   + ", which is not a number or a list of numbers")
            return
        _write("OSPREY_RESULT_FILE", line)
