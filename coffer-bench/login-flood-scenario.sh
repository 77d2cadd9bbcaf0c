# SCENARIO=login-flood of run-http-bench.sh (sourced by it once the Coffer server runs, the secret is
# written and READ_TOKEN holds a read-only policy token): does a flood of wrong-password logins
# slow down KV reads? Issue 9 item 7's target: KV read p50 under the flood <= 2x the idle p50.
#
# Each round measures the reads twice with identical wrk settings: idle, then while
# coffer-bench/login-flood.py sends wrong-password userpass logins from FLOOD_CLIENTS loopback
# addresses (127.0.0.2 ...), every one under the per-client login rate limit. The reads run at a
# moderate fixed pace (READ_CONNECTIONS connections, each pausing READ_DELAY_MS between requests)
# so that p50 is a latency, not a measure of how much CPU is left over for a saturating client.

FLOOD_CLIENTS="${FLOOD_CLIENTS:-8}"
FLOOD_RATE="${FLOOD_RATE:-36}"
FLOOD_SENDERS="${FLOOD_SENDERS:-4}"
FLOOD_USERS="${FLOOD_USERS:-8}"
READ_CONNECTIONS="${READ_CONNECTIONS:-4}"
READ_DELAY_MS="${READ_DELAY_MS:-2}"
case "$FLOOD_CLIENTS$FLOOD_SENDERS$FLOOD_USERS$READ_CONNECTIONS$READ_DELAY_MS" in
  *[!0-9]*) die "FLOOD_CLIENTS, FLOOD_SENDERS, FLOOD_USERS, READ_CONNECTIONS and READ_DELAY_MS must be whole numbers" ;;
esac
[ "$FLOOD_CLIENTS" -ge 1 ] && [ "$FLOOD_CLIENTS" -le 200 ] || die "FLOOD_CLIENTS must be 1-200 (127.0.0.2 ...)"
command -v python3 >/dev/null 2>&1 || die "SCENARIO=login-flood needs python3 (the login flood)"

FLOOD_ADDRESSES=()
for i in $(seq 2 $((FLOOD_CLIENTS + 1))); do
  FLOOD_ADDRESSES+=("127.0.0.$i")
done

api POST sys/auth/userpass '{"type":"userpass"}' >/dev/null || die "could not enable userpass"
api PUT auth/userpass/users/bench-user '{"password":"the-right-password","token_policies":"bench-read"}' >/dev/null \
  || die "could not create the userpass user"
code=$(curl -sS -o "$WORK/login.json" -w '%{http_code}' --max-time 10 -X PUT -H 'Content-Type: application/json' \
  --data '{"password":"the-right-password"}' "$COFFER_URL/v1/auth/userpass/login/bench-user")
[ "$code" = 200 ] || { cat "$WORK/login.json" >&2; die "the right password does not log in (HTTP $code)"; }
code=$(curl -sS -o /dev/null -w '%{http_code}' --max-time 10 -X PUT -H 'Content-Type: application/json' \
  --data '{"password":"not-the-password"}' "$COFFER_URL/v1/auth/userpass/login/bench-user")
[ "$code" = 400 ] || die "a wrong password answered HTTP $code, not 400"

