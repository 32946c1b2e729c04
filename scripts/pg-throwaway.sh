#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for Osprey's tests: private data directory under /tmp, private
# port, loopback only, fsync off, one role and database with a password.
#
#   scripts/pg-throwaway.sh start   # idempotent; writes $OSPREY_PG_DIR/env.sh
#   . /tmp/osprey-pg/env.sh         # OSPREY_TEST_PG_URL, OSPREY_TEST_PG_USER, OSPREY_TEST_PG_PASSWORD
#   scripts/pg-throwaway.sh halt    # stops the server and keeps its data and env.sh: 'start' brings it back as it was
#   scripts/pg-throwaway.sh stop    # stops the server this script started (its pid file) and removes the directory
#
# Settings (environment): OSPREY_PG_DIR (default /tmp/osprey-pg), OSPREY_PG_PORT (default 55432),
# OSPREY_PG_BIN (the PostgreSQL bin directory; default: the newest /usr/lib/postgresql/*/bin, else PATH).
# Run as root, initdb and pg_ctl run as the user postgres (initdb refuses root); otherwise as the caller.
set -euo pipefail

dir=${OSPREY_PG_DIR:-/tmp/osprey-pg}
port=${OSPREY_PG_PORT:-55432}
data="$dir/data"
env_file="$dir/env.sh"
db=osprey
role=osprey

find_bin() {
  if [ -n "${OSPREY_PG_BIN:-}" ]; then echo "$OSPREY_PG_BIN"; return; fi
  local best
  best=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$best" ] && [ -x "$best/initdb" ]; then echo "$best"; return; fi
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return; fi
  echo "pg-throwaway: no PostgreSQL found (set OSPREY_PG_BIN, or install postgresql)" >&2
  exit 1
}

as_owner() {
  # runs a command as the owner of the cluster: postgres when we are root, else ourselves
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

running() {
  [ -f "$data/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1
}

psql_admin() {
  as_owner "$bin/psql" -X -q -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"
}

start() {
  if running && [ -f "$env_file" ]; then
    echo "pg-throwaway: already running on 127.0.0.1:$port ($data); env in $env_file"
    return
  fi
  mkdir -p "$dir"
  chmod 700 "$dir"
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$dir"; fi
  if [ ! -f "$data/PG_VERSION" ]; then
    as_owner "$bin/initdb" -D "$data" -U postgres -E UTF8 --locale=C.UTF-8 --auth-local=trust \
      --auth-host=scram-sha-256 --no-sync >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
  fi
  if ! running; then
    as_owner "$bin/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >/dev/null || { tail -n 20 "$dir/server.log" >&2; exit 1; }
  fi
  local password=""
  if [ -f "$env_file" ]; then
    # a halted server comes back with the same password, so that its clients reconnect
    password=$(sed -n "s/^export OSPREY_TEST_PG_PASSWORD='\(.*\)'\$/\1/p" "$env_file")
  fi
  if [ -z "$password" ]; then
    password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
  fi
  if [ "$(psql_admin -tA -c "SELECT 1 FROM pg_roles WHERE rolname = '$role'")" = "1" ]; then
    psql_admin -c "ALTER ROLE $role LOGIN PASSWORD '$password'"
  else
    psql_admin -c "CREATE ROLE $role LOGIN PASSWORD '$password'"
  fi
  if [ "$(psql_admin -tA -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" != "1" ]; then
    psql_admin -c "CREATE DATABASE $db OWNER $role"
  fi
  umask 077
  cat >"$env_file" <<ENV
export OSPREY_TEST_PG_URL='jdbc:postgresql://127.0.0.1:$port/$db'
export OSPREY_TEST_PG_USER='$role'
export OSPREY_TEST_PG_PASSWORD='$password'
ENV
  echo "pg-throwaway: PostgreSQL on 127.0.0.1:$port ($data); env in $env_file"
}

halt() {
  if [ -f "$data/postmaster.pid" ]; then
    as_owner "$bin/pg_ctl" -D "$data" -m fast -w -t 60 stop >/dev/null
  fi
  echo "pg-throwaway: halted (data kept in $data)"
}

stop() {
  if [ -f "$data/postmaster.pid" ]; then
    # pg_ctl stops the postmaster named by this data directory's pid file, and no other
    as_owner "$bin/pg_ctl" -D "$data" -m fast -w -t 60 stop >/dev/null || true
  fi
  if [ -d "$dir" ] && [ -f "$data/PG_VERSION" -o -f "$env_file" ]; then
    rm -rf "$dir"
  fi
  echo "pg-throwaway: stopped"
}

bin=$(find_bin)
case "${1:-}" in
  start) start ;;
  halt) halt ;;
  stop) stop ;;
  *) echo "usage: $0 start|halt|stop" >&2; exit 2 ;;
esac
