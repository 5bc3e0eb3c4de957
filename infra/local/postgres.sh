# PostgreSQL 15 from Debian apt, run as the postgres OS user (it refuses root).
: "${PG_BIN:=/usr/lib/postgresql/15/bin}"
PG_DIR="$STAGES_INFRA_DIR/postgres"
PG_DATA="$PG_DIR/data"
PG_SOCK="$PG_DIR/run"
PG_LOG="$PG_DIR/postgres.log"

postgres_addr() { echo "127.0.0.1:$PG_PORT"; }
postgres_log() { echo "$PG_LOG"; }

postgres_install() {
  if [[ -x "$PG_BIN/pg_ctl" ]] && command -v psql >/dev/null; then return 0; fi
  apt_install postgresql
  # Debian's package creates and may start a default "15 main" cluster on 5432; we run our own.
  if command -v pg_lsclusters >/dev/null && pg_lsclusters -h 2>/dev/null | grep -q '^15 *main .*online'; then
    log "stopping Debian's default cluster 15/main (infra/local runs its own data dir)"
    pg_ctlcluster 15 main stop || true
  fi
}

_pg() { runuser -u postgres -- "$@"; }

postgres_running() { [[ -f "$PG_DATA/PG_VERSION" ]] && _pg "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; }

postgres_ready() {
  PGPASSWORD=stages PGCONNECT_TIMEOUT=2 psql -h 127.0.0.1 -p "$PG_PORT" -U stages -d stages -Atqc 'select 1' 2>/dev/null | grep -qx 1
}

postgres_start() {
  postgres_running && return 0
  require_free_port postgres "$PG_PORT"
  id postgres >/dev/null 2>&1 || die "postgres: OS user 'postgres' missing (run infra/local/install.sh)"
  mkdir -p "$PG_DIR" "$PG_SOCK"
  chown postgres:postgres "$PG_DIR" "$PG_SOCK"
  # the postgres user must be able to traverse to the state dir
  if ! runuser -u postgres -- test -w "$PG_DIR"; then
    die "postgres: user 'postgres' cannot write $PG_DIR (a parent directory is not traversable); set STAGES_INFRA_DIR elsewhere"
  fi
  if [[ ! -f "$PG_DATA/PG_VERSION" ]]; then
    _pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -E UTF8 --locale=C.UTF-8 \
      --auth-local=trust --auth-host=scram-sha-256 >"$PG_DIR/initdb.log" 2>&1 \
      || { show_log postgres "$PG_DIR/initdb.log"; die "postgres: initdb failed"; }
  fi
  [[ -f "$PG_LOG" ]] && mv -f "$PG_LOG" "$PG_LOG.prev"
  touch "$PG_LOG" && chown postgres:postgres "$PG_LOG"
  _pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t "$STAGES_READY_TIMEOUT" \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_SOCK -c max_connections=200" start >/dev/null \
    || { show_log postgres "$PG_LOG"; die "postgres: pg_ctl start failed"; }
  # role and database (idempotent)
  _pg psql -h "$PG_SOCK" -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt >/dev/null <<'SQL' \
    || die "postgres: could not create role/database stages"
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'stages') THEN
    CREATE ROLE stages LOGIN PASSWORD 'stages' NOSUPERUSER CREATEDB;
  END IF;
END $$;
SELECT 'CREATE DATABASE stages OWNER stages' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'stages')\gexec
SQL
}

postgres_wait() { wait_ready postgres "$PG_LOG" "$STAGES_READY_TIMEOUT" "" postgres_ready; }

postgres_stop() {
  postgres_running || return 0
  _pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null
}
