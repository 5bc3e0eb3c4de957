# S3 object store: SeaweedFS (Apache-2.0), one `weed mini` process (master, volume, filer, S3 gateway).
# `go install` refuses the module (replace directives in its go.mod), so we download the module with the go
# command and build ./weed inside a writable copy of it.
: "${WEED_MODULE:=github.com/seaweedfs/seaweedfs}"
: "${WEED_VERSION:=v0.0.0-20261109003541-7506e5f91cd6}"
: "${WEED_MASTER_PORT:=9333}"  # gRPC on port+10000 (19333)
: "${WEED_VOLUME_PORT:=9340}"  # gRPC 19340
: "${WEED_FILER_PORT:=8888}"   # gRPC 18888
: "${WEED_ADMIN_PORT:=12535}"  # embedded admin/maintenance server, gRPC 22535
: "${WEED_BUILD_WAIT:=1800}"   # seconds to wait for a build already running elsewhere
: "${S3_ACCESS_KEY:=stages}"
: "${S3_SECRET_KEY:=stagessecret}"
: "${S3_BUCKET:=stages}"
: "${S3_REGION:=us-east-1}"
WEED_BIN="$STAGES_CACHE/bin/weed"
WEED_SRC="$STAGES_CACHE/src/seaweedfs"
S3_DIR="$STAGES_INFRA_DIR/s3"
S3_PID="$S3_DIR/weed.pid"
PID_MATCH[$S3_PID]="weed.* mini"
S3_LOG="$S3_DIR/weed.log"

s3_addr() { echo "127.0.0.1:$S3_PORT (bucket $S3_BUCKET)"; }
s3_log() { echo "$S3_LOG"; }

# A build started outside these scripts (e.g. a background job) must not be duplicated: wait for it.
_weed_foreign_build_running() {
  pgrep -f "go build -o $WEED_BIN" >/dev/null 2>&1 && return 0
  [[ -f /tmp/bg/weed.log ]] && ! tail -n 1 /tmp/bg/weed.log | grep -q '^done' && return 0
  return 1
}

s3_install() {
  [[ -x "$WEED_BIN" ]] && return 0
  local waited=0
  while [[ ! -x "$WEED_BIN" ]] && _weed_foreign_build_running; do
    (( waited % 60 == 0 )) && log "s3: a weed build is already running; waiting for $WEED_BIN (${waited}s)"
    (( waited >= WEED_BUILD_WAIT )) && die "s3: gave up waiting ${WEED_BUILD_WAIT}s for the running weed build"
    sleep 5
    waited=$(( waited + 5 ))
  done
  [[ -x "$WEED_BIN" ]] && return 0
  command -v go >/dev/null || die "s3: Go toolchain not found (needed to build SeaweedFS)"
  mkdir -p "$STAGES_CACHE/bin" "$STAGES_CACHE/src"
  (
    flock 9
    [[ -x "$WEED_BIN" ]] && exit 0
    log "s3: building SeaweedFS $WEED_VERSION (several minutes on 2 cores)"
    if [[ ! -f "$WEED_SRC/weed/weed.go" ]]; then
      local dir
      dir="$(cd /tmp && GOFLAGS=-mod=mod go mod download -json "$WEED_MODULE@$WEED_VERSION" \
        | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')"
      [[ -n "$dir" && -d "$dir" ]] || die "s3: go mod download of $WEED_MODULE@$WEED_VERSION failed"
      rm -rf "$WEED_SRC.tmp"
      cp -r "$dir" "$WEED_SRC.tmp"
      chmod -R u+w "$WEED_SRC.tmp"
      rm -rf "$WEED_SRC"
      mv "$WEED_SRC.tmp" "$WEED_SRC"
    fi
    cd "$WEED_SRC"
    GOFLAGS="${GOFLAGS:-} -buildvcs=false" go build -o "$WEED_BIN.tmp" ./weed >&2
    mv -f "$WEED_BIN.tmp" "$WEED_BIN"
  ) 9>"$STAGES_CACHE/weed.build.lock"
  [[ -x "$WEED_BIN" ]] || die "s3: build finished without $WEED_BIN"
}

_s3_write_config() {
  mkdir -p "$S3_DIR/data"
  cat >"$S3_DIR/s3.json" <<EOF
{
  "identities": [
    {
      "name": "stages",
      "credentials": [{ "accessKey": "$S3_ACCESS_KEY", "secretKey": "$S3_SECRET_KEY" }],
      "actions": ["Admin", "Read", "List", "Tagging", "Write"]
    }
  ]
}
EOF
}

