#!/usr/bin/env bash
# Start local services (all, or the named ones), wait until healthy, write .stages/infra.env.
# Usage: infra/local/up.sh [postgres|redis|kafka|s3|mailpit ...]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

mapfile -t services < <(select_services "$@")
mkdir -p "$STAGES_INFRA_DIR"
for s in "${services[@]}"; do "${s}_install"; done

# Start all first, then wait for them in parallel, so each reported time is that service's own.
results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT
declare -A t0 pids
for s in "${services[@]}"; do
  t0[$s]=$(now)
  if "${s}_running" && "${s}_ready"; then
    printf '%-9s %-45s already running\n' "$s" "$("${s}_addr")" >"$results/$s"
  else
    "${s}_start"
  fi
done
for s in "${services[@]}"; do
  [[ -f "$results/$s" ]] && continue
  ( "${s}_wait" && printf '%-9s %-45s ready in %s s\n' "$s" "$("${s}_addr")" "$(elapsed "${t0[$s]}")" >"$results/$s" ) &
  pids[$s]=$!
done
failed=()
for s in "${services[@]}"; do
  if [[ -n "${pids[$s]:-}" ]] && ! wait "${pids[$s]}"; then failed+=("$s"); continue; fi
  cat "$results/$s"
done
(( ${#failed[@]} == 0 )) || die "not ready: ${failed[*]} (see the log excerpts above; stop with infra/local/down.sh)"
write_env_file
echo "env: $STAGES_ENV_FILE  (load it: set -a; . $STAGES_ENV_FILE; set +a)"
