"""Optuna's side of the storage suite, on SQLite (a temporary file) and PostgreSQL.

Part A (`storage.py a --ns 100,1000,3000 --cap 90 [--postgres]`): the cost of the n-th trial, as in
overhead.py but on a database: each sampler's study is grown trial by trial until the largest n or
the cap; where the grown study hit the cap, every n above 100 is also measured `prefilled` (n-100
random COMPLETE trials through add_trials, then 100 timed trials; each part capped). Every study gets
a fresh SQLite file or PostgreSQL schema.

Part B (`storage.py b [--samplers random,tpe] --workers 1,2,4 --trials 500 [--postgres]`): W worker processes
(storage_worker.py) on one study created beforehand, TOTAL trials in all; wall time from the first
worker's start to the last worker's exit; then the trials in the database are checked against what
the workers say they told. Every round gets a fresh SQLite file or PostgreSQL schema.

PostgreSQL comes from OSPREY_TEST_PG_URL (jdbc:postgresql://host:port/db), OSPREY_TEST_PG_USER and
OSPREY_TEST_PG_PASSWORD. Prints one JSON row per line on stdout; progress goes to stderr.
"""
import argparse
import collections
import gc
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from urllib.parse import quote

import optuna

import overhead

SAMPLERS = ["random", "tpe"]


class Postgres:
    def __init__(self):
        url = os.environ["OSPREY_TEST_PG_URL"]
        m = re.match(r"jdbc:postgresql://([^:/?]+)(?::(\d+))?/([^?]+)", url)
        if not m:
            raise SystemExit("cannot read OSPREY_TEST_PG_URL (%s)" % url)
        self.host, self.port, self.db = m.group(1), int(m.group(2) or 5432), m.group(3)
        self.user = os.environ.get("OSPREY_TEST_PG_USER", "")
        self.password = os.environ.get("OSPREY_TEST_PG_PASSWORD", "")

    def admin(self, sql):
        import psycopg2
        conn = psycopg2.connect(host=self.host, port=self.port, dbname=self.db, user=self.user,
                                password=self.password)
        try:
            conn.autocommit = True
            with conn.cursor() as cur:
                cur.execute("SET lock_timeout = '20s'")
                cur.execute(sql)
        finally:
            conn.close()

    def url(self, schema):
        return "postgresql+psycopg2://%s:%s@%s:%d/%s?options=-csearch_path%%3D%s" % (
            quote(self.user, safe=""), quote(self.password, safe=""), self.host, self.port, self.db, schema)


class Fresh:
    """Fresh storage URLs (a SQLite file in a new temporary directory, or a new PostgreSQL schema), removed on exit."""

    def __init__(self, kind, pg):
        self.kind, self.pg, self.dirs, self.schemas = kind, pg, [], []

    def __enter__(self):
        return self

    def url(self):
        if self.kind == "sqlite":
            d = tempfile.mkdtemp(prefix="osprey-bench-sqlite-")
            self.dirs.append(d)
            return "sqlite:///" + os.path.join(d, "optuna.db")
        schema = "bench_optuna_%d_%s" % (os.getpid(), uuid.uuid4().hex[:8])
        self.pg.admin("CREATE SCHEMA " + schema)
        self.schemas.append(schema)
        return self.pg.url(schema)

    def new_study(self, sampler):
        return optuna.create_study(storage=self.url(), sampler=overhead.make_sampler(sampler))

    def __exit__(self, *exc):
        gc.collect()  # closes the studies' pooled connections before their schemas are dropped
        for schema in self.schemas:
            try:
                self.pg.admin("DROP SCHEMA IF EXISTS %s CASCADE" % schema)
            except Exception as e:  # a leftover schema must not lose the measurements
                print("[optuna] could not drop schema %s: %s" % (schema, e), file=sys.stderr, flush=True)
        for d in self.dirs:
            shutil.rmtree(d, ignore_errors=True)
        return False


def part_a(ns, cap, kinds, pg):
    for kind in kinds:
        for sampler in SAMPLERS:
            with Fresh(kind, pg) as fresh:
                reached = overhead.grown(sampler, ns, cap, fresh.new_study, kind)
            if reached < max(ns):
                for n in ns:
                    if n > overhead.WINDOW:
                        with Fresh(kind, pg) as fresh:
                            overhead.prefilled(sampler, n, cap, new_study=fresh.new_study, storage=kind)


