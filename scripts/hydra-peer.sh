#!/usr/bin/env bash
# A runnable Hydra 1.3.2 (with the hydra-optuna-sweeper plugin) for Osprey's tests and benchmarks,
# made from the vendored copy at ../shared/vendor/hydra-1.3.2 beside the project: that copy ships
# the override grammar but not the parser generated from it, so this copies it to a scratch folder
# and generates the parser there with the ANTLR 4.9.3 tool (from Maven Central), the version that
# Hydra 1.3.2 was released with. It runs on the system Python with Debian's python3-omegaconf,
# python3-antlr4 and python3-optuna.
#
#   scripts/hydra-peer.sh            # idempotent; writes $OSPREY_HYDRA_DIR/env.sh
#   . /tmp/osprey-hydra/env.sh       # OSPREY_HYDRA_PYTHON, OSPREY_HYDRA_PYTHONPATH
#
# Settings (environment): OSPREY_HYDRA_DIR (default /tmp/osprey-hydra), OSPREY_HYDRA_VENDOR (default
# ../shared/vendor/hydra-1.3.2 relative to the project), OSPREY_HYDRA_PYTHON (default /usr/bin/python3).
# Exits 1 with one line saying what is missing when Hydra cannot be made runnable here.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${OSPREY_HYDRA_DIR:-/tmp/osprey-hydra}
vendor=${OSPREY_HYDRA_VENDOR:-$root/../shared/vendor/hydra-1.3.2}
python=${OSPREY_HYDRA_PYTHON:-/usr/bin/python3}
antlr_version=4.9.3

fail() { echo "hydra-peer: $*" >&2; exit 1; }

[ -d "$vendor/hydra" ] || fail "no vendored Hydra at $vendor"
[ -x "$python" ] || fail "no Python at $python"
"$python" -c 'import omegaconf, antlr4, optuna' 2>/dev/null \
  || fail "$python lacks omegaconf, antlr4 or optuna (apt-get install python3-omegaconf python3-antlr4 python3-optuna)"

peer="$dir/hydra-1.3.2"
gen="$peer/hydra/grammar/gen"
if [ ! -f "$gen/OverrideParser.py" ] || [ "$vendor/hydra/grammar/OverrideParser.g4" -nt "$gen/OverrideParser.py" ]; then
  . "$root/bin/jdk-env"
  jar="$HOME/.m2/repository/org/antlr/antlr4/$antlr_version/antlr4-$antlr_version-complete.jar"
  if [ ! -f "$jar" ]; then
    mvn -q -B dependency:get -Dartifact="org.antlr:antlr4:$antlr_version:jar:complete" -Dtransitive=false >/dev/null \
      || fail "cannot download the ANTLR $antlr_version tool (org.antlr:antlr4:$antlr_version:jar:complete)"
  fi
  rm -rf "$peer.tmp"
  mkdir -p "$dir"
  cp -r "$vendor" "$peer.tmp"
  (cd "$peer.tmp/hydra/grammar" \
    && "$JAVA_HOME/bin/java" -jar "$jar" -Dlanguage=Python3 -o gen -Xexact-output-dir -visitor \
         OverrideLexer.g4 OverrideParser.g4) || fail "ANTLR could not generate Hydra's override parser"
  rm -rf "$peer"
  mv "$peer.tmp" "$peer"
fi

PYTHONPATH="$peer" "$python" -c 'import hydra, hydra.core.override_parser.overrides_parser as p; p.OverridesParser.create()' \
  2>/dev/null || fail "the Hydra at $peer does not import"
cat >"$dir/env.sh" <<EOF
export OSPREY_HYDRA_PYTHON=$python
export OSPREY_HYDRA_PYTHONPATH=$peer
EOF
echo "hydra-peer: Hydra 1.3.2 at $peer, run with PYTHONPATH=$peer $python"
