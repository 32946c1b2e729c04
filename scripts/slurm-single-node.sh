#!/usr/bin/env bash
# A private single-node Slurm cluster for Osprey's tests: its own munged (own key and socket),
# slurmctld and slurmd for the node "localhost", everything under one directory. Nothing is
# written to /etc/slurm or /etc/munge, and the packaged services are not used.
#
#   scripts/slurm-single-node.sh        # start (idempotent); waits until the node is idle
#   . /tmp/osprey-slurm/env.sh          # exports SLURM_CONF for sbatch, squeue, scontrol, ...
#   scripts/slurm-teardown.sh           # cancels the jobs and stops the daemons
#
# Settings (environment): SLURM_TEST_DIR (default /tmp/osprey-slurm), SLURMCTLD_PORT (6817),
# SLURMD_PORT (6818), SLURM_PROCTRACK (linuxproc; pgid works too, cgroup does not without a
# mounted freezer cgroup), SLURM_START_TIMEOUT_S (30).
# Needs: munge, slurmctld, slurmd, slurm-client; run as root (the daemons switch users).
set -euo pipefail

dir=${SLURM_TEST_DIR:-/tmp/osprey-slurm}
ctld_port=${SLURMCTLD_PORT:-6817}
slurmd_port=${SLURMD_PORT:-6818}
proctrack=${SLURM_PROCTRACK:-linuxproc}
timeout_s=${SLURM_START_TIMEOUT_S:-30}
conf="$dir/etc/slurm.conf"
socket="$dir/munge/munge.socket"

die() { echo "slurm-single-node: $*" >&2; exit 1; }

# PID 1 may not reap orphans: a zombie still answers kill -0, so look at the process state.
alive() { local s; s=$(ps -o stat= -p "$1" 2>/dev/null) && [ -n "$s" ] && [ "${s#Z}" = "$s" ]; }
pid_alive() { [ -f "$1" ] && alive "$(cat "$1")"; }

port_busy() {
  # ss lists listening TCP sockets; the port is busy when any local address uses it
  ss -Hltn 2>/dev/null | awk -v p=":$1" '{ n = split($4, a, ":"); if (":" a[n] == p) found = 1 } END { exit !found }'
}

node_state() { SLURM_CONF="$conf" sinfo -h -n localhost -o %T 2>/dev/null | head -n 1; }

write_env() {
  umask 022
  cat >"$dir/env.sh" <<ENV
export SLURM_CONF='$conf'
ENV
}

wait_idle() {
  local deadline=$((SECONDS + timeout_s)) state=""
  while [ "$SECONDS" -lt "$deadline" ]; do
    state=$(node_state || true)
    case "$state" in
      idle|mixed|allocated) return 0 ;;
      drain*|down*) SLURM_CONF="$conf" scontrol update NodeName=localhost State=RESUME >/dev/null 2>&1 || true ;;
    esac
    sleep 0.1
  done
  echo "slurm-single-node: the node did not become idle within ${timeout_s}s (state: '${state:-unknown}')." >&2
  echo "  slurmctld log: $dir/log/slurmctld.log; slurmd log: $dir/log/slurmd.log" >&2
  tail -n 15 "$dir/log/slurmd.log" "$dir/log/slurmctld.log" >&2 2>/dev/null || true
  exit 1
}

for cmd in munged mungekey slurmctld slurmd sinfo scontrol; do
  command -v "$cmd" >/dev/null 2>&1 \
    || die "'$cmd' not found; install with: apt-get install --no-install-recommends slurmctld slurmd slurm-client munge"
done
[ "$(id -u)" -eq 0 ] || die "run as root (slurmd and a private munged need it)"

# already running: only make sure env.sh is there and the node is usable
if pid_alive "$dir/run/munged.pid" && pid_alive "$dir/run/slurmctld.pid" && pid_alive "$dir/run/slurmd.pid"; then
  write_env
  wait_idle
  echo "slurm-single-node: already running (node $(node_state)); env in $dir/env.sh"
  exit 0
fi

# a partial start (one daemon died) is cleaned up first, so that the ports and pid files are free
if [ -f "$dir/run/munged.pid" ] || [ -f "$dir/run/slurmctld.pid" ] || [ -f "$dir/run/slurmd.pid" ]; then
  echo "slurm-single-node: a previous start in $dir is incomplete; stopping what is left" >&2
  SLURM_TEST_DIR="$dir" bash "$(dirname "$0")/slurm-teardown.sh" >/dev/null
fi

for port in "$ctld_port" "$slurmd_port"; do
  if port_busy "$port"; then
    die "port $port is in use (another Slurm?); choose free ports with SLURMCTLD_PORT and SLURMD_PORT"
  fi
done

umask 022
mkdir -p "$dir"/{etc,munge,run,log,state,spool/localhost}
# munged demands o+x on every directory above its socket, and a private key file
chmod 755 "$dir" "$dir/munge"
if [ ! -f "$dir/munge/munge.key" ]; then
  mungekey --create --keyfile="$dir/munge/munge.key" --bits=1024 >/dev/null 2>&1 \
    || dd if=/dev/urandom of="$dir/munge/munge.key" bs=1 count=1024 2>/dev/null
fi
chmod 600 "$dir/munge/munge.key"

munged --socket="$socket" --key-file="$dir/munge/munge.key" --pid-file="$dir/run/munged.pid" \
  --log-file="$dir/log/munged.log" --seed-file="$dir/munge/munged.seed" --force \
  || die "munged did not start; see $dir/log/munged.log"

cpus=$(nproc)
memory=$(slurmd -C 2>/dev/null | awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^RealMemory=/) { sub(/RealMemory=/, "", $i); print $i } }')
memory=${memory:-1024}

cat >"$conf" <<CONF
# written by scripts/slurm-single-node.sh
ClusterName=osprey-test
SlurmctldHost=localhost(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$socket
ProctrackType=proctrack/$proctrack
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
MpiDefault=none
MailProg=/bin/true
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerParameters=batch_sched_delay=0
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/filetxt
JobCompLoc=$dir/log/jobcomp.txt
MinJobAge=600
KillWait=5
ReturnToService=2
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool/%n
SlurmctldPidFile=$dir/run/slurmctld.pid
SlurmdPidFile=$dir/run/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF

export SLURM_CONF="$conf"
slurmctld -i || die "slurmctld did not start; see $dir/log/slurmctld.log"
slurmd -N localhost || die "slurmd did not start; see $dir/log/slurmd.log"
write_env
wait_idle
echo "slurm-single-node: node localhost idle ($cpus CPUs, ${memory} MB); env in $dir/env.sh"