def read_told(path):
    """The (number, value) pairs a worker wrote, its ready time, and its error line if it failed or wrote nothing."""
    pairs, error, done, ready = [], None, False, None
    try:
        with open(path) as f:
            for line in f:
                line = line.strip()
                if line == "# done":
                    done = True
                elif line.startswith("# error"):
                    error = line[2:]
                elif line.startswith("# ready "):
                    ready = float(line[len("# ready "):])
                elif line:
                    number, value = line.split()
                    pairs.append((int(number), float(value)))
    except OSError as e:
        error = "no output (%s)" % e
    if error is None and not done:
        error = "ended without finishing its output"
    return pairs, error, ready


def shared_round(kind, sampler, workers, total, url, timeout):
    name = "bench-%s-%s-w%d" % (kind, sampler, workers)
    optuna.create_study(study_name=name, storage=url, sampler=overhead.make_sampler(sampler))
    tmp = tempfile.mkdtemp(prefix="osprey-bench-told-")
    worker = os.path.join(os.path.dirname(os.path.abspath(__file__)), "storage_worker.py")
    env = dict(os.environ, OSPREY_BENCH_OPTUNA_STORAGE=url)
    outs = [os.path.join(tmp, "worker-%d.txt" % i) for i in range(workers)]
    errors = []
    start = time.perf_counter()
    procs = [subprocess.Popen([sys.executable, "-B", worker, name, sampler, str(total), outs[i], str(i)], env=env,
                              stdout=subprocess.DEVNULL) for i in range(workers)]
    for i, p in enumerate(procs):
        try:
            p.wait(timeout=max(0.1, start + timeout - time.perf_counter()))
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
            errors.append("worker %d timed out after %d s" % (i, timeout))
    wall = time.perf_counter() - start
    told, ready = [], []
    for i, (p, out) in enumerate(zip(procs, outs)):
        pairs, error, ready_s = read_told(out)
        told.extend(pairs)
        if ready_s is not None:
            ready.append(ready_s)
        if error and not any(e.startswith("worker %d " % i) for e in errors):
            errors.append("worker %d (exit %s): %s" % (i, p.returncode, error))
    shutil.rmtree(tmp, ignore_errors=True)
    trials = optuna.load_study(study_name=name, storage=url).get_trials(deepcopy=False)
    r = analyse(kind, sampler, workers, total, wall, trials, told, errors)
    if ready:
        r["ready_s"] = sum(ready) / len(ready)
    return r


def analyse(kind, sampler, workers, total, wall, trials, told, errors):
    numbers = [t.number for t in trials]
    distinct = set(numbers)
    complete = {t.number: t.value for t in trials if t.state == optuna.trial.TrialState.COMPLETE}
    lost = sum(1 for number, value in told if complete.get(number) != value)
    doubled = (len(told) - len({number for number, _ in told})) + (len(numbers) - len(distinct))
    states = collections.Counter(t.state.name for t in trials)
    starts = [t.datetime_start for t in trials if t.datetime_start]
    ends = [t.datetime_complete for t in trials if t.datetime_complete]
    span = (max(ends) - min(starts)).total_seconds() if starts and ends else None
    return dict(system="optuna", storage=kind, sampler=sampler, workers=workers, method="processes",
                metric="trials_per_s", median=total / wall, wall_s=wall, budget=total, trials=len(trials),
                distinct=len(distinct), sequential=distinct == set(range(len(distinct))) and len(trials) > 0,
                states=", ".join("%s %d" % kv for kv in sorted(states.items())) or "none",
                told=len(told), lost=lost, doubled=doubled, errors="; ".join(errors) or "none",
                db_span_s=span)


def part_b(samplers, workers, total, kinds, pg, timeout):
    for kind in kinds:
        for sampler in samplers:
            for w in workers:
                with Fresh(kind, pg) as fresh:
                    r = shared_round(kind, sampler, w, total, fresh.url(), timeout)
                print(json.dumps(r), flush=True)
                print("[optuna] %s %s W=%d: %.1f trials/s, %d in DB, lost %d, doubled %d, errors: %s" % (
                    kind, sampler, w, r["median"], r["trials"], r["lost"], r["doubled"], r["errors"]),
                    file=sys.stderr, flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("part", choices=["a", "b"])
    parser.add_argument("--ns", default="100,1000,3000")
    parser.add_argument("--cap", type=float, default=90)
    parser.add_argument("--samplers", default=",".join(SAMPLERS))
    parser.add_argument("--workers", default="1,2,4")
    parser.add_argument("--trials", type=int, default=500)
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("--postgres", action="store_true")
    args = parser.parse_args()
    pg = Postgres() if args.postgres else None
    kinds = ["sqlite"] + (["postgres"] if pg else [])
    if args.part == "a":
        part_a([int(n) for n in args.ns.split(",")], args.cap, kinds, pg)
    else:
        part_b(args.samplers.split(","), [int(w) for w in args.workers.split(",")], args.trials, kinds, pg,
               args.timeout)


if __name__ == "__main__":
    main()
