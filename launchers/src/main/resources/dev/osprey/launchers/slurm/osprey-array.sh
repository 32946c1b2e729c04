#!/bin/sh
# Osprey's batch script for a Slurm job array:
#
#   sh osprey-array.sh ARRAYDIR
#
# Array task K runs the job that ARRAYDIR/K.task describes: it exports the job's variables and
# runs the job wrapper (osprey-job.sh, in the job's own directory) with the job's arguments, as a
# job submitted alone would run. The file holds a header line, then the wrapper's path, the
# number of variables and each as NAME=VALUE, the number of arguments and each argument; every
# value is written as its number of lines followed by those lines, so a value may hold newlines.
# Values are read with 'read -r' and passed on as single words: the shell never evaluates them.

fail() {
    echo "osprey-array: task ${SLURM_ARRAY_TASK_ID:-?} of array ${SLURM_ARRAY_JOB_ID:-?}: $*" >&2
    exit 2
}
[ "$#" -eq 1 ] || fail "usage: sh osprey-array.sh ARRAYDIR"
[ -n "${SLURM_ARRAY_TASK_ID:-}" ] || fail "SLURM_ARRAY_TASK_ID is not set: this script runs as a Slurm array task"
task="$1/$SLURM_ARRAY_TASK_ID.task"
# (no redirection of stderr on exec: it would stay redirected for the rest of the script)
[ -r "$task" ] || fail "cannot read '$task'; the array's directory must be on a file system shared with the node"
exec 3<"$task"

# One value into $value: its number of lines, then the lines.
value() {
    IFS= read -r lines <&3 || return 1
    case $lines in ''|*[!0-9]*) return 1 ;; esac
    value=
    k=0
    while [ "$k" -lt "$lines" ]; do
        IFS= read -r line <&3 || return 1
        if [ "$k" -eq 0 ]; then value=$line; else value="$value
$line"; fi
        k=$((k + 1))
    done
}
count() {
    IFS= read -r n <&3 || return 1
    case $n in ''|*[!0-9]*) return 1 ;; esac
}

IFS= read -r header <&3
[ "$header" = "osprey-array-task 1" ] || fail "'$task' is not an Osprey array task file"
value || fail "'$task' is cut short (the wrapper)"
wrapper=$value
count || fail "'$task' is cut short (the variables)"
i=0
variables=$n
while [ "$i" -lt "$variables" ]; do
    value || fail "'$task' is cut short (variable $i)"
    export "$value" || fail "'$task' holds a variable Slurm's shell cannot set"
    i=$((i + 1))
done
count || fail "'$task' is cut short (the arguments)"
set --
i=0
arguments=$n
while [ "$i" -lt "$arguments" ]; do
    value || fail "'$task' is cut short (argument $i)"
    set -- "$@" "$value"
    i=$((i + 1))
done
exec 3<&-
exec sh "$wrapper" "$@"
