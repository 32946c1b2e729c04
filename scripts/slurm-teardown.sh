#!/usr/bin/env bash
# Stops the private Slurm cluster that scripts/slurm-single-node.sh started: cancels its jobs,
# then stops slurmd, slurmctld and munged by their pid files, waiting until each has really
# ended (a zombie left by a non-reaping PID 1 counts as ended). Safe to run when nothing runs.
#
# Settings (environment): SLURM_TEST_DIR (default /tmp/osprey-slurm), SLURM_TEARDOWN_KEEP=1 keeps
# the directory (logs, state) instead of removing it.
set -uo pipefail

dir=${SLURM_TEST_DIR:-/tmp/osprey-slurm}
conf="$dir/etc/slurm.conf"

alive() { local s; s=$(ps -o stat= -p "$1" 2>/dev/null) && [ -n "$s" ] && [ "${s#Z}" = "$s" ]; }

# stop NAME PIDFILE: SIGTERM, then SIGKILL if it is still there after 10 s
stop() {
  local name=$1 pidfile=$2 pid i
  [ -f "$pidfile" ] || return 0
  pid=$(cat "$pidfile" 2>/dev/null)
  case "$pid" in ''|*[!0-9]*) rm -f "$pidfile"; return 0 ;; esac
  # the pid file may be stale and the number reused: only signal the daemon it names
  if alive "$pid" && [ "$(ps -o comm= -p "$pid" 2>/dev/null)" = "$name" ]; then
    kill -TERM "$pid" 2>/dev/null
    for i in $(seq 1 100); do
      alive "$pid" || break
      sleep 0.1
    done
    if alive "$pid"; then
      echo "slurm-teardown: $name ($pid) ignored SIGTERM for 10 s; sending SIGKILL" >&2
      kill -KILL "$pid" 2>/dev/null
    fi
  fi
  rm -f "$pidfile"
}

if [ -f "$conf" ] && [ -f "$dir/run/slurmctld.pid" ] && alive "$(cat "$dir/run/slurmctld.pid")"; then
  SLURM_CONF="$conf" timeout 10 scancel --quiet --user="$(id -un)" 2>/dev/null || true
fi
stop slurmd "$dir/run/slurmd.pid"
stop slurmctld "$dir/run/slurmctld.pid"
stop munged "$dir/run/munged.pid"
if [ "${SLURM_TEARDOWN_KEEP:-0}" != 1 ] && [ -f "$conf" ]; then
  rm -rf "$dir"
fi
echo "slurm-teardown: stopped ($dir)"