_s3_curl() {
  # curl 7.88 does not hash the body itself: declare it unsigned (still a signed request)
  curl -fsS --max-time 5 --aws-sigv4 "aws:amz:$S3_REGION:s3" --user "$S3_ACCESS_KEY:$S3_SECRET_KEY" \
    -H "x-amz-content-sha256: UNSIGNED-PAYLOAD" "$@"
}

s3_running() { pid_alive "$S3_PID"; }

_s3_master_leader() {
  curl -fsS --max-time 2 "http://127.0.0.1:$WEED_MASTER_PORT/cluster/status" 2>/dev/null | grep -q '"IsLeader":true'
}
# Ready = the master is raft leader and a signed ListBuckets answers 200 (S3 gateway up, identity loaded).
s3_ready() { _s3_master_leader && _s3_curl -o /dev/null "http://127.0.0.1:$S3_PORT/" 2>/dev/null; }
# Writable = the application bucket exists and a small object can be written and deleted.
_s3_writable() {
  local probe="http://127.0.0.1:$S3_PORT/$S3_BUCKET/.infra-ready"
  _s3_curl -o /dev/null -I "http://127.0.0.1:$S3_PORT/$S3_BUCKET" 2>/dev/null \
    || _s3_curl -o /dev/null -X PUT "http://127.0.0.1:$S3_PORT/$S3_BUCKET" 2>/dev/null || return 1
  _s3_curl -o /dev/null -X PUT --data-binary ok "$probe" 2>/dev/null && _s3_curl -o /dev/null -X DELETE "$probe" 2>/dev/null
}

# `weed mini`: master, volume, filer and S3 gateway in one process, made for dev use (the embedded filer
# registers at once and shutdown runs in dependency order, unlike `weed server -filer -s3`).
# -master.telemetry=false: no usage reports leave the machine. WebDAV, Admin UI, Iceberg and Lance are off;
# the embedded admin/maintenance server still listens on 127.0.0.1:$WEED_ADMIN_PORT and +10000.
s3_start() {
  s3_running && return 0
  [[ -x "$WEED_BIN" ]] || die "s3: $WEED_BIN missing (run infra/local/install.sh)"
  local p
  for p in "$S3_PORT" "$WEED_MASTER_PORT" "$WEED_VOLUME_PORT" "$WEED_FILER_PORT" "$WEED_ADMIN_PORT" \
    $((S3_PORT + 10000)) $((WEED_MASTER_PORT + 10000)) $((WEED_VOLUME_PORT + 10000)) \
    $((WEED_FILER_PORT + 10000)) $((WEED_ADMIN_PORT + 10000)); do
    require_free_port s3 "$p"
  done
  _s3_write_config
  start_bg "$S3_PID" "$S3_LOG" "$WEED_BIN" -logtostderr=true -v=0 mini \
    -dir="$S3_DIR/data" -ip=127.0.0.1 -ip.bind=127.0.0.1 \
    -master.port="$WEED_MASTER_PORT" -master.port.grpc=$((WEED_MASTER_PORT + 10000)) \
    -master.telemetry=false -master.electionTimeout=1s \
    -volume.port="$WEED_VOLUME_PORT" -volume.port.grpc=$((WEED_VOLUME_PORT + 10000)) \
    -filer.port="$WEED_FILER_PORT" -filer.port.grpc=$((WEED_FILER_PORT + 10000)) -filer.localSocket="$S3_DIR/filer.sock" \
    -s3.port="$S3_PORT" -s3.port.grpc=$((S3_PORT + 10000)) -s3.config="$S3_DIR/s3.json" -s3.localSocket="$S3_DIR/s3.sock" \
    -s3.port.iceberg=0 -s3.port.lance=0 -webdav=false -admin.ui=false \
    -admin.port="$WEED_ADMIN_PORT" -admin.port.grpc=$((WEED_ADMIN_PORT + 10000)) -admin.port.legacy=0 \
    -bucket="$S3_BUCKET"
}

# After a restart with existing data the master holds volume assignment for a 15 s topology warm-up
# (hard-coded: 3 pulses of 5 s), so a warm start is writable only after ~15 s; a fresh one after ~5 s.
s3_wait() {
  wait_ready s3 "$S3_LOG" "$STAGES_READY_TIMEOUT" "$S3_PID" s3_ready
  wait_ready s3 "$S3_LOG" "$STAGES_READY_TIMEOUT" "$S3_PID" _s3_writable
}

s3_stop() { stop_pidfile s3 "$S3_PID" 30; }
