#!/usr/bin/env bash
# Install (once, cached) what infra/local needs: apt postgresql + redis-server, Kafka jars, weed, mailpit.
# Usage: infra/local/install.sh [service...]   (default: all)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

mapfile -t services < <(select_services "$@")
for s in "${services[@]}"; do
  t0=$(now)
  "${s}_install"
  printf '%-9s installed (%ss)\n' "$s" "$(elapsed "$t0")"
done