printf 'function delay()\n  return %d\nend\n' "$READ_DELAY_MS" >"$WORK/read-pace.lua"
READ_URL="$COFFER_URL/v1/$SECRET_PATH"
read_run() { # seconds -> wrk output
  timeout $(($1 + 60)) wrk -t1 -c"$READ_CONNECTIONS" -d"$1s" --latency --timeout 5s -s "$WORK/read-pace.lua" \
    -H "X-Vault-Token: $READ_TOKEN" "$READ_URL"
}
p50_ms() { # wrk output -> p50 in ms
  awk '/^ +50%/ { v = $2
      if (v ~ /us$/) { sub(/us$/, "", v); print v / 1000; exit }
      if (v ~ /ms$/) { sub(/ms$/, "", v); print v + 0; exit }
      if (v ~ /s$/)  { sub(/s$/, "", v);  print v * 1000; exit } }' "$1"
}
p99_ms() {
  awk '/^ +99%/ { v = $2
      if (v ~ /us$/) { sub(/us$/, "", v); print v / 1000; exit }
      if (v ~ /ms$/) { sub(/ms$/, "", v); print v + 0; exit }
      if (v ~ /s$/)  { sub(/s$/, "", v);  print v * 1000; exit } }' "$1"
}
rps_of() { awk '/^Requests\/sec:/ { print $2 }' "$1"; }
busy_pct() { # machine busy % over the last interval: reads /proc/stat into LAST_BUSY/LAST_TOTAL
  local b t
  read -r b t < <(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9; exit }' /proc/stat)
  if [ -n "${LAST_TOTAL:-}" ] && [ "$t" -gt "$LAST_TOTAL" ]; then
    echo $(( 100 * (b - LAST_BUSY) / (t - LAST_TOTAL) ))
  else
    echo 0
  fi
  LAST_BUSY=$b LAST_TOTAL=$t
}

