#!/usr/bin/env bash
# HTTP load benchmark: KV v2 reads from a Coffer dev server (root token) against nginx serving the
# same response body with the same Content-Type, with identical wrk settings, in the same run,
# alternating nginx, coffer, nginx, coffer ... so that both see the same machine noise.
#
#   coffer-bench/run-http-bench.sh                 # defaults below
#   ROUNDS=5 DURATION=30 coffer-bench/run-http-bench.sh
#
# Settings (environment):
#   ROUNDS=3            alternating rounds (each: nginx, then coffer [, then the baseline])
#   THREADS=2           wrk -t
#   CONNECTIONS=64      wrk -c
#   DURATION=20         wrk -d, seconds per measured run
#   WARMUP=40           seconds of load on each Coffer before the first measured run (JIT); 5 on nginx
#   COFFER_LAUNCH=auto  launcher: ./coffer server --dev ...; inprocess: io.coffer.bench.BenchDevServer
#                       from coffer-bench/target/benchmarks.jar; auto: the launcher when the CLI's
#                       main class exists, else inprocess
#   COFFER_JVM_OPTS="-Xms1g -Xmx1g -XX:+AlwaysPreTouch"   JVM flags of the Coffer server
#   COFFER_EXTRA_JVM_OPTS=""   appended, e.g. JFR:
#                       -XX:StartFlightRecording=delay=40s,duration=30s,filename=/tmp/coffer.jfr,settings=profile
#   SCENARIO=root       root: read with the root token (no policy check, no audit device);
#                       policy-audit: read with a non-root token whose ACL policy allows the read,
#                       with a file audit device enabled (every request HMAC'd, chained, fsynced);
#                       aws: in the same rounds, nginx, the KV v2 read (GET, X-Vault-Token) and the AWS
#                       GetSecretValue of the same secret (POST /, SigV4), with a token and an access key
#                       that carry the same non-root read policy; the summary adds GetSecretValue/KV read
#                       login-flood: no nginx; KV read latency (non-root read-policy token) at a fixed
#                       moderate rate, idle and then under a flood of wrong-password userpass logins
#                       that keeps every client under the per-client login rate limit, alternating
#                       ROUNDS times; target: flood p50 <= 2x idle p50 (see FLOOD_* below)
#   AUDIT=0             SCENARIO=aws and login-flood: 1 enables a file audit device
#   SCENARIO=login-flood settings:
#     FLOOD_CLIENTS=8        client addresses 127.0.0.2 ... (each its own rate-limit client)
#     FLOOD_RATE=36          logins/s per client (the limiter allows 40/s, bursts of 80, per client and mount)
#     FLOOD_SENDERS=4        keep-alive connections per client, each on its own fixed schedule
#     FLOOD_USERS=8          user names per client, rotating (10/s per name allowed): bench-user
#                            (exists; wrong password) and ghost-1 ... (do not exist)
#     READ_CONNECTIONS=4     wrk -c for the reads (wrk -t1)
#     READ_DELAY_MS=2        each read connection waits this long between its requests (wrk Lua
#                            delay()), so reads come at a moderate rate instead of saturating the CPU
#     LOGIN_WORKERS=""       passed as --login-workers (launcher only); empty: the server's default
#   NGINX_WORKERS=$(nproc)     nginx worker processes (one per core, as a normal setup)
#   OUT_DIR=coffer-bench/target/http-bench-<timestamp>   raw wrk outputs, results.tsv, summary.md
#
# Same-run A/B of changes (optional): BASELINES="old=/tmp/old.jar other=/tmp/other.jar" starts one
# more Coffer per entry (io.coffer.bench.BenchDevServer from that benchmarks.jar, JVM flags
# BASELINE_JVM_OPTS, default those of Coffer) and measures each in the same rounds (nginx first, then
# the Coffers in an order that rotates from round to round).
# To keep a jar of the current build: cp coffer-bench/target/benchmarks.jar /tmp/old.jar
#
# Only 127.0.0.1 is used. Every wait is bounded; servers and temp files are removed on exit.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS="${ROUNDS:-3}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-64}"
DURATION="${DURATION:-20}"
WARMUP="${WARMUP:-40}"
COFFER_LAUNCH="${COFFER_LAUNCH:-auto}"
COFFER_JVM_OPTS="${COFFER_JVM_OPTS:--Xms1g -Xmx1g -XX:+AlwaysPreTouch}"
COFFER_EXTRA_JVM_OPTS="${COFFER_EXTRA_JVM_OPTS:-}"
BASELINES="${BASELINES:-}"
SCENARIO="${SCENARIO:-root}"
AUDIT="${AUDIT:-0}"
BASELINE_JVM_OPTS="${BASELINE_JVM_OPTS:-$COFFER_JVM_OPTS}"
NGINX_WORKERS="${NGINX_WORKERS:-$(nproc)}"
OUT_DIR="${OUT_DIR:-$ROOT/coffer-bench/target/http-bench-$(date -u +%Y%m%dT%H%M%SZ)}"
TOKEN="bench-root-$RANDOM$RANDOM"
SECRET_PATH="secret/data/bench/orders-db"
# A realistic secret: a database credential (username, password, JDBC URL).
WRITE_BODY='{"data":{"username":"svc_orders","password":"pK7#vQ2m!Xz9Lr4tWb8e","url":"jdbc:postgresql://orders-db.internal:5432/orders?sslmode=verify-full"}}'

log() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

case "$SCENARIO" in
  root|policy-audit|aws|login-flood) ;;
  *) die "SCENARIO must be root, policy-audit, aws or login-flood" ;;
esac
case "$AUDIT" in
  0|1) ;;
  *) die "AUDIT must be 0 or 1" ;;
esac
[ "$AUDIT" = 0 ] || [ "$SCENARIO" = aws ] || [ "$SCENARIO" = login-flood ] \
  || die "AUDIT=1 is for SCENARIO=aws and login-flood (policy-audit always audits)"
[ "$SCENARIO" = root ] || [ -z "$BASELINES" ] || die "SCENARIO=$SCENARIO measures the current build only; leave BASELINES empty"

case "$ROUNDS$THREADS$CONNECTIONS$DURATION$WARMUP" in
  *[!0-9]*) die "ROUNDS, THREADS, CONNECTIONS, DURATION and WARMUP must be whole numbers" ;;
esac

# ---------------------------------------------------------------------------------------------
# Cleanup: stop what we started (by pid: each server runs in its own process group), remove temp.
# ---------------------------------------------------------------------------------------------
WORK=""
PIDS=()

stop_pid() { # pid: TERM its process group, wait up to 10 s, then KILL
  local pid="$1" i
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "process $pid did not stop in 10 s; killing it"
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  local rc=$? pid
  trap - EXIT INT TERM
  for pid in "${PIDS[@]}"; do
    stop_pid "$pid"
  done
  if [ -n "$WORK" ] && [ -d "$WORK" ]; then
    rm -rf -- "$WORK"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------------------------------------
# Tools and JDK
# ---------------------------------------------------------------------------------------------
WORK="$(mktemp -d /tmp/coffer-http-bench.XXXXXX)"
chmod 755 "$WORK" # nginx workers run as nobody and must read the document root
mkdir -p "$OUT_DIR"

install_tools() {
  local missing=()
  command -v wrk >/dev/null 2>&1 || missing+=(wrk)
  command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]}"
  command -v apt-get >/dev/null 2>&1 || die "missing ${missing[*]} and no apt-get to install them"
  if ! DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y "${missing[@]}" >"$WORK/apt.log" 2>&1; then
    log "apt-get install failed; running apt-get update first"
    DEBIAN_FRONTEND=noninteractive timeout 600 apt-get update >>"$WORK/apt.log" 2>&1 || true
    DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y "${missing[@]}" >>"$WORK/apt.log" 2>&1 \
      || { tail -n 20 "$WORK/apt.log" >&2; die "could not install ${missing[*]}"; }
  fi
}
install_tools
NGINX_BIN="$(command -v nginx || echo /usr/sbin/nginx)"

# shellcheck source=../scripts/find-jdk.sh
. "$ROOT/scripts/find-jdk.sh"
JAVA_HOME="$(coffer_find_jdk)" || die "no JDK >= 21"
export JAVA_HOME

# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

CHOSEN_PORTS=" "
pick_port() { # sets PORT to a free loopback port (connection refused), not chosen before in this run
  local i p
  for i in $(seq 1 200); do
    p=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
    case "$CHOSEN_PORTS" in *" $p "*) continue ;; esac
    if ! port_in_use "$p"; then
      CHOSEN_PORTS="$CHOSEN_PORTS$p "
      PORT="$p"
      return 0
    fi
  done
  die "no free loopback port found in 200 tries"
}

wait_http() { # url, seconds, pid: until the URL answers, the process dies, or time is up
  local url="$1" deadline=$((SECONDS + $2)) pid="$3"
  while [ "$SECONDS" -lt "$deadline" ]; do
    kill -0 "$pid" 2>/dev/null || return 1
    curl -s -o /dev/null --max-time 2 "$url" && return 0
    sleep 0.2
  done
  return 1
}

# start_coffer name port cmd...: starts it in its own session; sets STARTED_PID (the JVM's pid)
start_coffer() {
  local name="$1" port="$2" pid java_pid
  shift 2
  log "starting $name on 127.0.0.1:$port: $*"
  setsid "$@" >"$WORK/$name.log" 2>&1 </dev/null &
  pid=$!
  PIDS+=("$pid")
  wait_http "http://127.0.0.1:$port/v1/sys/health" 180 "$pid" \
    || { tail -n 40 "$WORK/$name.log" >&2; die "$name did not come up on 127.0.0.1:$port"; }
  # The launcher execs java, so the session leader is normally the JVM itself.
  java_pid="$(pgrep -s "$pid" java | head -1 || true)"
  STARTED_PID="${java_pid:-$pid}"
}

