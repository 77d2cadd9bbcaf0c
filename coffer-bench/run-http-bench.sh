#!/usr/bin/env bash
# HTTP load benchmark: KV v2 reads from a Coffer dev server (root token) against nginx serving the
# same response body with the same Content-Type, with identical wrk settings, in the same run,
# alternating nginx, coffer, nginx, coffer ... so that both see the same machine noise.
#
#   coffer-bench/run-http-bench.sh                 # defaults below
#   ROUNDS=5 DURATION=30 coffer-bench/run-http-bench.sh
#
# Settings (environment):
#   ROUNDS=3          alternating rounds (each: one nginx run, then one coffer run)
#   THREADS=2         wrk -t
#   CONNECTIONS=64    wrk -c
#   DURATION=20       wrk -d, seconds per run
#   WARMUP=20         seconds of load on Coffer before the first measured run (JIT), 5 on nginx
#   COFFER_LAUNCH=auto   launcher (./coffer server --dev ...), inprocess (BenchDevServer from
#                     coffer-bench/target/benchmarks.jar), or auto (launcher when its CLI exists)
#   COFFER_JVM_OPTS="-Xms1g -Xmx1g -XX:+AlwaysPreTouch"   JVM flags of the Coffer server
#   COFFER_EXTRA_JVM_OPTS=""   appended, e.g. JFR: -XX:StartFlightRecording=delay=30s,duration=20s,filename=/tmp/c.jfr
#   NGINX_WORKERS=$(nproc)     nginx worker processes (one per core, as a normal setup)
#   OUT_DIR=coffer-bench/target/http-bench-<timestamp>   raw wrk outputs and summary.md
#
# Only 127.0.0.1 is used. Every wait is bounded; servers and temp files are removed on exit.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS="${ROUNDS:-3}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-64}"
DURATION="${DURATION:-20}"
WARMUP="${WARMUP:-20}"
COFFER_LAUNCH="${COFFER_LAUNCH:-auto}"
COFFER_JVM_OPTS="${COFFER_JVM_OPTS:--Xms1g -Xmx1g -XX:+AlwaysPreTouch}"
COFFER_EXTRA_JVM_OPTS="${COFFER_EXTRA_JVM_OPTS:-}"
NGINX_WORKERS="${NGINX_WORKERS:-$(nproc)}"
OUT_DIR="${OUT_DIR:-$ROOT/coffer-bench/target/http-bench-$(date -u +%Y%m%dT%H%M%SZ)}"
TOKEN="bench-root-$RANDOM$RANDOM"
SECRET_PATH="secret/data/bench/orders-db"

log() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# ---------------------------------------------------------------------------------------------
# Cleanup: kill what we started (by pid / process group), remove the temp dir.
# ---------------------------------------------------------------------------------------------
WORK=""
COFFER_PID=""
NGINX_PID=""

stop_pid() { # pid, name: TERM the process group, wait up to 10 s, then KILL
  local pid="$1" name="$2" i
  [ -n "$pid" ] || return 0
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "$name did not stop in 10 s; killing it"
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_pid "$NGINX_PID" nginx
  stop_pid "$COFFER_PID" coffer
  if [ -n "$WORK" ] && [ -d "$WORK" ]; then
    rm -rf -- "$WORK"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------------------------------------
# Tools
# ---------------------------------------------------------------------------------------------
install_tools() {
  local missing=()
  command -v wrk >/dev/null 2>&1 || missing+=(wrk)
  command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]}"
  command -v apt-get >/dev/null 2>&1 || die "missing ${missing[*]} and no apt-get to install them"
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}" >"$WORK/apt.log" 2>&1; then
    log "apt-get install failed; running apt-get update first"
    DEBIAN_FRONTEND=noninteractive apt-get update >>"$WORK/apt.log" 2>&1 || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}" >>"$WORK/apt.log" 2>&1 \
      || { tail -n 20 "$WORK/apt.log" >&2; die "could not install ${missing[*]}"; }
  fi
}

WORK="$(mktemp -d /tmp/coffer-http-bench.XXXXXX)"
# nginx workers run as nobody: they must be able to read the document root.
chmod 755 "$WORK"
mkdir -p "$OUT_DIR"
install_tools
NGINX_BIN="$(command -v nginx || echo /usr/sbin/nginx)"

# shellcheck source=../scripts/find-jdk.sh
. "$ROOT/scripts/find-jdk.sh"
JAVA_HOME="$(coffer_find_jdk)" || die "no JDK >= 21"
export JAVA_HOME

