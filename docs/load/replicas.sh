#!/usr/bin/env bash
# Load on one and two replicas, next to a Kestrel hello-world (GET /healthz) measured in the same run.
# Needs: wrk (apt-get install wrk), PostgreSQL on 127.0.0.1 with the role the tests use (see .ci/run), and
#   dotnet build -c Release src/Bot.Web && dotnet build -c Release src/Bot.Cli
# Usage, from the repository root: bash docs/load/replicas.sh [seconds per row, default 10]
set -euo pipefail
seconds=${1:-10}
web=src/Bot.Web/bin/Release/net10.0/Bot.Web.dll
bot=src/Bot.Cli/bin/Release/net10.0/bot.dll
database=bot_load_$$
data=$(mktemp -d)
export PGPASSWORD=bot
psql -q -h 127.0.0.1 -U bot -d postgres -c "CREATE DATABASE $database"
pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; psql -q -h 127.0.0.1 -U bot -d postgres -c "DROP DATABASE IF EXISTS $database WITH (FORCE)"; rm -rf "$data"; }
trap cleanup EXIT

common=(DirectLine__Secret=load-secret RateLimits__ActivitiesPerMinutePerConversation=0 RateLimits__ConversationsPerMinutePerIp=0 Logging__LogLevel__Default=Warning)
start() { # start PORT STORAGE-SETTINGS...
  local port=$1; shift
  env "${common[@]}" "$@" dotnet "$web" --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
  pids+=($!)
  until curl -sf "http://127.0.0.1:$port/readyz" >/dev/null; do sleep 0.2; done
}
stop_all() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; pids=(); }
wrk_row() { # wrk_row LABEL ARGS...  → "LABEL | req/s | p50 | p99"
  local label=$1; shift
  wrk --latency "$@" | awk -v label="$label" '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} END {printf "| %s | %s | %s | %s |\n", label, rps, p50, p99}'
}
postgres=(Storage__Provider=Postgres "Storage__PostgresConnectionString=Host=127.0.0.1;Username=bot;Password=bot;Database=$database")

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(dotnet --version)"
echo
echo "| what | req/s | p50 | p99 |"
echo "|---|---:|---:|---:|"
start 4001 Storage__Provider=Sqlite "Storage__SqlitePath=$data/bot.db"
wrk -t2 -c32 -d3s http://127.0.0.1:4001/healthz >/dev/null
wrk_row "hello-world GET /healthz, 32 connections" -t2 -c32 -d"${seconds}s" http://127.0.0.1:4001/healthz
wrk -t2 -c32 -d3s -s docs/load/expect-replies.lua http://127.0.0.1:4001 >/dev/null
wrk_row "/api/messages, 1 replica, SQLite, 32 connections" -t2 -c32 -d"${seconds}s" -s docs/load/expect-replies.lua http://127.0.0.1:4001
stop_all
start 4001 "${postgres[@]}"
wrk -t2 -c32 -d3s -s docs/load/expect-replies.lua http://127.0.0.1:4001 >/dev/null
wrk_row "/api/messages, 1 replica, PostgreSQL, 32 connections" -t2 -c32 -d"${seconds}s" -s docs/load/expect-replies.lua http://127.0.0.1:4001
start 4002 "${postgres[@]}"
wrk -t1 -c16 -d3s -s docs/load/expect-replies.lua http://127.0.0.1:4002 >/dev/null
wrk_row "/api/messages, 2 replicas, PostgreSQL, replica A of 16+16 connections" -t1 -c16 -d"${seconds}s" -s docs/load/expect-replies.lua http://127.0.0.1:4001 > "$data/a" &
first=$!
wrk_row "/api/messages, 2 replicas, PostgreSQL, replica B of 16+16 connections" -t1 -c16 -d"${seconds}s" -s docs/load/expect-replies.lua http://127.0.0.1:4002 > "$data/b"
wait "$first"
cat "$data/a" "$data/b"
stop_all
echo
start 4001 Storage__Provider=Sqlite "Storage__SqlitePath=$data/dl.db"
dotnet "$bot" load directline --url http://127.0.0.1:4001 --secret load-secret --conversations 8 --seconds "$seconds" | sed -n '2,4p' | sed 's/^| 1 |/| 1 (SQLite) |/'
stop_all
start 4001 "${postgres[@]}"
dotnet "$bot" load directline --url http://127.0.0.1:4001 --secret load-secret --conversations 8 --seconds "$seconds" | tail -1 | sed 's/^| 1 |/| 1 (PostgreSQL) |/'
start 4002 "${postgres[@]}"
dotnet "$bot" load directline --url http://127.0.0.1:4001,http://127.0.0.1:4002 --secret load-secret --conversations 8 --seconds "$seconds" | tail -1 | sed 's/^| 2 |/| 2 (PostgreSQL) |/'
