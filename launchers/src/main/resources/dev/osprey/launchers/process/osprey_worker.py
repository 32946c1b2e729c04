"""Osprey's Python worker: runs many jobs of a Python program in one interpreter.

Starting Python and importing a framework such as Hydra costs about half a second, paid again by
every job that runs as a fresh process. The process launcher with python_workers=true starts this
script once per slot instead (python -u osprey_worker.py) and sends it one job at a time. Each job's
script runs with runpy.run_path, as `python script.py` would run it (fresh globals, run as
__main__), while the modules it imports stay loaded for the next job.

Protocol: one JSON request per line on stdin,
    {"dir": JOB_DIR, "cwd": WORKING_DIR, "argv": [SCRIPT, ARG...], "env": {NAME: VALUE...}}
and one JSON answer per job on stdout, {"exit": CODE}. The channel uses private copies of the
original stdin and stdout: while a job runs, fd 0 is /dev/null, fds 1 and 2 are the job's
stdout.log and stderr.log, so what C extensions and child processes write lands there too.

Exit codes follow a Python process's: SystemExit's code (None is 0, a message is printed and is 1),
an uncaught exception prints Python's traceback and is 1, KeyboardInterrupt is 130.

A @hydra.main app run with hydra.mode=RUN composes its config once per job instead of twice (see
_hydra_run_mode_shortcut). Between jobs the worker puts back what a job may change: the environment, the working directory,
sys.argv, sys.path, the root logger, the warnings filters, the signal handlers, and Hydra's global
state (GlobalHydra), so that the next @hydra.main app initialises Hydra anew. When its stdin ends
(the driver is gone) the worker exits, stopping the job it runs, if any.
"""
import json
import os
import signal
import sys
import threading
import traceback

_PROTOCOL_IN = os.fdopen(os.dup(0), "r", encoding="utf-8", newline="\n")
_PROTOCOL_OUT = os.fdopen(os.dup(1), "w", encoding="utf-8", newline="\n")
_QUIET_ERR = os.dup(2)  # the worker's own stderr, for between jobs
_NULL = os.open(os.devnull, os.O_RDWR)
os.dup2(_NULL, 0)
os.dup2(_NULL, 1)

_WORKER_FILE = os.path.abspath(__file__)
_RUNPY = os.path.join(os.path.dirname(os.__file__), "runpy.py")
_SIGNALS = [s for s in (signal.SIGINT, signal.SIGTERM, getattr(signal, "SIGHUP", None),
                        getattr(signal, "SIGUSR1", None), getattr(signal, "SIGUSR2", None),
                        getattr(signal, "SIGALRM", None), getattr(signal, "SIGCHLD", None)) if s is not None]


class _State:
    """What a job may change in this interpreter and the worker puts back after it."""

    def __init__(self):
        import logging
        import warnings
        self.environ = dict(os.environ)
        self.cwd = os.getcwd()
        self.argv = list(sys.argv)
        self.path = [p for p in sys.path if os.path.abspath(p or ".") != os.path.dirname(_WORKER_FILE)]
        root = logging.getLogger()
        self.root_handlers = list(root.handlers)
        self.root_level = root.level
        self.warnings = list(warnings.filters)
        self.handlers = {s: signal.getsignal(s) for s in _SIGNALS}

    def restore(self):
        import logging
        import warnings
        _clear_hydra()
        os.environ.clear()
        os.environ.update(self.environ)
        try:
            os.chdir(self.cwd)
        except OSError:
            os.chdir("/")
        sys.argv[:] = self.argv
        sys.path[:] = self.path
        root = logging.getLogger()
        for handler in list(root.handlers):
            if handler not in self.root_handlers:
                root.removeHandler(handler)
                try:
                    handler.close()
                except Exception:
                    pass
        root.setLevel(self.root_level)
        logging.disable(logging.NOTSET)
        warnings.filters[:] = self.warnings
        mutated = getattr(warnings, "_filters_mutated", None)
        if mutated is not None:
            mutated()
        for s, handler in self.handlers.items():
            try:
                signal.signal(s, handler)
            except (TypeError, ValueError, OSError):
                pass
        if hasattr(signal, "alarm"):
            signal.alarm(0)


def _clear_hydra():
    """Hydra refuses to initialise twice in one process: clear its global state when it was imported."""
    if "hydra" not in sys.modules:
        return
    try:
        from hydra.core.global_hydra import GlobalHydra
        GlobalHydra.instance().clear()
    except Exception:
        pass


