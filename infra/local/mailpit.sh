# Mailpit (MIT): SMTP capture with an HTTP API, built with `go install`.
: "${MAILPIT_VERSION:=v1.27.11}"
MAILPIT_BIN="$STAGES_CACHE/bin/mailpit"
MAILPIT_DIR="$STAGES_INFRA_DIR/mailpit"
MAILPIT_PID="$MAILPIT_DIR/mailpit.pid"
PID_MATCH[$MAILPIT_PID]="mailpit"
MAILPIT_LOG="$MAILPIT_DIR/mailpit.log"

mailpit_addr() { echo "smtp 127.0.0.1:$SMTP_PORT, http 127.0.0.1:$MAILPIT_HTTP_PORT"; }
mailpit_log() { echo "$MAILPIT_LOG"; }

mailpit_install() {
  [[ -x "$MAILPIT_BIN" ]] && return 0
  command -v go >/dev/null || die "mailpit: Go toolchain not found (needed to build mailpit)"
  log "mailpit: building github.com/axllent/mailpit@$MAILPIT_VERSION (a few minutes on 2 cores)"
  mkdir -p "$STAGES_CACHE/bin"
  GOBIN="$STAGES_CACHE/bin" go install "github.com/axllent/mailpit@$MAILPIT_VERSION" >&2
}

mailpit_running() { pid_alive "$MAILPIT_PID"; }
mailpit_ready() { curl -fsS --max-time 2 "http://127.0.0.1:$MAILPIT_HTTP_PORT/readyz" >/dev/null; }

mailpit_start() {
  mailpit_running && return 0
  require_free_port mailpit-smtp "$SMTP_PORT"
  require_free_port mailpit-http "$MAILPIT_HTTP_PORT"
  [[ -x "$MAILPIT_BIN" ]] || die "mailpit: $MAILPIT_BIN missing (run infra/local/install.sh)"
  mkdir -p "$MAILPIT_DIR"
  start_bg "$MAILPIT_PID" "$MAILPIT_LOG" "$MAILPIT_BIN" \
    --smtp "127.0.0.1:$SMTP_PORT" --listen "127.0.0.1:$MAILPIT_HTTP_PORT" \
    --database "$MAILPIT_DIR/mailpit.db" --max 5000 \
    --smtp-auth-accept-any --smtp-auth-allow-insecure --smtp-disable-rdns --disable-version-check
}

mailpit_wait() { wait_ready mailpit "$MAILPIT_LOG" "$STAGES_READY_TIMEOUT" "$MAILPIT_PID" mailpit_ready; }

mailpit_stop() { stop_pidfile mailpit "$MAILPIT_PID" 20; }