# write_secret url: writes the benchmark secret, then saves the exact read response to $2 (headers $3)
write_secret() {
  local url="$1" body="$2" headers="$3" code
  code=$(curl -sS -o "$WORK/write.json" -w '%{http_code}' --max-time 10 -X POST -H "X-Vault-Token: $TOKEN" \
    -H 'Content-Type: application/json' --data "$WRITE_BODY" "$url/v1/$SECRET_PATH")
  [ "$code" = 200 ] || { cat "$WORK/write.json" >&2; die "writing the secret to $url answered HTTP $code"; }
  code=$(curl -sS -D "$headers" -o "$body" -w '%{http_code}' --max-time 10 -H "X-Vault-Token: $TOKEN" \
    "$url/v1/$SECRET_PATH")
  [ "$code" = 200 ] || { cat "$body" >&2; die "reading the secret from $url answered HTTP $code"; }
}

# ---------------------------------------------------------------------------------------------
# Coffer (and the optional baseline)
# ---------------------------------------------------------------------------------------------
if [ "$COFFER_LAUNCH" = auto ]; then
  if [ -f "$ROOT/coffer-cli/src/main/java/io/coffer/cli/CofferCommand.java" ]; then
    COFFER_LAUNCH=launcher
  else
    COFFER_LAUNCH=inprocess
  fi
fi
JVM_OPTS="$COFFER_JVM_OPTS${COFFER_EXTRA_JVM_OPTS:+ $COFFER_EXTRA_JVM_OPTS}"
pick_port; COFFER_PORT="$PORT"
pick_port; NGINX_PORT="$PORT"
COFFER_URL="http://127.0.0.1:$COFFER_PORT"
NGINX_URL="http://127.0.0.1:$NGINX_PORT"
case "$COFFER_LAUNCH" in
  launcher)
    # Built here (the launcher would build on first use anyway) so that its start is not timed out.
    log "building the coffer jar (./mvnw -B -ntp -pl coffer-cli -am package -DskipTests)"
    (cd "$ROOT" && ./mvnw -B -ntp -pl coffer-cli -am package -DskipTests >"$WORK/build.log" 2>&1) \
      || { tail -n 30 "$WORK/build.log" >&2; die "build failed"; }
    COFFER_CMD=(env "COFFER_JAVA_OPTS=$JVM_OPTS" "$ROOT/coffer" server --dev --dev-root-token "$TOKEN"
      --listen "127.0.0.1:$COFFER_PORT" ${LOGIN_WORKERS:+--login-workers "$LOGIN_WORKERS"})
    ;;
  inprocess)
    log "building coffer-bench/target/benchmarks.jar (./mvnw -B -ntp -pl coffer-bench -am package -DskipTests)"
    (cd "$ROOT" && ./mvnw -B -ntp -pl coffer-bench -am package -DskipTests >"$WORK/build.log" 2>&1) \
      || { tail -n 30 "$WORK/build.log" >&2; die "build failed"; }
    cp "$ROOT/coffer-bench/target/benchmarks.jar" "$WORK/coffer.jar" # immune to rebuilds during the run
    # shellcheck disable=SC2206
    COFFER_CMD=("$JAVA_HOME/bin/java" $JVM_OPTS -cp "$WORK/coffer.jar" io.coffer.bench.BenchDevServer
      "127.0.0.1:$COFFER_PORT" "$TOKEN")
    ;;
  *) die "COFFER_LAUNCH must be auto, launcher or inprocess" ;;
esac

start_coffer coffer "$COFFER_PORT" "${COFFER_CMD[@]}"
COFFER_JAVA_PID="$STARTED_PID"
mkdir -p "$WORK/www/v1/$(dirname "$SECRET_PATH")"
BODY_FILE="$WORK/www/v1/$SECRET_PATH"
log "writing the secret at $SECRET_PATH and fetching its response"
write_secret "$COFFER_URL" "$BODY_FILE" "$WORK/coffer.headers"
CONTENT_TYPE="$(sed -n 's/^[Cc]ontent-[Tt]ype: *\([^\r]*\)\r*$/\1/p' "$WORK/coffer.headers" | head -1)"
[ -n "$CONTENT_TYPE" ] || die "Coffer's response has no Content-Type"
BODY_BYTES=$(wc -c <"$BODY_FILE")
cp "$BODY_FILE" "$OUT_DIR/response-body.json"
cp "$WORK/coffer.headers" "$OUT_DIR/coffer-response-headers.txt"
chmod -R a+rX "$WORK/www"
log "response: $BODY_BYTES bytes, Content-Type: $CONTENT_TYPE"