def _hydra_run_mode_shortcut():
    """Saves a @hydra.main app one of its two config compositions per run, once Hydra is imported.

    Before it runs, @hydra.main composes the whole config only to read hydra.mode (Hydra.get_mode),
    then composes it again to run. When the command line sets hydra.mode=RUN, as Osprey's trials
    of a Hydra app do, the answer is known: RUN, since an override wins. With any other mode
    override, or none, Hydra's own get_mode runs. Nothing else changes: a config that does not
    compose fails in the composition that follows, with the same error.
    """
    module = sys.modules.get("hydra._internal.hydra")
    if module is None or getattr(module.Hydra.get_mode, "osprey_shortcut", False):
        return
    try:
        from hydra.types import RunMode
    except Exception:
        return
    original = module.Hydra.get_mode

    def get_mode(self, config_name, overrides):
        modes = [o for o in overrides if o.lstrip("+~").split("=", 1)[0] == "hydra.mode"]
        if modes == ["hydra.mode=RUN"]:
            return RunMode.RUN
        return original(self, config_name, overrides)

    get_mode.osprey_shortcut = True
    module.Hydra.get_mode = get_mode


_LIBC = []


def _flush_c_stdio():
    """Flushes what C code buffered with stdio, so that it lands in this job's files, not the next one's."""
    try:
        if not _LIBC:
            import ctypes
            _LIBC.append(ctypes.CDLL(None))
        _LIBC[0].fflush(None)
    except Exception:
        pass


def _exit_code(code):
    """The exit status a Python process gets from SystemExit(code)."""
    if code is None:
        return 0
    if isinstance(code, bool):
        return int(code)
    if isinstance(code, int):
        return code & 0xFF
    try:
        sys.stderr.write(str(code) + "\n")
    except Exception:
        pass
    return 1


def _is_ours(filename):
    """Whether a frame is the worker's or runpy's, which a job's traceback leaves out."""
    return filename in ("<frozen runpy>", _RUNPY) or os.path.abspath(filename) == _WORKER_FILE


def _print_traceback(error):
    """Python's own report of an uncaught exception, without the worker's frames."""
    tb = error.__traceback__
    while tb is not None and _is_ours(tb.tb_frame.f_code.co_filename):
        tb = tb.tb_next
    traceback.print_exception(type(error), error, tb)


def _open_log(directory, name):
    return os.open(os.path.join(directory, name), os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)


def _run(request, state):
    import runpy
    argv = [str(a) for a in request["argv"]]
    out = _open_log(request["dir"], "stdout.log")
    err = _open_log(request["dir"], "stderr.log")
    sys.stdout.flush()
    sys.stderr.flush()
    os.dup2(out, 1)
    os.dup2(err, 2)
    os.close(out)
    os.close(err)
    sys.stdout.reconfigure(line_buffering=True)
    sys.stderr.reconfigure(line_buffering=True)
    code = 0
    try:
        os.environ.clear()
        os.environ.update(request["env"])
        os.chdir(request["cwd"])
        script = argv[0]
        sys.argv[:] = argv
        sys.path[:] = [os.path.dirname(os.path.realpath(script))] + state.path
        _hydra_run_mode_shortcut()
        runpy.run_path(script, run_name="__main__")
    except SystemExit as e:
        code = _exit_code(e.code)
    except KeyboardInterrupt:
        code = 130
    except BaseException as e:  # a job's failure is its exit code, never the worker's end
        try:
            _print_traceback(e)
        except Exception:
            pass
        code = 1
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:
                pass
        _flush_c_stdio()
        os.dup2(_NULL, 1)
        os.dup2(_QUIET_ERR, 2)
        try:
            state.restore()
        except Exception:
            traceback.print_exc()
    return code


class _Requests:
    """Reads requests in a thread of its own, so that a driver that goes away mid-job ends the job."""

    def __init__(self):
        self.lines = []
        self.ready = threading.Condition()
        self.busy = False
        threading.Thread(target=self._read, name="osprey-worker-requests", daemon=True).start()

    def _read(self):
        for line in _PROTOCOL_IN:
            with self.ready:
                self.lines.append(line)
                self.ready.notify()
        with self.ready:
            self.lines.append(None)
            self.ready.notify()
            if self.busy:
                # the driver died while a job runs: stop the job and what it started, as a driver's kill would
                try:
                    if os.getpgid(0) == os.getpid():
                        os.killpg(os.getpid(), signal.SIGTERM)
                    else:
                        os.kill(os.getpid(), signal.SIGTERM)
                except OSError:
                    os._exit(143)

    def next(self):
        with self.ready:
            while not self.lines:
                self.ready.wait()
            line = self.lines.pop(0)
            self.busy = line is not None
            return line

    def done(self):
        with self.ready:
            self.busy = False


def main():
    state = _State()
    requests = _Requests()
    while True:
        line = requests.next()
        if line is None:
            return
        if not line.strip():
            requests.done()
            continue
        try:
            code = _run(json.loads(line), state)
        except Exception as e:  # a request this worker cannot read: say so, and answer as a failed job
            sys.stderr.write("osprey worker: bad request: %s\n" % e)
            code = 1
        requests.done()
        _PROTOCOL_OUT.write(json.dumps({"exit": code}) + "\n")
        _PROTOCOL_OUT.flush()


if __name__ == "__main__":
    main()
