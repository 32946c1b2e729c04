#!/bin/sh
# A CPU-bound job that uses the CPUs its scheduler gave it and reports a time per unit of work.
# Run by: osprey run -m -cp examples/resources/conf -cn benchmark osprey/launcher=slurm \
#             'osprey.launcher.cpus_per_task=1,2' 'workload.size=100000,200000' -- sh examples/resources/work.sh {overrides}
cpus=${SLURM_CPUS_PER_TASK:-1}
size=200000
for arg in "$@"; do
  case "$arg" in workload.size=*) size=${arg#workload.size=} ;; esac
done
echo "cpus=$cpus size=$size"
start=$(date +%s%N)
i=0
while [ "$i" -lt "$cpus" ]; do
  awk -v n="$((size / cpus))" 'BEGIN { s = 0; for (k = 0; k < n; k++) s += sqrt(k); print s > "/dev/null" }' &
  i=$((i + 1))
done
wait
end=$(date +%s%N)
# the objective: milliseconds per 100,000 units of work
awk -v t="$(( (end - start) / 1000000 ))" -v n="$size" 'BEGIN { printf "%.3f\n", t * 100000 / n }'
