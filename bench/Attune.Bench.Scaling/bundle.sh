#!/usr/bin/env bash
# Builds the scaling bench as a self-contained bundle for a Linux x64 host without the .NET SDK (a 16-core machine for
# the scale-out figures):
#   bench/Attune.Bench.Scaling/bundle.sh [OUT]        (default: artifacts/scaling-bundle, plus OUT.tar.gz beside it)
# OUT holds the server and the bench (self-contained, linux-x64), tools/postgres-test-server.sh, the ml-100k dataset
# and run.sh. On the host:
#   tar xzf scaling-bundle.tar.gz && scaling-bundle/run.sh [--silos 1,2,4,8] [--gateways 1] [...]   (run.sh --help)
# The host needs PostgreSQL's binaries (initdb and pg_ctl under /usr/lib/postgresql/*/bin, or PG_BIN) and python3;
# run as root, PostgreSQL runs as a `postgres` user (created if missing). Results land in OUT/results/.
# ATTUNE_DATA_ROOT overrides where the dataset is read from (default: ../shared/data beside the repository).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$(realpath -m "${1:-$root/artifacts/scaling-bundle}")
data=${ATTUNE_DATA_ROOT:-$root/../shared/data}

rm -rf "$out" "$out.tar.gz"
mkdir -p "$out/tools" "$out/data"
dotnet publish "$root/src/Attune.Server" -c Release -r linux-x64 --self-contained -o "$out/server" -v q -nologo
dotnet publish "$root/bench/Attune.Bench.Scaling" -c Release -r linux-x64 --self-contained -o "$out/bench" -v q -nologo
cp "$root/tools/postgres-test-server.sh" "$out/tools/"
cp -r "$data/ml-100k" "$out/data/"
cat >"$out/run.sh" <<'RUN'
#!/usr/bin/env bash
# The scaling bench from this bundle; options after these override them (run.sh --help lists them).
set -euo pipefail
cd "$(dirname "$0")"
exec bench/Attune.Bench.Scaling --root . --server server/Attune.Server --data-root data \
  --results results/scaling.md --plot results/scaling.png "$@"
RUN
chmod +x "$out/run.sh"
tar -C "$(dirname "$out")" -czf "$out.tar.gz" "$(basename "$out")"
echo "$out ($(du -sh "$out.tar.gz" | cut -f1) as $out.tar.gz)"
