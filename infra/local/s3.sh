# S3 object store: SeaweedFS (Apache-2.0), one `weed server` with master, volume, filer and S3 gateway.
# `go install` refuses the module (replace directives in its go.mod), so we download the module with the go
# command and build ./weed inside a writable copy of it.
: "${WEED_MODULE:=github.com/seaweedfs/seaweedfs}"
: "${WEED_VERSION:=v0.0.0-20261109003541-7506e5f91cd6}"
: "${WEED_MASTER_PORT:=9333}"  # gRPC on port+10000 (19333)
: "${WEED_VOLUME_PORT:=9340}"  # gRPC 19340
: "${WEED_FILER_PORT:=8888}"   # gRPC 18888
: "${WEED_BUILD_WAIT:=1800}"   # seconds to wait for a build already running elsewhere
: "${S3_ACCESS_KEY:=stages}"
: "${S3_SECRET_KEY:=stagessecret}"
: "${S3_BUCKET:=stages}"
: "${S3_REGION:=us-east-1}"
WEED_BIN="$STAGES_CACHE/bin/weed"
WEED_SRC="$STAGES_CACHE/src/seaweedfs"
S3_DIR="$STAGES_INFRA_DIR/s3"
S3_PID="$S3_DIR/weed.pid"
PID_MATCH[$S3_PID]="weed.* server"
S3_LOG="$S3_DIR/weed.log"
S3_FILER_PID="$S3_DIR/filer.pid"
PID_MATCH[$S3_FILER_PID]="weed.* filer"
S3_FILER_LOG="$S3_DIR/filer.log"

s3_addr() { echo "127.0.0.1:$S3_PORT (bucket $S3_BUCKET)"; }
s3_log() { echo "$S3_FILER_LOG"; }

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

# Two processes so that shutdown runs in dependency order (a single `weed server -filer -s3` stops its volume
# server first and then spends ~15 s retrying the filer's final metadata flush):
#   weed server  = master + volume    (pid weed.pid,  log weed.log)
#   weed filer   = filer + S3 gateway (pid filer.pid, log filer.log)
s3_running() { pid_alive "$S3_PID" && pid_alive "$S3_FILER_PID"; }
# Ready = the master is raft leader and a signed ListBuckets answers 200 (S3 gateway up, identity loaded).
s3_ready() {
  _s3_master_leader && _s3_curl -o /dev/null "http://127.0.0.1:$S3_PORT/" 2>/dev/null
}
# Writable = the application bucket exists and a small object can be written and deleted.
_s3_writable() {
  local probe="http://127.0.0.1:$S3_PORT/$S3_BUCKET/.infra-ready"
  _s3_curl -o /dev/null -I "http://127.0.0.1:$S3_PORT/$S3_BUCKET" 2>/dev/null \
    || _s3_curl -o /dev/null -X PUT "http://127.0.0.1:$S3_PORT/$S3_BUCKET" 2>/dev/null || return 1
  _s3_curl -o /dev/null -X PUT --data-binary ok "$probe" 2>/dev/null && _s3_curl -o /dev/null -X DELETE "$probe" 2>/dev/null
}

s3_start() {
  s3_running && return 0
  [[ -x "$WEED_BIN" ]] || die "s3: $WEED_BIN missing (run infra/local/install.sh)"
  mkdir -p "$S3_DIR/data"
  _s3_write_config
  local p
  if ! pid_alive "$S3_PID"; then
    for p in "$WEED_MASTER_PORT" "$WEED_VOLUME_PORT" $((WEED_MASTER_PORT + 10000)) $((WEED_VOLUME_PORT + 10000)); do
      require_free_port s3 "$p"
    done
    # -master.telemetry=false: no usage reports leave the machine. A short election timeout: the single
    # master otherwise waits ~15 s to re-elect itself on a warm start.
    start_bg "$S3_PID" "$S3_LOG" "$WEED_BIN" -logtostderr=true -v=0 server \
      -ip=127.0.0.1 -ip.bind=127.0.0.1 -dir="$S3_DIR/data" \
      -master.port="$WEED_MASTER_PORT" -master.port.grpc=$((WEED_MASTER_PORT + 10000)) \
      -master.telemetry=false -master.electionTimeout=1s -master.volumeSizeLimitMB=128 -master.defaultReplication=000 \
      -volume.port="$WEED_VOLUME_PORT" -volume.port.grpc=$((WEED_VOLUME_PORT + 10000)) \
      -volume.max=0 -volume.preStopSeconds=1
  fi
}

_s3_master_leader() {
  curl -fsS --max-time 2 "http://127.0.0.1:$WEED_MASTER_PORT/cluster/status" 2>/dev/null | grep -q '"IsLeader":true'
}

# The filer is started once the master is leader: otherwise it backs off 7 s before retrying the master.
_s3_start_filer() {
  local p
  if ! pid_alive "$S3_FILER_PID"; then
    for p in "$S3_PORT" "$WEED_FILER_PORT" $((S3_PORT + 10000)) $((WEED_FILER_PORT + 10000)); do
      require_free_port s3 "$p"
    done
    # iceberg/lance catalog ports disabled; only the S3 port (and the filer's own ports) listen.
    start_bg "$S3_FILER_PID" "$S3_FILER_LOG" "$WEED_BIN" -logtostderr=true -v=${WEED_FILER_V:-0} filer \
      -ip=127.0.0.1 -ip.bind=127.0.0.1 -master="127.0.0.1:$WEED_MASTER_PORT" \
      -port="$WEED_FILER_PORT" -port.grpc=$((WEED_FILER_PORT + 10000)) \
      -defaultStoreDir="$S3_DIR/data" -localSocket="$S3_DIR/filer.sock" \
      -s3 -s3.port="$S3_PORT" -s3.port.grpc=$((S3_PORT + 10000)) -s3.config="$S3_DIR/s3.json" \
      -s3.port.iceberg=0 -s3.port.lance=0 -s3.localSocket="$S3_DIR/s3.sock"
  fi
}

s3_wait() {
  wait_ready s3 "$S3_LOG" "$STAGES_READY_TIMEOUT" "$S3_PID" _s3_master_leader
  _s3_start_filer
  wait_ready s3 "$S3_FILER_LOG" "$STAGES_READY_TIMEOUT" "$S3_FILER_PID" s3_ready
  wait_ready s3 "$S3_LOG" "$STAGES_READY_TIMEOUT" "$S3_PID" _s3_writable
}

s3_stop() {
  stop_pidfile s3-filer "$S3_FILER_PID" 30
  stop_pidfile s3-server "$S3_PID" 30
}