# The token wrk sends: the root token, or for policy-audit a token that holds only a read policy.
READ_TOKEN="$TOKEN"
if [ "$SCENARIO" != root ]; then
  api() { # method path body -> prints the response body; fails on an HTTP error
    curl -sS --fail-with-body --max-time 10 -X "$1" -H "X-Vault-Token: $TOKEN" -H 'Content-Type: application/json' \
      --data "$3" "$COFFER_URL/v1/$2"
  }
  api PUT sys/policies/acl/bench-read '{"policy":"path \"secret/data/bench/*\" { capabilities = [\"read\"] }"}' >/dev/null \
    || die "could not write the bench-read policy"
  READ_TOKEN="$(api POST auth/token/create '{"policies":["bench-read"],"no_default_policy":true,"ttl":"2h"}' \
    | sed -n 's/.*"client_token":"\([^"]*\)".*/\1/p')"
  [ -n "$READ_TOKEN" ] || die "could not create the read token"
  if [ "$SCENARIO" = policy-audit ] || [ "$AUDIT" = 1 ]; then
    AUDIT_FILE="$WORK/audit.log"
    api PUT sys/audit/file "{\"type\":\"file\",\"options\":{\"file_path\":\"$AUDIT_FILE\"}}" >/dev/null \
      || die "could not enable the file audit device"
  fi
  code=$(curl -sS -o "$WORK/check.json" -w '%{http_code}' --max-time 10 -H "X-Vault-Token: $READ_TOKEN" "$COFFER_URL/v1/$SECRET_PATH")
  [ "$code" = 200 ] || die "the read token cannot read the secret (HTTP $code)"
  # The envelope differs only in request_id, so the body size nginx serves still matches.
  [ "$(wc -c <"$WORK/check.json")" = "$BODY_BYTES" ] || log "WARNING: the read token's response has another size"
  code=$(curl -sS -o /dev/null -w '%{http_code}' --max-time 10 -X POST -H "X-Vault-Token: $READ_TOKEN" \
    -H 'Content-Type: application/json' --data '{"data":{"x":"y"}}' "$COFFER_URL/v1/$SECRET_PATH")
  [ "$code" = 403 ] || die "the read token may write (HTTP $code): the policy is not in force"
  log "$SCENARIO: non-root token with policy bench-read (read only)${AUDIT_FILE:+, file audit device at $AUDIT_FILE}"
fi

# SCENARIO=aws: an access key with the same policy; GetSecretValue of the same secret (AWS name
# bench/orders-db is KV secret secret/bench/orders-db), checked once with curl before measuring.
AWS_SIGNER="$ROOT/coffer-bench/sign-aws-request.py"
AWS_SECRET_ID="${SECRET_PATH#secret/data/}"
if [ "$SCENARIO" = aws ]; then
  command -v python3 >/dev/null 2>&1 || die "SCENARIO=aws needs python3 (to sign requests)"
  printf '{"SecretId":"%s"}' "$AWS_SECRET_ID" >"$WORK/aws-request.json"
  api POST auth/sigv4/keys '{"policies":["bench-read"],"description":"http benchmark","ttl":"2h"}' >"$WORK/aws-key.json" \
    || die "could not create the access key"
  AWS_KEY_ID="$(sed -n 's/.*"access_key_id":"\([^"]*\)".*/\1/p' "$WORK/aws-key.json")"
  BENCH_SECRET_ACCESS_KEY="$(sed -n 's/.*"secret_access_key":"\([^"]*\)".*/\1/p' "$WORK/aws-key.json")"
  rm -f "$WORK/aws-key.json"
  [ -n "$AWS_KEY_ID" ] && [ -n "$BENCH_SECRET_ACCESS_KEY" ] || die "the access key answer has no id or secret"
  export BENCH_SECRET_ACCESS_KEY
  # sign_aws: signs the GetSecretValue request now; sets AWS_HEADERS (curl/wrk -H arguments)
  sign_aws() {
    local line
    AWS_HEADERS=()
    while IFS= read -r line; do
      AWS_HEADERS+=(-H "$line")
    done < <(python3 "$AWS_SIGNER" "127.0.0.1:$COFFER_PORT" "$AWS_KEY_ID" GetSecretValue "$WORK/aws-request.json")
    [ ${#AWS_HEADERS[@]} -eq 10 ] || die "signing the AWS request failed"
  }
  sign_aws
  code=$(curl -sS -D "$WORK/aws.headers" -o "$WORK/aws-body.json" -w '%{http_code}' --max-time 10 -X POST \
    "${AWS_HEADERS[@]}" --data-binary "@$WORK/aws-request.json" "$COFFER_URL/")
  [ "$code" = 200 ] || { cat "$WORK/aws-body.json" >&2; die "GetSecretValue with the read key answered HTTP $code"; }
  grep -q 'pK7#vQ2m!Xz9Lr4tWb8e' "$WORK/aws-body.json" || die "GetSecretValue does not answer the secret"
  grep -q '"Name":"'"$AWS_SECRET_ID"'"' "$WORK/aws-body.json" || die "GetSecretValue answers another secret"
  # The same request again must still answer 200: wrk replays it (no replay protection in SigV4).
  code=$(curl -sS -o /dev/null -w '%{http_code}' --max-time 10 -X POST "${AWS_HEADERS[@]}" \
    --data-binary "@$WORK/aws-request.json" "$COFFER_URL/")
  [ "$code" = 200 ] || die "the replayed GetSecretValue answered HTTP $code"
  AWS_BODY_BYTES=$(wc -c <"$WORK/aws-body.json")
  cp "$WORK/aws.headers" "$OUT_DIR/aws-response-headers.txt"
  # The bench-read policy allows no metadata read: DescribeSecret must be refused.
  printf '{"SecretId":"%s"}' "$AWS_SECRET_ID" >"$WORK/aws-describe.json"
  describe_headers=()
  while IFS= read -r line; do describe_headers+=(-H "$line"); done \
    < <(python3 "$AWS_SIGNER" "127.0.0.1:$COFFER_PORT" "$AWS_KEY_ID" DescribeSecret "$WORK/aws-describe.json")
  code=$(curl -sS -o /dev/null -w '%{http_code}' --max-time 10 -X POST "${describe_headers[@]}" \
    --data-binary "@$WORK/aws-describe.json" "$COFFER_URL/")
  [ "$code" = 400 ] || die "the read key may describe the secret (HTTP $code): the policy is not in force"
  log "aws: access key $AWS_KEY_ID with policy bench-read; GetSecretValue answers $AWS_BODY_BYTES bytes (KV read: $BODY_BYTES)"
fi

if [ "$SCENARIO" = login-flood ]; then
  # shellcheck source=login-flood-scenario.sh
  . "$ROOT/coffer-bench/login-flood-scenario.sh"
  exit 0
fi

SERVERS=(nginx coffer)
declare -A URL=([nginx]="$NGINX_URL/v1/$SECRET_PATH" [coffer]="$COFFER_URL/v1/$SECRET_PATH")
declare -A CPU_PID=([coffer]="$COFFER_JAVA_PID")
if [ "$SCENARIO" = aws ]; then
  SERVERS+=(coffer-aws)
  URL[coffer-aws]="$COFFER_URL/"
  CPU_PID[coffer-aws]="$COFFER_JAVA_PID"
fi
for entry in $BASELINES; do
  label="${entry%%=*}" jar="${entry#*=}"
  [[ "$label" =~ ^[A-Za-z0-9_.-]+$ ]] && [ "$label" != "$entry" ] || die "BASELINES entries are label=path.jar (label: letters, digits, . _ -)"
  [ "$label" != nginx ] && [ "$label" != coffer ] && [ -z "${URL[$label]:-}" ] || die "baseline label $label is taken"
  [ -f "$jar" ] || die "baseline jar $jar does not exist"
  cp "$jar" "$WORK/$label.jar"
  pick_port
  # shellcheck disable=SC2206
  start_coffer "$label" "$PORT" "$JAVA_HOME/bin/java" $BASELINE_JVM_OPTS -cp "$WORK/$label.jar" \
    io.coffer.bench.BenchDevServer "127.0.0.1:$PORT" "$TOKEN"
  write_secret "http://127.0.0.1:$PORT" "$WORK/$label.body" "$WORK/$label.headers"
  [ "$(wc -c <"$WORK/$label.body")" = "$BODY_BYTES" ] || log "WARNING: $label's response has another size"
  SERVERS+=("$label")
  URL[$label]="http://127.0.0.1:$PORT/v1/$SECRET_PATH"
  CPU_PID[$label]="$STARTED_PID"
  BASELINE_NOTE="${BASELINE_NOTE:-}- $label: $jar, JVM flags: $BASELINE_JVM_OPTS"$'\n'
done

# ---------------------------------------------------------------------------------------------
# nginx: same body, same Content-Type, no access log, one worker per core, own prefix and pid file
# ---------------------------------------------------------------------------------------------
mkdir -p "$WORK/nginx/logs" "$WORK/nginx/tmp"
cat >"$WORK/nginx/nginx.conf" <<EOF
daemon off;
master_process on;
worker_processes $NGINX_WORKERS;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
events {
    worker_connections 4096;
}
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    tcp_nodelay on;
    # Like Coffer: keep connections open (Coffer closes idle ones after 300 s, never after N requests).
    keepalive_timeout 300s;
    keepalive_requests 10000000;
    client_body_temp_path $WORK/nginx/tmp/body;
    proxy_temp_path $WORK/nginx/tmp/proxy;
    fastcgi_temp_path $WORK/nginx/tmp/fastcgi;
    uwsgi_temp_path $WORK/nginx/tmp/uwsgi;
    scgi_temp_path $WORK/nginx/tmp/scgi;
    types { }
    default_type "$CONTENT_TYPE";
    etag off;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $WORK/www;
        location / {
            add_header Cache-Control no-store;
        }
    }
}
EOF
NGINX_ARGS=(-p "$WORK/nginx" -e "$WORK/nginx/logs/error.log" -c "$WORK/nginx/nginx.conf")
"$NGINX_BIN" -t "${NGINX_ARGS[@]}" >"$WORK/nginx-t.log" 2>&1 || { cat "$WORK/nginx-t.log" >&2; die "nginx rejected its config"; }
log "starting nginx on $NGINX_URL ($NGINX_WORKERS workers)"
setsid "$NGINX_BIN" "${NGINX_ARGS[@]}" >"$WORK/nginx.log" 2>&1 </dev/null &
NGINX_PID=$!
PIDS+=("$NGINX_PID")
CPU_PID[nginx]="$NGINX_PID"
wait_http "$NGINX_URL/" 20 "$NGINX_PID" || { cat "$WORK/nginx.log" "$WORK/nginx/logs/error.log" >&2; die "nginx did not come up"; }
curl -sS --max-time 5 -D "$OUT_DIR/nginx-response-headers.txt" -o "$WORK/nginx-body" "${URL[nginx]}"
cmp -s "$WORK/nginx-body" "$BODY_FILE" || die "nginx does not serve the same body"
grep -qi "^content-type: $CONTENT_TYPE" "$OUT_DIR/nginx-response-headers.txt" || die "nginx does not send Content-Type $CONTENT_TYPE"
cp "$WORK/nginx/nginx.conf" "$OUT_DIR/nginx.conf"

# ---------------------------------------------------------------------------------------------
# wrk: identical settings for every server (nginx gets the token header too and ignores it)
# ---------------------------------------------------------------------------------------------
# coffer-aws replays one SigV4-signed GetSecretValue (POST with a body: a wrk Lua script), signed
# right before each run (valid for 15 minutes).
if [ "$SCENARIO" = aws ]; then
  printf 'wrk.method = "POST"\nwrk.body = [[%s]]\n' "$(cat "$WORK/aws-request.json")" >"$WORK/aws-post.lua"
fi
wrk_run() { # seconds server
  local extra=(-H "X-Vault-Token: $READ_TOKEN")
  if [ "$2" = coffer-aws ]; then
    sign_aws
    extra=(-s "$WORK/aws-post.lua" "${AWS_HEADERS[@]}")
  fi
  timeout $(($1 + 60)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1s" --latency --timeout 5s "${extra[@]}" "${URL[$2]}"
}
case "$SCENARIO" in
  root) WRK_SHOWN="wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency --timeout 5s -H 'X-Vault-Token: <root token>' URL" ;;
  policy-audit) WRK_SHOWN="wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency --timeout 5s -H 'X-Vault-Token: <read-only policy token>' URL" ;;
  aws) WRK_SHOWN="wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency --timeout 5s; nginx and coffer (KV read, GET) with -H 'X-Vault-Token: <read-only policy token>'; coffer-aws (GetSecretValue) with -s post.lua (POST / with body {\"SecretId\":\"$AWS_SECRET_ID\"}) and the SigV4 headers (content-type;host;x-amz-date;x-amz-target signed by an access key with the same policy, re-signed before every run)" ;;
esac

HZ=$(getconf CLK_TCK)
NCPU=$(nproc)
cpu_ticks() { # user+sys ticks of a process and its live children (nginx workers)
  local pid total=0 t
  for pid in "$1" $(pgrep -P "$1" 2>/dev/null || true); do
    t=$(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0)
    total=$((total + t))
  done
  echo "$total"
}

busy_ticks() { # non-idle CPU ticks of the whole machine so far
  awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9; exit }' /proc/stat
}
own_children_ticks() { # CPU ticks of this script's finished children (wrk, via timeout)
  awk '{ print $16 + $17 }' "/proc/$$/stat"
}

# Other engineers' builds share this machine: before each run, wait (bounded) until the machine
# is quiet, i.e. less than QUIET_PCT % busy over 3 s while our servers idle.
QUIET_PCT="${QUIET_PCT:-20}"
QUIET_MAX_WAIT="${QUIET_MAX_WAIT:-120}"
wait_quiet() {
  local deadline=$((SECONDS + QUIET_MAX_WAIT)) b0 b1 pct start=$SECONDS
  while :; do
    b0=$(busy_ticks); sleep 3; b1=$(busy_ticks)
    pct=$(( 100 * (b1 - b0) / (3 * HZ * NCPU) ))
    [ "$pct" -lt "$QUIET_PCT" ] && break
    if [ "$SECONDS" -ge "$deadline" ]; then
      log "  machine still ${pct}% busy after ${QUIET_MAX_WAIT}s of waiting; measuring anyway"
      return 0
    fi
  done
  [ $((SECONDS - start)) -le 3 ] || log "  waited $((SECONDS - start))s for a quiet machine"
}

# One measured run. Besides wrk's numbers it records the server's CPU time and the CPU time that
# neither the server nor wrk used ("other": other processes on the machine, i.e. noise).
measure() { # name outfile
  local name="$1" out="$2" before after busy0 busy1 own0 own1 t0
  wait_quiet
  before=$(cpu_ticks "${CPU_PID[$name]}"); busy0=$(busy_ticks); own0=$(own_children_ticks); t0=$(date +%s.%N)
  wrk_run "$DURATION" "$name" >"$out" 2>&1 || { cat "$out" >&2; die "wrk against $name failed"; }
  after=$(cpu_ticks "${CPU_PID[$name]}"); busy1=$(busy_ticks); own1=$(own_children_ticks)
  awk -v a="$before" -v b="$after" -v b0="$busy0" -v b1="$busy1" -v o0="$own0" -v o1="$own1" -v hz="$HZ" \
      -v ncpu="$NCPU" -v t0="$t0" -v t1="$(date +%s.%N)" 'BEGIN {
    printf "server_cpu_seconds %.2f\n", (b - a) / hz
    printf "client_cpu_seconds %.2f\n", (o1 - o0) / hz
    other = ((b1 - b0) - (b - a) - (o1 - o0)) / hz
    printf "other_cpu_pct %.0f\n", (other < 0 ? 0 : 100 * other / ((t1 - t0) * ncpu))
  }' >>"$out"
  if grep -q 'Non-2xx or 3xx responses' "$out"; then
    cat "$out" >&2
    die "$name answered errors under load"
  fi
}

parse_wrk() { # wrk output -> rps p50_ms p99_ms requests socket_errors server_cpu_s client_cpu_s other_cpu_pct
  awk '
    function ms(v) {
      if (v ~ /us$/) { sub(/us$/, "", v); return v / 1000 }
      if (v ~ /ms$/) { sub(/ms$/, "", v); return v + 0 }
      if (v ~ /m$/)  { sub(/m$/, "", v);  return v * 60000 }
      if (v ~ /s$/)  { sub(/s$/, "", v);  return v * 1000 }
      return v
    }
    /^Requests\/sec:/ { rps = $2 }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    / requests in / { n = $1 }
    /^ +Socket errors:/ { e = $0; gsub(/[^0-9 ]/, "", e); split(e, f, " "); errs = f[1] + f[2] + f[3] + f[4] }
    /^server_cpu_seconds/ { cpu = $2 }
    /^client_cpu_seconds/ { client = $2 }
    /^other_cpu_pct/ { other = $2 }
    END { printf "%s %.3f %.3f %s %d %s %s %s\n", rps, p50, p99, n, errs, cpu, client, other }
  ' "$1"
}

for name in "${SERVERS[@]}"; do
  if [ "$name" = nginx ]; then w=5; else w="$WARMUP"; fi
  log "warm-up: ${w}s on $name (not measured)"
  wrk_run "$w" "$name" >"$OUT_DIR/warmup-$name.txt" 2>&1 || die "warm-up against $name failed"
done

RESULTS="$OUT_DIR/results.tsv"
printf 'round\tserver\trps\tp50_ms\tp99_ms\trequests\tsocket_errors\tserver_cpu_s\twrk_cpu_s\tother_cpu_pct\n' >"$RESULTS"
COFFERS=("${SERVERS[@]:1}")
for round in $(seq 1 "$ROUNDS"); do
  # nginx first; with baselines, the Coffers' order rotates from round to round.
  k=$(( (round - 1) % ${#COFFERS[@]} ))
  ORDER=(nginx "${COFFERS[@]:k}" "${COFFERS[@]:0:k}")
  for name in "${ORDER[@]}"; do
    out="$OUT_DIR/round$round-$name.txt"
    log "round $round/$ROUNDS: $name"
    measure "$name" "$out"
    read -r rps p50 p99 n errs cpu client other < <(parse_wrk "$out")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$name" "$rps" "$p50" "$p99" "$n" "$errs" "$cpu" "$client" "$other" >>"$RESULTS"
    log "  $name: $rps req/s, p50 $p50 ms, p99 $p99 ms, server CPU $cpu s, wrk CPU $client s, other processes ${other}% of the machine, socket errors $errs"
  done
done
for name in "${SERVERS[@]}"; do
  [ "$name" = nginx ] || [ "$name" = coffer-aws ] || cp "$WORK/$name.log" "$OUT_DIR/$name-server.log"
done

# ---------------------------------------------------------------------------------------------
# Summary: per round and mean; the ratio is coffer / nginx of the same round
# ---------------------------------------------------------------------------------------------
SUMMARY="$OUT_DIR/summary.md"
{
  case "$SCENARIO" in
    root) echo "HTTP benchmark: KV v2 read (root token, dev server) vs nginx, $(date -u +%Y-%m-%dT%H:%M:%SZ)" ;;
    policy-audit) echo "HTTP benchmark: KV v2 read (non-root token with a read policy, file audit device on, dev server) vs nginx, $(date -u +%Y-%m-%dT%H:%M:%SZ)" ;;
    aws) echo "HTTP benchmark: AWS GetSecretValue (coffer-aws) vs KV v2 read (coffer) of the same secret in one dev server, non-root token and access key with the same read policy, audit device $([ "$AUDIT" = 1 ] && echo on || echo off); nginx as reference, $(date -u +%Y-%m-%dT%H:%M:%SZ)" ;;
  esac
  echo
  echo "- $WRK_SHOWN$([ "$SCENARIO" = aws ] || echo ", identical for every server"); $ROUNDS rounds of nginx then ${COFFERS[*]} (rotating); warm-up ${WARMUP}s"
  [ "$SCENARIO" != aws ] || echo "- GetSecretValue response: $AWS_BODY_BYTES bytes, Content-Type: application/x-amz-json-1.1 (nginx serves the KV read's bytes below, GET only)"
  echo "- response: $BODY_BYTES bytes, Content-Type: $CONTENT_TYPE; Coffer via $COFFER_LAUNCH, JVM flags: $JVM_OPTS"
  printf '%s' "${BASELINE_NOTE:-}"
  echo "- nginx $("$NGINX_BIN" -v 2>&1 | sed 's/.*nginx\///'), $NGINX_WORKERS workers; $(nproc) cores; $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
  echo
  awk -F'\t' -v order="${SERVERS[*]}" -v scenario="$SCENARIO" -v target="$( [ "$SCENARIO" = root ] && echo 0.40 || echo 0.50)" '
    function median(arr, k,    i, j, t) { # sorts arr[1..k] in place
      for (i = 2; i <= k; i++) { t = arr[i]; for (j = i - 1; j >= 1 && arr[j] > t; j--) arr[j + 1] = arr[j]; arr[j + 1] = t }
      return k % 2 ? arr[(k + 1) / 2] : (arr[k / 2] + arr[k / 2 + 1]) / 2
    }
    NR == 1 { next }
    {
      r = $1; s = $2
      rps[r, s] = $3; p50[r, s] = $4; p99[r, s] = $5; n[r, s] = $6; err[r, s] = $7; cpu[r, s] = $8; wrk[r, s] = $9; oth[r, s] = $10
      if (r > rounds) rounds = r
    }
    END {
      ns = split(order, names, " ")
      print "| round | server | req/s | vs nginx | p50 ms | p99 ms | server CPU us/req | wrk CPU us/req | other processes | socket errors |"
      print "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"
      for (r = 1; r <= rounds; r++) {
        for (i = 1; i <= ns; i++) {
          s = names[i]
          printf "| %d | %s | %.0f | %.1f%% | %.2f | %.2f | %.1f | %.1f | %d%% | %d |\n", r, s, rps[r, s], 100 * rps[r, s] / rps[r, "nginx"],
            p50[r, s], p99[r, s], 1e6 * cpu[r, s] / n[r, s], 1e6 * wrk[r, s] / n[r, s], oth[r, s], err[r, s]
          sum[s] += rps[r, s]; s50[s] += p50[r, s]; s99[s] += p99[r, s]; scpu[s] += cpu[r, s]; swrk[s] += wrk[r, s]
          sn[s] += n[r, s]; soth[s] += oth[r, s]
        }
      }
      for (i = 1; i <= ns; i++) {
        s = names[i]
        printf "| **mean** | **%s** | **%.0f** | **%.1f%%** | %.2f | %.2f | %.1f | %.1f | %.0f%% | |\n", s, sum[s] / rounds,
          100 * sum[s] / sum["nginx"], s50[s] / rounds, s99[s] / rounds, 1e6 * scpu[s] / sn[s], 1e6 * swrk[s] / sn[s], soth[s] / rounds
      }
      print ""
      for (i = 2; i <= ns; i++) {
        s = names[i]
        for (r = 1; r <= rounds; r++) ratio[r] = rps[r, s] / rps[r, "nginx"]
        printf "RESULT %s/nginx = %.1f%% (mean req/s over mean req/s; median of the rounds %.1f%%)%s\n", s,
          100 * sum[s] / sum["nginx"], 100 * median(ratio, rounds),
          (s == "coffer" && scenario != "aws" ? sprintf("; target >= %d%%: %s", target * 100, sum[s] / sum["nginx"] >= target ? "met" : "NOT met") : "")
      }
      if (scenario == "aws") {
        # Issue 4: GetSecretValue throughput at least 80% of the KV read of the same run.
        line = ""
        for (r = 1; r <= rounds; r++) {
          ratio[r] = rps[r, "coffer-aws"] / rps[r, "coffer"]
          line = line sprintf("%s round %d %.1f%%", (r > 1 ? ";" : ""), r, 100 * ratio[r])
        }
        overall = sum["coffer-aws"] / sum["coffer"]
        print ""
        print "GetSecretValue/KV read per round:" line
        printf "RESULT GetSecretValue/KV read = %.1f%% (mean req/s over mean req/s; median of the rounds %.1f%%); target >= 80%%: %s\n",
          100 * overall, 100 * median(ratio, rounds), overall >= 0.80 ? "met" : "NOT met"
        # Steadier than req/s on a shared machine: what each request costs the server.
        printf "Server CPU per request: GetSecretValue %.1f us, KV read %.1f us (KV/GetSecretValue = %.1f%%)\n",
          1e6 * scpu["coffer-aws"] / sn["coffer-aws"], 1e6 * scpu["coffer"] / sn["coffer"],
          100 * (scpu["coffer"] / sn["coffer"]) / (scpu["coffer-aws"] / sn["coffer-aws"])
      }
    }
  ' "$RESULTS"
  echo
  echo "vs nginx: req/s / nginx's req/s of the same round. p50/p99 of the mean rows: means of the rounds."
  echo "Server CPU us/req: CPU time (user+sys, all threads or workers) of the server during the run /"
  echo "requests served. wrk CPU us/req: the same for wrk, which shares the cores. Other processes:"
  echo "CPU time used by neither (other work on the machine) as a share of all cores: noise."
} >"$SUMMARY"
cat "$SUMMARY"
log "raw outputs in $OUT_DIR"
