# Shared helpers for infra/local/*.sh (sourced, not executed).
# Everything binds 127.0.0.1. Downloads/builds are cached under $STAGES_CACHE,
# state (data, logs, pid files) lives under $STAGES_INFRA_DIR.

INFRA_LOCAL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$INFRA_LOCAL_DIR/../.." && pwd)"

: "${STAGES_CACHE:=$HOME/.cache/stages}"
: "${STAGES_INFRA_DIR:=$REPO_ROOT/.stages/infra}"
: "${STAGES_ENV_FILE:=$REPO_ROOT/.stages/infra.env}"
: "${STAGES_READY_TIMEOUT:=90}" # seconds per service health check

: "${PG_PORT:=5432}"
: "${REDIS_PORT:=6379}"
: "${KAFKA_PORT:=9092}"
: "${KAFKA_CONTROLLER_PORT:=9093}"
: "${S3_PORT:=8333}"
: "${SMTP_PORT:=1025}"
: "${MAILPIT_HTTP_PORT:=8025}"

export STAGES_CACHE STAGES_INFRA_DIR

ALL_SERVICES=(postgres redis kafka s3 mailpit)

log() { printf '[infra] %s\n' "$*" >&2; }
die() { printf '[infra] ERROR: %s\n' "$*" >&2; exit 1; }

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# port_open PORT — true when something accepts TCP connections on 127.0.0.1:PORT.
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# pid_alive PIDFILE — true when the pid file names a live process whose command line matches
# PID_MATCH[PIDFILE] (set by each service file; guards against a stale pid reused by another process).
pid_alive() {
  local pid pattern
  [[ -s "$1" ]] || return 1
  pid="$(cat "$1")"
  [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
  pattern="${PID_MATCH[$1]:-}"
  [[ -z "$pattern" ]] || tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$pattern"
}
declare -A PID_MATCH=()

# show_log NAME LOGFILE — print the last lines of a service log (to stderr).
show_log() {
  local name="$1" file="$2"
  if [[ -f "$file" ]]; then
    printf '[infra] ---- last 40 lines of %s (%s) ----\n' "$name" "$file" >&2
    tail -n 40 "$file" >&2 || true
    printf '[infra] ---- end of %s log ----\n' "$name" >&2
  else
    printf '[infra] (no log file at %s)\n' "$file" >&2
  fi
}

# wait_ready NAME LOGFILE TIMEOUT PIDFILE CMD... — poll CMD until it succeeds.
# Fails fast when PIDFILE (if non-empty) names a process that has died.
wait_ready() {
  local name="$1" logfile="$2" timeout="$3" pidfile="$4"
  shift 4
  local deadline=$(( $(date +%s) + timeout ))
  while ! "$@" >/dev/null 2>&1; do
    if [[ -n "$pidfile" ]] && ! pid_alive "$pidfile"; then
      show_log "$name" "$logfile"
      die "$name exited during start-up (see log above: $logfile)"
    fi
    if (( $(date +%s) >= deadline )); then
      show_log "$name" "$logfile"
      die "$name not ready after ${timeout}s (check: $*; log: $logfile)"
    fi
    sleep 0.5
  done
}

# require_free_port NAME PORT — refuse to start when a foreign process holds the port.
require_free_port() {
  if port_open "$2"; then
    die "$1: port 127.0.0.1:$2 is already in use by another process (not started by infra/local); stop it or set another port"
  fi
}

# stop_pidfile NAME PIDFILE [TIMEOUT] — SIGTERM, wait, SIGKILL after TIMEOUT seconds.
stop_pidfile() {
  local name="$1" pidfile="$2" timeout="${3:-30}" pid i
  if ! pid_alive "$pidfile"; then
    rm -f "$pidfile"
    return 0
  fi
  pid="$(cat "$pidfile")"
  kill -TERM "$pid" 2>/dev/null || true
  for (( i = 0; i < timeout * 4; i++ )); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$pidfile"; return 0; }
    sleep 0.25
  done
  log "$name (pid $pid) did not exit after ${timeout}s; sending SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
  sleep 0.5
  rm -f "$pidfile"
}

# start_bg PIDFILE LOGFILE CMD... — start CMD detached (own session), stdout+stderr to LOGFILE.
start_bg() {
  local pidfile="$1" logfile="$2"
  shift 2
  [[ -f "$logfile" ]] && mv -f "$logfile" "$logfile.prev"
  setsid "$@" </dev/null >"$logfile" 2>&1 &
  echo $! >"$pidfile"
}

# apt_install PKG... — install missing Debian packages (apt-get update only when needed).
apt_install() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  (( ${#missing[@]} == 0 )) && return 0
  [[ $(id -u) -eq 0 ]] || die "apt packages missing (${missing[*]}); run infra/local/install.sh as root"
  log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y --no-install-recommends "${missing[@]}" >&2; then
    apt-get update >&2
    apt-get install -y --no-install-recommends "${missing[@]}" >&2
  fi
}

# Selected services from arguments (default: all); rejects unknown names.
select_services() {
  local s ok
  if (( $# == 0 )); then
    printf '%s\n' "${ALL_SERVICES[@]}"
    return
  fi
  for s in "$@"; do
    ok=0
    for known in "${ALL_SERVICES[@]}"; do [[ "$s" == "$known" ]] && ok=1; done
    (( ok )) || die "unknown service '$s' (known: ${ALL_SERVICES[*]})"
    printf '%s\n' "$s"
  done
}

write_env_file() {
  mkdir -p "$(dirname "$STAGES_ENV_FILE")"
  cat >"$STAGES_ENV_FILE.tmp" <<EOF
# Written by infra/local/up.sh — real local services (source this file).
export DATABASE_URL=postgres://stages:stages@127.0.0.1:$PG_PORT/stages
export REDIS_URL=redis://127.0.0.1:$REDIS_PORT
export KAFKA_BROKERS=127.0.0.1:$KAFKA_PORT
export S3_ENDPOINT=http://127.0.0.1:$S3_PORT
export S3_ACCESS_KEY=$S3_ACCESS_KEY
export S3_SECRET_KEY=$S3_SECRET_KEY
export S3_BUCKET=$S3_BUCKET
export S3_REGION=$S3_REGION
export SMTP_URL=smtp://127.0.0.1:$SMTP_PORT
export MAILPIT_URL=http://127.0.0.1:$MAILPIT_HTTP_PORT
EOF
  mv -f "$STAGES_ENV_FILE.tmp" "$STAGES_ENV_FILE"
}

# shellcheck source=/dev/null
for _svc in "${ALL_SERVICES[@]}"; do source "$INFRA_LOCAL_DIR/$_svc.sh"; done
unset _svc
