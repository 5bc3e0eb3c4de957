# Redis from Debian's redis-server, no persistence.
REDIS_DIR="$STAGES_INFRA_DIR/redis"
REDIS_PID="$REDIS_DIR/redis.pid"
PID_MATCH[$REDIS_PID]="redis-server"
REDIS_LOG="$REDIS_DIR/redis.log"

redis_addr() { echo "127.0.0.1:$REDIS_PORT"; }
redis_log() { echo "$REDIS_LOG"; }

redis_install() {
  command -v redis-server >/dev/null && command -v redis-cli >/dev/null && return 0
  apt_install redis-server redis-tools
}

redis_running() { pid_alive "$REDIS_PID"; }
redis_ready() { [[ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" == PONG ]]; }

redis_start() {
  redis_running && return 0
  require_free_port redis "$REDIS_PORT"
  mkdir -p "$REDIS_DIR"
  [[ -f "$REDIS_LOG" ]] && mv -f "$REDIS_LOG" "$REDIS_LOG.prev"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no \
    --dir "$REDIS_DIR" --pidfile "$REDIS_PID" --logfile "$REDIS_LOG" \
    || { show_log redis "$REDIS_LOG"; die "redis: redis-server failed to start"; }
}

redis_wait() { wait_ready redis "$REDIS_LOG" "$STAGES_READY_TIMEOUT" "" redis_ready; }

redis_stop() {
  redis_running || { rm -f "$REDIS_PID"; return 0; }
  redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
  stop_pidfile redis "$REDIS_PID" 15
}
