#!/bin/sh
# Osprey's job wrapper for queued launchers (task-spooler, Slurm).
#
#   sh osprey-job.sh [--cwd DIR] JOBDIR PROGRAM [ARGS...]
#
# Runs PROGRAM with its arguments exactly as given ("$@": no value passes through a shell) in
# DIR (by default JOBDIR), with stdout in JOBDIR/stdout.log and stderr in JOBDIR/stderr.log, then
# decides the job's result by the rules of Osprey's ProgramOutcome (the awk programs
# osprey-job.awk and osprey-job-json.awk next to this script in JOBDIR/.osprey) and writes it
# atomically to JOBDIR/result.json. The job's files are always in JOBDIR, whatever DIR is. The rules:
#   * exit code 130 (SIGINT, Ctrl-C) cancels the job as interrupted;
#   * the program may write why it failed to failure.txt (OSPREY_FAILURE_FILE): its last
#     non-empty line, stripped and cut to 300 characters, is the REASON;
#   * another non-zero exit fails the job, with "REASON (exited with code N)" or else
#     "exited with code N", then the tail of stderr;
#   * an exit code 0 with a REASON fails the job with the REASON alone, whatever it reported;
#   * otherwise objective.txt, if the program wrote it, must hold a line of numbers, or JSON:
#     [VALUES] or {"values": [VALUES] | {NAME: VALUE, ...}, "constraints": {NAME: VALUE |
#     {"value": V, "limit": L} | {"value": V, "at_least": L}, ...}}, its constraints joining
#     (and winning over) those on stdout;
#   * else the last stdout line made only of numbers (separated by spaces or commas) is the
#     objective; "osprey:report STEP VALUE" lines are intermediate values, not objectives;
#   * "osprey:objective NAME VALUE" lines on stdout are named objectives (unless objective.txt
#     holds the objective), "osprey:constraint NAME VALUE [<= LIMIT | >= LIMIT]" lines constraints,
#     stored as VALUE-LIMIT (resp. LIMIT-VALUE); a malformed one, or NaN or an infinity in one,
#     fails the job;
#   * NaN, an infinity or no number at all fail the job.
# A DIR that cannot be entered fails the job without running PROGRAM.
# The wrapper exits non-zero whenever the job did not complete (the program's own code if it was
# non-zero, else 1), so that the scheduler's view of the job agrees with result.json.

usage() {
    echo "osprey-job: usage: sh osprey-job.sh [--cwd DIR] JOBDIR PROGRAM [ARGS...]" >&2
    exit 2
}
workdir=
if [ "$1" = "--cwd" ]; then
    [ "$#" -ge 2 ] || usage
    workdir=$2
    shift 2
fi
[ "$#" -ge 2 ] || usage
dir=$1
shift
if ! cd "$dir" 2>/dev/null; then
    echo "osprey-job: cannot enter the job directory '$dir' on $(hostname 2>/dev/null);" \
        "it must be on a file system this machine shares with the one that submitted the job" >&2
    exit 2
fi
# absolute: the program runs in its working directory, and its output still goes here
dir=$(pwd)
# A job Slurm requeued (scontrol requeue, preemption, a node failure) runs again from the start:
# what its killed run left must not pass for this run's result. The program sees how many times
# it was restarted, so that it can resume from what it saved in the job directory.
if [ "${SLURM_RESTART_COUNT:-0}" -gt 0 ] 2>/dev/null; then
    rm -f result.json objective.txt failure.txt
    OSPREY_RESTART_COUNT=$SLURM_RESTART_COUNT
    export OSPREY_RESTART_COUNT
fi

now_ms() {
    t=$(date +%s%N 2>/dev/null)
    case $t in
        ''|*[!0-9]*) echo $(( $(date +%s) * 1000 )) ;;
        *) echo $(( t / 1000000 )) ;;
    esac
}

# A working directory the program cannot run in, or nothing; a relative program path and PATH
# entries are looked up from there.
cannot_enter=
if [ -n "$workdir" ] && ! cd "$workdir" 2>/dev/null; then
    cannot_enter=$workdir
fi

# Why the program cannot be started at all, or nothing: then it is not run and has no exit code.
cannot_run=
[ -z "$cannot_enter" ] && case $1 in
    */*)
        if [ ! -e "$1" ]; then
            cannot_run="no such file"
        elif [ -d "$1" ] || [ ! -x "$1" ]; then
            cannot_run="not an executable file"
        fi
        ;;
    *)
        command -v "$1" >/dev/null 2>&1 || cannot_run="not found on PATH ($PATH)"
        ;;
esac

start=$(now_ms)
if [ -n "$cannot_enter$cannot_run" ]; then
    : >"$dir/stdout.log"
    : >"$dir/stderr.log"
    code=
else
    # The wrapper outlives its program, so that the scheduler counts the job as running (and its
    # slot as taken) for as long as the program runs. A stop signal reaches the program straight
    # from the scheduler (tsp -k signals the job's process group, scancel every job process); the
    # wrapper notes it and waits on. SIGUSR1 and SIGUSR2, which sbatch --signal=B:USR1@SECONDS sends
    # to the batch script alone before a time limit, are passed on to the program to checkpoint.
    "$@" >"$dir/stdout.log" 2>"$dir/stderr.log" </dev/null &
    child=$!
    trap 'signalled=1' TERM INT HUP
    trap 'signalled=1; kill -USR1 "$child" 2>/dev/null' USR1
    trap 'signalled=1; kill -USR2 "$child" 2>/dev/null' USR2
    while :; do
        signalled=
        wait "$child"
        code=$?
        [ -n "$signalled" ] || break
    done
    trap - TERM INT HUP USR1 USR2
fi
duration=$(( $(now_ms) - start ))
# back to the job directory, where the job's files are read and written
if ! cd "$dir"; then
    echo "osprey-job: cannot enter the job directory '$dir' again to write its result" >&2
    exit 3
fi

tmp="result.json.tmp.$$"
OSPREY_JOB_PROGRAM=$1 OSPREY_JOB_CANNOT_RUN=$cannot_run OSPREY_JOB_CANNOT_ENTER=$cannot_enter \
    OSPREY_JOB_HOST=$(hostname 2>/dev/null) LC_ALL=C \
    awk -v code="$code" -v duration="$duration" \
    -v number="${OSPREY_JOB_NUM:-}" -v has_objective="$([ -e objective.txt ] && echo 1)" \
    -v has_failure="$([ -e failure.txt ] && echo 1)" \
    -f "$dir/.osprey/osprey-job.awk" -f "$dir/.osprey/osprey-job-json.awk" >"$tmp"
completed=$?
# result.json must be valid UTF-8 even when stderr was not: drop what is not
if command -v iconv >/dev/null 2>&1; then
    iconv -c -f UTF-8 -t UTF-8 <"$tmp" >"$tmp.utf8" 2>/dev/null
    mv -f "$tmp.utf8" "$tmp"
fi
if ! mv -f "$tmp" result.json; then
    echo "osprey-job: cannot write $dir/result.json" >&2
    exit 3
fi

if [ -n "$code" ] && [ "$code" -ne 0 ]; then
    exit "$code"
fi
if [ -n "$cannot_run" ]; then
    exit 127
fi
if [ "$completed" -ne 0 ]; then
    exit 1
fi
exit 0