# ---------------------------------------------------------------------------------------------
# Ports: free loopback ports, probed with bash's /dev/tcp (connection refused = free)
# ---------------------------------------------------------------------------------------------
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pick_port() { # excludes $1 (a port already chosen)
  local i p
  for i in $(seq 1 200); do
    p=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
    [ "$p" = "${1:-}" ] && continue
    if ! port_in_use "$p"; then
      echo "$p"
      return 0
    fi
  done
  die "no free loopback port found in 200 tries"
}

COFFER_PORT="$(pick_port)"
NGINX_PORT="$(pick_port "$COFFER_PORT")"
COFFER_URL="http://127.0.0.1:$COFFER_PORT"
NGINX_URL="http://127.0.0.1:$NGINX_PORT"

wait_http() { # url, seconds, pid: wait until the URL answers, the process dies, or time is up
  local url="$1" seconds="$2" pid="$3" deadline=$((SECONDS + $2))
  while [ "$SECONDS" -lt "$deadline" ]; do
    kill -0 "$pid" 2>/dev/null || return 1
    if curl -s -o /dev/null --max-time 2 "$url"; then
      return 0
    fi
    sleep 0.2
  done
  return 1
}

# ---------------------------------------------------------------------------------------------
# Coffer
# ---------------------------------------------------------------------------------------------
if [ "$COFFER_LAUNCH" = auto ]; then
  if [ -f "$ROOT/coffer-cli/src/main/java/io/coffer/cli/CofferCommand.java" ]; then
    COFFER_LAUNCH=launcher
  else
    COFFER_LAUNCH=inprocess
  fi
fi
JVM_OPTS="$COFFER_JVM_OPTS $COFFER_EXTRA_JVM_OPTS"
case "$COFFER_LAUNCH" in
  launcher)
    # Build first (the launcher would build on first use anyway), so that the start is timed alone.
    log "building the coffer jar (./mvnw -pl coffer-cli -am package)"
    (cd "$ROOT" && ./mvnw -B -ntp -pl coffer-cli -am package -DskipTests >"$WORK/build.log" 2>&1) \
      || { tail -n 30 "$WORK/build.log" >&2; die "build failed"; }
    COFFER_CMD=(env "COFFER_JAVA_OPTS=$JVM_OPTS" "$ROOT/coffer" server --dev --dev-root-token "$TOKEN"
      --listen "127.0.0.1:$COFFER_PORT")
    ;;
  inprocess)
    log "building coffer-bench/target/benchmarks.jar (./mvnw -pl coffer-bench -am package)"
    (cd "$ROOT" && ./mvnw -B -ntp -pl coffer-bench -am package -DskipTests >"$WORK/build.log" 2>&1) \
      || { tail -n 30 "$WORK/build.log" >&2; die "build failed"; }
    # shellcheck disable=SC2206
    COFFER_CMD=("$JAVA_HOME/bin/java" $JVM_OPTS -cp "$ROOT/coffer-bench/target/benchmarks.jar"
      io.coffer.bench.BenchDevServer "127.0.0.1:$COFFER_PORT" "$TOKEN")
    ;;
  *) die "COFFER_LAUNCH must be auto, launcher or inprocess" ;;
esac

log "starting Coffer ($COFFER_LAUNCH) on $COFFER_URL with JVM flags: $JVM_OPTS"
# setsid: its own process group, so that cleanup reaches the JVM behind the launcher script.
setsid "${COFFER_CMD[@]}" >"$WORK/coffer.log" 2>&1 </dev/null &
COFFER_PID=$!
wait_http "$COFFER_URL/v1/sys/health" 180 "$COFFER_PID" \
  || { tail -n 40 "$WORK/coffer.log" >&2; die "Coffer did not come up on $COFFER_URL"; }
COFFER_JAVA_PID="$(pgrep -s "$COFFER_PID" -f 'java' | head -1 || true)"
[ -n "$COFFER_JAVA_PID" ] || COFFER_JAVA_PID="$COFFER_PID"

# A realistic secret: a database credential (username, password, JDBC URL).
log "writing the secret at $SECRET_PATH"
WRITE_BODY='{"data":{"username":"svc_orders","password":"pK7#vQ2m!Xz9Lr4tWb8e","url":"jdbc:postgresql://orders-db.internal:5432/orders?sslmode=verify-full"}}'
code=$(curl -sS -o "$WORK/write.json" -w '%{http_code}' --max-time 10 -X POST -H "X-Vault-Token: $TOKEN" \
  -H 'Content-Type: application/json' --data "$WRITE_BODY" "$COFFER_URL/v1/$SECRET_PATH")
[ "$code" = 200 ] || { cat "$WORK/write.json" >&2; die "writing the secret answered HTTP $code"; }

