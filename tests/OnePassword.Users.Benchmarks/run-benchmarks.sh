#!/usr/bin/env bash
# Runs the whole benchmark suite and rewrites the README's Performance section from that run:
# the machine, the date, every median and every ratio against the baselines measured beside it.
#
#   bash tests/OnePassword.Users.Benchmarks/run-benchmarks.sh [BenchmarkDotNet options]
#
# It installs the pinned NSwag (npm) and generates the NSwag peer client from the spec into obj/
# (never committed), starts a loopback redis-server for the coordination benchmarks (installing
# Debian's package when the machine has none), and takes about 35 minutes on a 2-core machine (the call
# benchmarks run in eight passes, one process per benchmark in each).
# The benchmarks are not part of the test command.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

echo "== NSwag peer: generating from openapi/users-api.yaml"
(cd "$here/Nswag" && npm ci --no-audit --no-fund --loglevel=error)
mkdir -p "$here/obj/nswag"
node "$here/Nswag/node_modules/nswag/bin/nswag.js" openapi2csclient /runtime:Net100 \
  "/input:$root/openapi/users-api.yaml" \
  "/output:$here/obj/nswag/UsersApiNswagClient.cs" \
  /namespace:OnePassword.Users.Benchmarks.Nswag /className:UsersApiNswagClient \
  /JsonLibrary:SystemTextJson /GenerateClientInterfaces:false /UseBaseUrl:true /GenerateOptionalParameters:true

echo "== Benchmarks (Release)"
cd "$here"
dotnet run -c Release --project "$here/OnePassword.Users.Benchmarks.csproj" -- --readme "$root/README.md" "$@"