# Warm-up: the read path (saturating, as the other scenarios) and the login path (a short flood).
log "warm-up: ${WARMUP}s of reads (wrk -t$THREADS -c$CONNECTIONS) and a 10 s login flood (not measured)"
timeout $((WARMUP + 60)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -H "X-Vault-Token: $READ_TOKEN" "$READ_URL" \
  >"$OUT_DIR/warmup-reads.txt" 2>&1 || die "read warm-up failed"
timeout 70 python3 "$ROOT/coffer-bench/login-flood.py" "127.0.0.1:$COFFER_PORT" 10 "$FLOOD_RATE" "$FLOOD_SENDERS" \
  "$FLOOD_USERS" "${FLOOD_ADDRESSES[@]}" >"$OUT_DIR/warmup-flood.json" || die "login flood warm-up failed"

RESULTS="$OUT_DIR/results.tsv"
printf 'round\tidle_p50_ms\tflood_p50_ms\tratio\tidle_p99_ms\tflood_p99_ms\tidle_reads_s\tflood_reads_s\tlogins_s\tstatus_400\tstatus_429_pool\tstatus_429_limiter\ttransport_errors\tidle_busy_pct\tflood_busy_pct\n' >"$RESULTS"
for round in $(seq 1 "$ROUNDS"); do
  log "round $round/$ROUNDS: reads, idle (${DURATION}s)"
  busy_pct >/dev/null
  read_run "$DURATION" >"$OUT_DIR/round$round-idle.txt" 2>&1 || { cat "$OUT_DIR/round$round-idle.txt" >&2; die "idle reads failed"; }
  idle_busy=$(busy_pct)
  log "round $round/$ROUNDS: reads under the login flood (flood $((DURATION + 4))s, reads ${DURATION}s from its 2nd second)"
  timeout $((DURATION + 70)) python3 "$ROOT/coffer-bench/login-flood.py" "127.0.0.1:$COFFER_PORT" $((DURATION + 4)) \
    "$FLOOD_RATE" "$FLOOD_SENDERS" "$FLOOD_USERS" "${FLOOD_ADDRESSES[@]}" >"$OUT_DIR/round$round-flood.json" &
  flood_pid=$!
  sleep 2
  busy_pct >/dev/null
  read_run "$DURATION" >"$OUT_DIR/round$round-flooded.txt" 2>&1 || { cat "$OUT_DIR/round$round-flooded.txt" >&2; die "reads under the flood failed"; }
  flood_busy=$(busy_pct)
  wait "$flood_pid" || die "the login flood failed"
  for f in "$OUT_DIR/round$round-idle.txt" "$OUT_DIR/round$round-flooded.txt"; do
    if grep -q 'Non-2xx or 3xx responses' "$f"; then cat "$f" >&2; die "reads answered errors"; fi
  done
  idle=$(p50_ms "$OUT_DIR/round$round-idle.txt"); flooded=$(p50_ms "$OUT_DIR/round$round-flooded.txt")
  read -r logins s400 pool limiter errs < <(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
print(d["logins_per_second"], d["by_status"].get("400", 0), d["429_causes"]["pool"], d["429_causes"]["rate_limiter"], d["transport_errors"])
' "$OUT_DIR/round$round-flood.json")
  ratio=$(awk -v a="$flooded" -v b="$idle" 'BEGIN { printf "%.2f", a / b }')
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$idle" "$flooded" "$ratio" \
    "$(p99_ms "$OUT_DIR/round$round-idle.txt")" "$(p99_ms "$OUT_DIR/round$round-flooded.txt")" \
    "$(rps_of "$OUT_DIR/round$round-idle.txt")" "$(rps_of "$OUT_DIR/round$round-flooded.txt")" \
    "$logins" "$s400" "$pool" "$limiter" "$errs" "$idle_busy" "$flood_busy" >>"$RESULTS"
  log "  idle p50 $idle ms, flood p50 $flooded ms (x$ratio); logins $logins/s: 400 $s400, 429 pool $pool, 429 limiter $limiter, transport errors $errs; machine busy ${idle_busy}% / ${flood_busy}%"
done
cp "$WORK/coffer.log" "$OUT_DIR/coffer-server.log" 2>/dev/null || true

SUMMARY="$OUT_DIR/summary.md"
{
  echo "Login flood benchmark: KV v2 read latency (read-only policy token, audit device $([ "$AUDIT" = 1 ] && echo on || echo off)) idle and under wrong-password userpass logins, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo
  echo "- reads: wrk -t1 -c$READ_CONNECTIONS -d${DURATION}s --latency, each connection pausing ${READ_DELAY_MS} ms between requests (Lua delay()); $ROUNDS rounds of idle then flooded; warm-up ${WARMUP}s"
  echo "- flood: coffer-bench/login-flood.py from $FLOOD_CLIENTS clients (${FLOOD_ADDRESSES[0]}-${FLOOD_ADDRESSES[-1]}), $FLOOD_RATE logins/s each on $FLOOD_SENDERS connections, $FLOOD_USERS user names each (bench-user with a wrong password, the others unknown)"
  echo "- Coffer via $COFFER_LAUNCH${LOGIN_WORKERS:+, --login-workers $LOGIN_WORKERS}, JVM flags: $JVM_OPTS; $(nproc) cores; $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
  echo
  awk -F'\t' '
    NR == 1 { next }
    { n++; r[n] = $4; si += $2; sf += $3; sl += $9; s4 += $10; sp += $11; sr += $12
      rows = rows sprintf("| %d | %.3f | %.3f | %.2f | %.3f / %.3f | %.0f / %.0f | %.1f | %d | %d | %d | %d | %d%% / %d%% |\n",
        $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) }
    END {
      print "| round | idle p50 ms | flood p50 ms | flood/idle | p99 ms idle / flood | reads/s idle / flood | logins/s | 400 | 429 (pool) | 429 (rate limiter) | transport errors | machine busy idle / flood |"
      print "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
      printf "%s", rows
      for (i = 2; i <= n; i++) { t = r[i]; for (j = i - 1; j >= 1 && r[j] > t; j--) r[j + 1] = r[j]; r[j + 1] = t }
      med = n % 2 ? r[(n + 1) / 2] : (r[n / 2] + r[n / 2 + 1]) / 2
      printf "| **mean** | **%.3f** | **%.3f** | **%.2f** | | | %.1f | %d | %d | %d | | |\n", si / n, sf / n, sf / si, sl / n, s4, sp, sr
      print ""
      printf "RESULT flood p50 / idle p50 = %.2f (mean p50s; median of the rounds %.2f); target <= 2: %s\n", sf / si, med, sf / si <= 2 ? "met" : "NOT met"
      if (sr > 0) print "WARNING: the per-client rate limiter refused " sr " logins: the flood was not entirely under the limit"
    }' "$RESULTS"
  echo
  echo "Machine busy: all cores, every process (Coffer, wrk, the flood, anything else running)."
} >"$SUMMARY"
cat "$SUMMARY"
log "raw outputs in $OUT_DIR"
