#!/usr/bin/env bash
# A throwaway PostgreSQL for tests, benchmarks and local clusters: trust auth, loopback only, fsync off.
#   tools/postgres-test-server.sh start [DIR]  -> creates DIR (default: a new temp dir), starts the server on a
#                                                 free loopback port, prints its Npgsql connection string
#                                                 (also written to DIR/connection-string)
#   tools/postgres-test-server.sh stop DIR     -> stops the server and deletes DIR
# As root the server runs as the `postgres` user (PostgreSQL refuses root; created if missing) and DIR is owned by it; as anyone
# else it runs as the current user. PG_BIN overrides where initdb/pg_ctl are found.
set -euo pipefail

pg_bin() {
  if [ -n "${PG_BIN:-}" ]; then echo "$PG_BIN"; return; fi
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [ -n "$dir" ]; then echo "$dir"; return; fi
  if command -v pg_config >/dev/null; then pg_config --bindir; return; fi
  echo "postgres-test-server: no PostgreSQL binaries (set PG_BIN)" >&2
  exit 1
}

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start() {
  local dir=${1:-$(mktemp -d -t attune-pg-XXXXXX)}
  local bin port
  bin=$(pg_bin)
  mkdir -p "$dir"
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres # binaries unpacked without the package
    chown postgres: "$dir"
  fi
  chmod 700 "$dir"
  as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-sync >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  for _ in 1 2 3; do
    port=$(free_port)
    if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400" \
        >/dev/null; then
      local connection="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
      echo "$connection" >"$dir/connection-string"
      echo "$dir" >"$dir/dir"
      echo "$connection"
      return
    fi
  done
  cat "$dir/server.log" >&2
  exit 1
}

stop() {
  local dir=${1:?usage: postgres-test-server.sh stop DIR}
  if [ -d "$dir/data" ]; then
    as_owner "$(pg_bin)/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) start "${2:-}" ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: $0 start [DIR] | stop DIR" >&2; exit 2 ;;
esac
