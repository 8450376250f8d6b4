#!/usr/bin/env bash
# What `dotnet test Bot.sln` needs beyond the .NET SDK, from Debian's packages: Chromium for the browser tests,
# PostgreSQL (running on 127.0.0.1:5432 with the role bot/bot allowed to create databases) for the storage
# contract and replica tests. Safe to run again: it installs only what is missing and starts only what is down.
# Run as root or as a user with sudo. BOT_TEST_POSTGRES (an Npgsql connection string) points the tests at
# another server instead; then PostgreSQL is left alone here.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

if [ "$(id -u)" -eq 0 ]; then as_root=(); as_postgres=(runuser -u postgres --); else as_root=(sudo); as_postgres=(sudo -u postgres); fi

packages=()
command -v chromium >/dev/null || [ -n "${CHROMIUM_PATH:-}" ] || packages+=(chromium)
[ -n "${BOT_TEST_POSTGRES:-}" ] || command -v pg_ctlcluster >/dev/null || packages+=(postgresql)
if [ ${#packages[@]} -gt 0 ]; then
  echo "Installing ${packages[*]} from Debian's packages" >&2
  "${as_root[@]}" apt-get update -qq
  "${as_root[@]}" apt-get install -y -qq "${packages[@]}" >/dev/null
fi

[ -z "${BOT_TEST_POSTGRES:-}" ] || exit 0
if ! pg_isready -q -h 127.0.0.1; then
  version=$(ls /usr/lib/postgresql | sort -n | tail -1)
  "${as_root[@]}" pg_ctlcluster "$version" main start
  for _ in $(seq 30); do pg_isready -q -h 127.0.0.1 && break; sleep 1; done
  pg_isready -h 127.0.0.1 >&2
fi
"${as_postgres[@]}" psql -q -c "DO \$\$ BEGIN CREATE ROLE bot LOGIN PASSWORD 'bot' CREATEDB; EXCEPTION WHEN duplicate_object THEN NULL; END \$\$;"
