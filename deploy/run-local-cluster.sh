#!/usr/bin/env bash
# The docker-compose topology as plain processes on this machine: a throwaway PostgreSQL (initdb/pg_ctl in a temp
# dir, via tools/postgres-test-server.sh), three silos and one gateway of a Release build, sharing one data dir.
#   deploy/run-local-cluster.sh [DATA_DIR]      (default: a new temp dir; Ctrl-C stops everything)
# Endpoints: gateway http://127.0.0.1:5080, silos http://127.0.0.1:5081-5083 (override with ATTUNE_BASE_PORT).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
data_dir=${1:-$(mktemp -d -t attune-local-XXXXXX)}
base_port=${ATTUNE_BASE_PORT:-5080}
pg_dir=$(mktemp -d -u -t attune-local-pg-XXXXXX)
pids=()

cleanup() {
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  "$root/tools/postgres-test-server.sh" stop "$pg_dir"
  echo "stopped; data kept in $data_dir"
}
trap cleanup EXIT INT TERM

dotnet build -c Release "$root/src/Attune.Server/Attune.Server.csproj" -v quiet -nologo >/dev/null
server="$root/src/Attune.Server/bin/Release/net10.0/Attune.Server.dll"
cluster=$("$root/tools/postgres-test-server.sh" start "$pg_dir")
mkdir -p "$data_dir/logs"
echo "PostgreSQL: $cluster"

start() { # name role http-port [silo-port gateway-port]
  local name=$1 role=$2 port=$3
  # --insecure: loopback only, unsigned requests welcome; drop it and pass --access-keys FILE to try sigv4.
  dotnet "$server" --urls "http://127.0.0.1:$port" --data-dir "$data_dir" --cluster "$cluster" --role "$role" --insecure \
    --advertised-address 127.0.0.1 --silo-name "$name" ${4:+--silo-port "$4"} ${5:+--gateway-port "$5"} \
    >"$data_dir/logs/$name.log" 2>&1 &
  pids+=($!)
}

wait_healthy() { # port name
  for _ in $(seq 1 300); do
    if curl -fsS "http://127.0.0.1:$1/health/ready" >/dev/null 2>&1; then echo "$2 ready on http://127.0.0.1:$1"; return; fi
    sleep 0.2
  done
  echo "$2 did not start; see $data_dir/logs/$2.log" >&2
  exit 1
}

# The first silo applies the schema and founds the cluster; the others join it.
start silo1 silo $((base_port + 1)) 11111 30000
wait_healthy $((base_port + 1)) silo1
start silo2 silo $((base_port + 2)) 11112 30001
start silo3 silo $((base_port + 3)) 11113 30002
start gateway gateway "$base_port"
wait_healthy $((base_port + 2)) silo2
wait_healthy $((base_port + 3)) silo3
wait_healthy "$base_port" gateway
echo "cluster up: data $data_dir, logs $data_dir/logs; Ctrl-C to stop"
wait
