#!/usr/bin/env bash
# Show which local services are running and healthy. Exit 1 when any selected one is not.
# Usage: infra/local/status.sh [service...]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

mapfile -t services < <(select_services "$@")
rc=0
for s in "${services[@]}"; do
  if "${s}_running" && "${s}_ready"; then state=healthy
  elif "${s}_running"; then state="running, not ready"; rc=1
  else state=stopped; rc=1; fi
  printf '%-9s %-45s %-20s log: %s\n' "$s" "$("${s}_addr")" "$state" "$("${s}_log")"
done
exit $rc
