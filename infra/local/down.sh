#!/usr/bin/env bash
# Stop local services (all, or the named ones). --purge also deletes their state (data, logs).
# Usage: infra/local/down.sh [--purge] [postgres|redis|kafka|s3|mailpit ...]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

purge=0
args=()
for a in "$@"; do
  case "$a" in
    --purge) purge=1 ;;
    -h|--help) sed -n '2,3p' "$0"; exit 0 ;;
    *) args+=("$a") ;;
  esac
done
mapfile -t services < <(select_services "${args[@]+"${args[@]}"}")

# reverse order: consumers of storage stop last
for (( i = ${#services[@]} - 1; i >= 0; i-- )); do
  s=${services[$i]}
  t0=$(now)
  "${s}_stop"
  printf '%-9s stopped (%ss)\n' "$s" "$(elapsed "$t0")"
  if (( purge )); then
    case "$s" in
      postgres) rm -rf "$PG_DIR" ;;
      redis) rm -rf "$REDIS_DIR" ;;
      kafka) rm -rf "$KAFKA_DIR" ;;
      s3) rm -rf "$S3_DIR" ;;
      mailpit) rm -rf "$MAILPIT_DIR" ;;
    esac
  fi
done
if (( purge )) && (( ${#args[@]} == 0 )); then
  rm -rf "$STAGES_INFRA_DIR" "$STAGES_ENV_FILE"
  echo "purged $STAGES_INFRA_DIR"
fi