# Its exact response: nginx serves these bytes with the same Content-Type.
mkdir -p "$WORK/www/v1/$(dirname "$SECRET_PATH")"
BODY_FILE="$WORK/www/v1/$SECRET_PATH"
code=$(curl -sS -D "$WORK/coffer.headers" -o "$BODY_FILE" -w '%{http_code}' --max-time 10 \
  -H "X-Vault-Token: $TOKEN" "$COFFER_URL/v1/$SECRET_PATH")
[ "$code" = 200 ] || { cat "$BODY_FILE" >&2; die "reading the secret answered HTTP $code"; }
CONTENT_TYPE="$(sed -n 's/^[Cc]ontent-[Tt]ype: *\([^\r]*\)\r*$/\1/p' "$WORK/coffer.headers" | head -1)"
[ -n "$CONTENT_TYPE" ] || die "Coffer's response has no Content-Type"
BODY_BYTES=$(wc -c <"$BODY_FILE")
cp "$BODY_FILE" "$OUT_DIR/response-body.json"
cp "$WORK/coffer.headers" "$OUT_DIR/coffer-response-headers.txt"
chmod -R a+rX "$WORK/www"
log "response: $BODY_BYTES bytes, Content-Type: $CONTENT_TYPE"

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
"$NGINX_BIN" -t -p "$WORK/nginx" -e "$WORK/nginx/logs/error.log" -c "$WORK/nginx/nginx.conf" >"$WORK/nginx-t.log" 2>&1 \
  || { cat "$WORK/nginx-t.log" >&2; die "nginx rejected its config"; }
setsid "$NGINX_BIN" -p "$WORK/nginx" -e "$WORK/nginx/logs/error.log" -c "$WORK/nginx/nginx.conf" \
  >"$WORK/nginx.log" 2>&1 </dev/null &
NGINX_PID=$!
wait_http "$NGINX_URL/" 20 "$NGINX_PID" || { cat "$WORK/nginx.log" "$WORK/nginx/logs/error.log" >&2; die "nginx did not come up"; }
curl -sS --max-time 5 -D "$OUT_DIR/nginx-response-headers.txt" -o "$WORK/nginx-body" "$NGINX_URL/v1/$SECRET_PATH"
cmp -s "$WORK/nginx-body" "$BODY_FILE" || die "nginx does not serve the same body"
grep -qi "^content-type: $CONTENT_TYPE" "$OUT_DIR/nginx-response-headers.txt" || die "nginx does not send Content-Type $CONTENT_TYPE"

# ---------------------------------------------------------------------------------------------
# wrk: identical settings for both (the token header is sent to nginx too, it ignores it)
# ---------------------------------------------------------------------------------------------
WRK_ARGS=(-t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency --timeout 5s -H "X-Vault-Token: $TOKEN")
wrk_for() { # seconds, url: the same settings with another duration (warm-up)
  timeout $(($1 + 60)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1s" --latency --timeout 5s -H "X-Vault-Token: $TOKEN" "$2"
}

# CPU seconds (user+sys) consumed so far by a process and its live children (nginx workers).
cpu_ticks() {
  local pid total=0 t
  for pid in "$@" $(pgrep -P "$1" 2>/dev/null || true); do
    t=$(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0)
    total=$((total + t))
  done
  echo "$total"
}
HZ=$(getconf CLK_TCK)

run_wrk() { # name, url, outfile, cpu-pid
  local name="$1" url="$2" out="$3" pid="$4" before after
  before=$(cpu_ticks "$pid")
  timeout $((DURATION + 60)) wrk "${WRK_ARGS[@]}" "$url" >"$out" 2>&1 || { cat "$out" >&2; die "wrk against $name failed"; }
  after=$(cpu_ticks "$pid")
  echo "server_cpu_seconds $(awk -v a="$before" -v b="$after" -v hz="$HZ" 'BEGIN { printf "%.2f", (b - a) / hz }')" >>"$out"
  if grep -q 'Non-2xx or 3xx responses' "$out"; then
    cat "$out" >&2
    die "$name answered errors under load"
  fi
}

# Parses a wrk output: rps p50_ms p99_ms requests socket_errors server_cpu_seconds
parse_wrk() {
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
    /^ +Socket errors:/ { err = $0; gsub(/[^0-9 ]/, "", err); split(err, e, " "); errs = e[1] + e[2] + e[3] + e[4] }
    /^server_cpu_seconds/ { cpu = $2 }
    END { printf "%s %.3f %.3f %s %d %s\n", rps, p50, p99, n, errs, cpu }
  ' "$1"
}

log "warm-up: ${WARMUP}s on Coffer, 5s on nginx (not measured)"
wrk_for "$WARMUP" "$COFFER_URL/v1/$SECRET_PATH" >"$OUT_DIR/warmup-coffer.txt" 2>&1 || die "warm-up against Coffer failed"
wrk_for 5 "$NGINX_URL/v1/$SECRET_PATH" >"$OUT_DIR/warmup-nginx.txt" 2>&1 || die "warm-up against nginx failed"

RESULTS="$OUT_DIR/results.tsv"
printf 'round\tserver\trps\tp50_ms\tp99_ms\trequests\tsocket_errors\tserver_cpu_s\n' >"$RESULTS"
for round in $(seq 1 "$ROUNDS"); do
  for server in nginx coffer; do
    if [ "$server" = nginx ]; then url="$NGINX_URL/v1/$SECRET_PATH"; pid="$NGINX_PID"; else url="$COFFER_URL/v1/$SECRET_PATH"; pid="$COFFER_JAVA_PID"; fi
    out="$OUT_DIR/round$round-$server.txt"
    log "round $round/$ROUNDS: $server (wrk ${WRK_ARGS[*]:0:4} ${DURATION}s)"
    run_wrk "$server" "$url" "$out" "$pid"
    read -r rps p50 p99 n errs cpu < <(parse_wrk "$out")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$server" "$rps" "$p50" "$p99" "$n" "$errs" "$cpu" >>"$RESULTS"
    log "  $server: $rps req/s, p50 ${p50} ms, p99 ${p99} ms, server CPU ${cpu} s, socket errors $errs"
  done
done
cp "$WORK/coffer.log" "$OUT_DIR/coffer-server.log"

# ---------------------------------------------------------------------------------------------
# Summary
# ---------------------------------------------------------------------------------------------
SUMMARY="$OUT_DIR/summary.md"
{
  echo "## HTTP benchmark: KV v2 read vs nginx, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo
  echo "- wrk ${WRK_ARGS[*]//$TOKEN/<token>} (identical for both), $ROUNDS alternating rounds, warm-up ${WARMUP}s"
  echo "- response: $BODY_BYTES bytes, Content-Type: $CONTENT_TYPE; Coffer via $COFFER_LAUNCH, JVM: $JVM_OPTS"
  echo "- nginx $("$NGINX_BIN" -v 2>&1 | sed 's/.*nginx\///'), $NGINX_WORKERS workers; $(nproc) cores; JDK $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
  echo
  awk -F'\t' '
    NR == 1 { next }
    { rps[$1, $2] = $3; p50[$1, $2] = $4; p99[$1, $2] = $5; cpu[$1, $2] = $8; n[$1, $2] = $6; if ($1 > rounds) rounds = $1 }
    END {
      print "| round | nginx req/s | coffer req/s | coffer/nginx | nginx p50 / p99 ms | coffer p50 / p99 ms | CPU us/req nginx / coffer |"
      print "|---:|---:|---:|---:|---:|---:|---:|"
      for (r = 1; r <= rounds; r++) {
        ratio = rps[r, "coffer"] / rps[r, "nginx"]
        printf "| %d | %.0f | %.0f | %.1f%% | %.2f / %.2f | %.2f / %.2f | %.1f / %.1f |\n", r,
          rps[r, "nginx"], rps[r, "coffer"], 100 * ratio, p50[r, "nginx"], p99[r, "nginx"], p50[r, "coffer"], p99[r, "coffer"],
          1e6 * cpu[r, "nginx"] / n[r, "nginx"], 1e6 * cpu[r, "coffer"] / n[r, "coffer"]
        sn += rps[r, "nginx"]; sc += rps[r, "coffer"]
        a50n += p50[r, "nginx"]; a99n += p99[r, "nginx"]; a50c += p50[r, "coffer"]; a99c += p99[r, "coffer"]
        cn += cpu[r, "nginx"]; cc += cpu[r, "coffer"]; nn += n[r, "nginx"]; nc += n[r, "coffer"]
      }
      printf "| **mean** | **%.0f** | **%.0f** | **%.1f%%** | %.2f / %.2f | %.2f / %.2f | %.1f / %.1f |\n",
        sn / rounds, sc / rounds, 100 * sc / sn, a50n / rounds, a99n / rounds, a50c / rounds, a99c / rounds,
        1e6 * cn / nn, 1e6 * cc / nc
      printf "\nRESULT coffer/nginx = %.1f%% (target >= 40%%: %s)\n", 100 * sc / sn, (sc / sn >= 0.40 ? "met" : "NOT met")
    }
  ' "$RESULTS"
  echo
  echo "(CPU us/req: server process CPU time (user+sys, all threads/workers) during the run divided by"
  echo "requests served; wrk runs on the same cores.)"
} >"$SUMMARY"
cat "$SUMMARY"
log "raw outputs in $OUT_DIR"
